import Objectives
import Optimizers
import Randomness
import Testing

/// The learning rates a run reads through ``RateWindow`` (blocks filled by `rates(from:into:)`, with
/// the memos of step, multi-step and warmup) must be the Doubles `schedule(k)` gives, bit for bit, and
/// agree with the libraries' fixtures as ``ScheduleGoldenTests`` requires of `schedule(k)`.
struct RateWindowTests {
    /// The rates of updates 0..<count as ``ScaleByLearningRate`` applies them in a run.
    static func runRates(_ schedule: any Schedule, count: Int) -> [Double] {
        let transform = ScaleByLearningRate(LearningRate.scheduled(AnySchedule(schedule)))
        var state = transform.initialState(parameters: [0])
        return (0..<count).map { _ in -(transform.scalingFactor(advancing: &state) ?? .nan) }
    }

    static func bitMismatches(_ schedule: any Schedule, _ actual: [Double], from first: Int = 0) -> [String] {
        let lines = actual.enumerated().compactMap { offset, value in
            let expected = schedule(first + offset)
            return value.bitPattern == expected.bitPattern ? nil : "k=\(first + offset): \(value) vs \(expected)"
        }
        return Array(lines.prefix(3))
    }

    static var fixtureCases: [ScheduleFixtures.Case] {
        get throws {
            try ScheduleFixtures.cases("schedules_torch.json") + ScheduleFixtures.cases("schedules_optax.json")
        }
    }

    /// Configurations whose boundaries fall inside, at the edge of and across windows of 32.
    static let boundaryCases: [(kind: String, parameters: [String: ParameterValue])] = [
        ("step", ["step-size": .number(1), "gamma": .number(0.5)]),
        ("step", ["step-size": .number(3), "gamma": .number(0.7)]),
        ("step", ["step-size": .number(32), "gamma": .number(0.9)]),
        ("step", ["step-size": .number(33), "gamma": .number(0.9)]),
        ("multi-step", ["milestones": .numbers([0, 0, 5, 31, 32, 32, 64, 100]), "gamma": .number(0.3)]),
        ("multi-step", ["milestones": .numbers([]), "gamma": .number(0.3)]),
        ("warmup", ["warmup-steps": .number(5), "then": .text("step"), "step-size": .number(7)]),
        ("warmup", ["warmup-steps": .number(40), "then": .text("multi-step"), "milestones": .numbers([3, 30])]),
        ("warmup", ["warmup-steps": .number(33), "then": .text("cosine"), "t-max": .number(50)]),
        ("exponential-optax", ["decay-rate": .number(0.5), "transition-steps": .number(3), "staircase": .flag(true)]),
        (
            "exponential-optax",
            [
                "decay-rate": .number(0.9), "transition-steps": .number(40), "transition-begin": .number(10),
                "staircase": .flag(true), "end-value": .number(0.05),
            ]
        ),
        ("exponential-optax", ["decay-rate": .number(1.5), "transition-steps": .number(7), "end-value": .number(0.3)]),
        ("one-cycle", ["max-lr": .number(1), "total-steps": .number(70)]),
        (
            "one-cycle",
            [
                "max-lr": .number(1), "total-steps": .number(100), "pct-start": .number(0.25),
                "anneal-strategy": .text("linear"), "three-phase": .flag(true),
            ]
        ),
        ("one-cycle-cosine-optax", ["transition-steps": .number(45), "peak-value": .number(1)]),
        (
            "one-cycle-cosine-optax",
            ["transition-steps": .number(10), "peak-value": .number(1), "pct-start": .number(0)]
        ),
        ("one-cycle-linear-optax", ["transition-steps": .number(90), "peak-value": .number(1)]),
        ("inverse-sqrt", ["warmup-steps": .number(40)]),
        ("inverse-sqrt", ["warmup-steps": .number(1)]),
        ("cosine", ["t-max": .number(7)]),
        ("cosine", ["t-max": .number(16), "eta-min": .number(0.01)]),
        ("cosine-warm-restarts", ["t-0": .number(5), "t-mult": .number(2)]),
        ("cosine-warm-restarts", ["t-0": .number(3)]),
    ]

    static func make(_ kind: String, _ parameters: [String: ParameterValue]) throws -> any Schedule {
        try #require(ScheduleCatalog.kind(named: kind)).make(ParameterSet(parameters), 0.1)
    }

    @Test("a run's rates equal schedule(k) bit for bit and the library fixture", arguments: try fixtureCases)
    func fixtureRun(_ fixture: ScheduleFixtures.Case) throws {
        let schedule = try #require(ScheduleCatalog.kind(named: fixture.kind)).make(
            fixture.parameterSet, fixture.baseLearningRate)
        let rates = Self.runRates(schedule, count: fixture.lr.count)
        #expect(Self.bitMismatches(schedule, rates).isEmpty, "\(fixture.call)")
        for (step, (actual, expected)) in zip(rates, fixture.lr).enumerated() {
            let agrees =
                fixture.match == "exact"
                ? actual == expected
                : abs(actual - expected) <= ScheduleGoldenTests.relativeTolerance * abs(expected)
            #expect(agrees, "\(fixture.call) k=\(step): run \(actual), \(fixture.library) \(expected)")
        }
    }

    @Test("boundaries inside and across windows", arguments: 0..<boundaryCases.count)
    func boundaries(_ index: Int) throws {
        let (kind, parameters) = Self.boundaryCases[index]
        let schedule = try Self.make(kind, parameters)
        let lines = Self.bitMismatches(schedule, Self.runRates(schedule, count: 300))
        #expect(lines.isEmpty, "\(kind) \(parameters): \(lines)")
    }

    @Test("rates(from:into:) at any start and length, and the window read out of order")
    func anyStartAndLength() throws {
        var generator = SplitMix64(state: 12)
        for (kind, parameters) in Self.boundaryCases {
            let schedule = try Self.make(kind, parameters)
            for _ in 0..<50 {
                let first = Int(generator.next() % 400)
                let count = Int(generator.next() % 70)
                var rates = [Double](repeating: .nan, count: count)
                rates.withUnsafeMutableBufferPointer { schedule.rates(from: first, into: $0) }
                #expect(Self.bitMismatches(schedule, rates, from: first).isEmpty, "\(kind) from \(first)")
            }
            let rate = LearningRate.scheduled(AnySchedule(schedule))
            var window = RateWindow()
            for _ in 0..<200 {
                let step = Int(generator.next() % 400)
                let value = rate.rate(at: step, window: &window)
                #expect(value.bitPattern == schedule(step).bitPattern, "\(kind) k=\(step) read out of order")
            }
        }
    }

    @Test("a constant learning rate never touches the window")
    func constant() {
        var window = RateWindow()
        #expect(LearningRate.constant(0.25).rate(at: 7, window: &window) == 0.25)
        #expect(window.rate(at: 7) == nil)
    }
}
