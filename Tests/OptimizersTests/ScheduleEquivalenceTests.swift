import Objectives
import Optimizers
import Testing

/// The torch ↔ optax equivalences of reference §B.3 over parameter sweeps (beyond the fixtures),
/// the documented differences (CosineAnnealingLR periodic vs cosine_decay clamped; OneCycleLR one
/// update ahead of cosine_onecycle), and torch's step-by-step CosineAnnealingWarmRestarts
/// recursion against gdbench's closed-form cycle lookup.
struct ScheduleEquivalenceTests {
    static func make(_ kind: String, _ parameters: [String: ParameterValue], _ baseLearningRate: Double) throws
        -> any Schedule
    {
        try #require(ScheduleCatalog.kind(named: kind)).make(ParameterSet(parameters), baseLearningRate)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * abs(b) }

    @Test(
        "StepLR = exponential_decay(staircase); ExponentialLR = exponential_decay(transition 1)",
        arguments: [(1, 0.5), (3, 0.5), (7, 0.9), (10, 0.1), (25, 1.05)])
    func exponentialDecay(stepSize: Int, gamma: Double) throws {
        let step = try Self.make("step", ["step-size": .number(Double(stepSize)), "gamma": .number(gamma)], 0.3)
        let staircase = try Self.make(
            "exponential-optax",
            ["transition-steps": .number(Double(stepSize)), "decay-rate": .number(gamma), "staircase": .flag(true)], 0.3
        )
        let exponential = try Self.make("exponential", ["gamma": .number(gamma)], 0.3)
        let continuous = try Self.make("exponential-optax", ["decay-rate": .number(gamma)], 0.3)
        for k in 0..<300 {
            #expect(Self.close(step(k), staircase(k)), "k=\(k)")
            #expect(Self.close(exponential(k), continuous(k)), "k=\(k)")
        }
    }

    @Test(
        "PolynomialLR = polynomial_schedule(η₀, 0, p, T); LinearLR(1, e, T) = linear_schedule(η₀, η₀e, T)",
        arguments: [(4, 2.0), (5, 1.0), (50, 3.0), (80, 0.5)])
    func polynomial(totalIters: Int, power: Double) throws {
        let torch = try Self.make(
            "polynomial", ["total-iters": .number(Double(totalIters)), "power": .number(power)], 0.7)
        let optax = try Self.make(
            "polynomial-optax", ["transition-steps": .number(Double(totalIters)), "power": .number(power)], 0.7)
        let linear = try Self.make(
            "linear",
            ["start-factor": .number(1), "end-factor": .number(0.2), "total-iters": .number(Double(totalIters))], 0.7)
        let linearOptax = try Self.make(
            "polynomial-optax", ["transition-steps": .number(Double(totalIters)), "end-value": .number(0.7 * 0.2)], 0.7)
        for k in 0..<200 {
            #expect(Self.close(torch(k), optax(k)), "k=\(k)")
            #expect(Self.close(linear(k), linearOptax(k)), "k=\(k)")
        }
    }

    @Test(
        "CosineAnnealingLR = cosine_decay_schedule up to T_max; beyond, torch is periodic and optax clamped",
        arguments: [1, 4, 30, 100])
    func cosine(tMax: Int) throws {
        let torch = try Self.make("cosine", ["t-max": .number(Double(tMax)), "eta-min": .number(0.01)], 0.5)
        let optax = try Self.make(
            "cosine-optax", ["decay-steps": .number(Double(tMax)), "alpha": .number(0.01 / 0.5)], 0.5)
        for k in 0...tMax { #expect(abs(torch(k) - optax(k)) <= 1e-15, "k=\(k)") }
        for k in (tMax + 1)..<(5 * tMax) {
            #expect(abs(optax(k) - 0.01) <= 1e-17, "optax stays at alpha·η₀, k=\(k)")
            #expect(abs(torch(k) - torch(k % (2 * tMax))) <= 1e-15, "torch has period 2·T_max, k=\(k)")
            #expect(abs(torch(k) - torch(2 * tMax - k % (2 * tMax))) <= 1e-15, "and is symmetric about T_max, k=\(k)")
        }
    }

    @Test(
        "OneCycleLR(cos) reaches each value of cosine_onecycle_schedule one update earlier after its peak",
        arguments: [10, 20, 100, 1000])
    func oneCycleShift(totalSteps: Int) throws {
        let torch = try Self.make("one-cycle", ["max-lr": .number(1), "total-steps": .number(Double(totalSteps))], 1)
        let optax = try Self.make(
            "one-cycle-cosine-optax", ["transition-steps": .number(Double(totalSteps)), "peak-value": .number(1)], 1)
        let torchPeak = Int(0.3 * Double(totalSteps)) - 1
        #expect(torch(torchPeak) == 1)
        #expect(optax(torchPeak + 1) == 1)
        for k in torchPeak..<totalSteps { #expect(Self.close(torch(k), optax(k + 1)), "k=\(k)") }
        #expect(torch(0) == optax(0))
    }

    /// torch's CosineAnnealingWarmRestarts.step(): T_cur += 1; if T_cur ≥ T_i { T_cur −= T_i; T_i *= T_mult }.
    @Test(
        "warm restarts: closed-form cycle = torch's step-by-step T_cur/T_i recursion",
        arguments: [(1, 1), (2, 2), (3, 3), (10, 1), (1, 2), (5, 4), (7, 10)])
    func warmRestartCycles(t0: Int, tMult: Int) {
        let schedule = CosineWarmRestartsSchedule(baseLearningRate: 1, t0: t0, tMult: tMult, etaMin: 0.1)
        var stepInCycle = 0
        var cycleLength = t0
        for k in 0..<20_000 {
            if k > 0 {
                stepInCycle += 1
                if stepInCycle >= cycleLength {
                    stepInCycle -= cycleLength
                    cycleLength *= tMult
                }
            }
            let position = schedule.cyclePosition(k)
            if position.stepInCycle != stepInCycle || position.cycleLength != cycleLength {
                Issue.record("k=\(k): closed form \(position), torch recursion (\(stepInCycle), \(cycleLength))")
                return
            }
        }
    }

    @Test("warm restarts at huge steps: restarts exactly at S(n) = T_0·(T_mult^n − 1)/(T_mult − 1), no overflow")
    func warmRestartsFarOut() {
        let schedule = CosineWarmRestartsSchedule(baseLearningRate: 1, t0: 3, tMult: 2, etaMin: 0)
        var start = 0
        var length = 3
        for _ in 0..<58 {
            #expect(schedule.cyclePosition(start) == (0, length))
            #expect(schedule.cyclePosition(start - 1 + length) == (length - 1, length))
            #expect(schedule(start) == 1)
            start += length
            length *= 2
        }
        let far = schedule(Int.max)
        #expect(far >= 0 && far <= 1)
        let steady = CosineWarmRestartsSchedule(baseLearningRate: 1, t0: 7, tMult: 1)
        #expect(steady.cyclePosition(10_000_003) == (10_000_003 % 7, 7))
    }

    @Test("warmup then S equals S shifted by the warm-up, after a linear ramp from start·η₀ to η₀")
    func warmupComposition() throws {
        let inner = try Self.make("step", ["step-size": .number(5), "gamma": .number(0.5)], 0.2)
        let warmup = try Self.make(
            "warmup",
            [
                "warmup-steps": .number(8), "warmup-start-factor": .number(0.25), "then": .text("step"),
                "step-size": .number(5), "gamma": .number(0.5),
            ], 0.2)
        for k in 0..<8 {
            let ramp = 0.2 * (0.25 + 0.75 * Double(k) / 8)
            #expect(abs(warmup(k) - ramp) <= 1e-16, "k=\(k)")
        }
        for k in 8..<100 { #expect(warmup(k) == inner(k - 8), "k=\(k)") }
        // An absolute start value: optax warmup_constant_schedule(0.01, 0.2, 4) is 0.01, 0.0575, 0.105, 0.1525, 0.2, ….
        let absolute = Warmup(peak: 0.2, startValue: 0.01, warmupSteps: 4, then: 0.2)
        let expected = [0.01, 0.0575, 0.105, 0.1525, 0.2, 0.2]
        for (k, value) in expected.enumerated() { #expect(abs(absolute(k) - value) <= 1e-16, "k=\(k)") }
    }
}
