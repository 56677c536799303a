import Foundation
import Harness
import Objectives
import Optimizers
import Results
import Testing

/// signSGD's direction, u = sign(g) (Bernstein et al. 2018, signSGD: compressed optimisation for
/// non-convex problems, Alg. 1): a transform written outside gdbench.
struct ScaleBySign: GradientTransformation {
    func initialState(parameters: [Double]) {}

    func update(_ updates: inout [Double], state: inout Void, parameters: [Double]) {
        for i in updates.indices { updates[i] = updates[i] > 0 ? 1 : (updates[i] < 0 ? -1 : 0) }
    }
}

/// A new optimizer kind and a new schedule kind added from a test target exactly as README "Adding an
/// optimizer" and "Adding a schedule" say: one kind each, appended to a copy of the built-in catalog.
/// Every place that lists, validates, describes, runs, benchmarks or wraps kinds must see them.
@Suite struct CustomKindRegistrationTests {
    /// The optimizer: metadata plus one chain expression.
    static let signDescent = OptimizerKind.firstOrder(
        name: "sign-descent", summary: "signSGD: steps of −η·sign(g)", updateRule: "θ ← θ − η·sign(g)",
        conventions: "sign(0) = 0.", references: ["Bernstein et al. 2018, signSGD"],
        parameters: [FirstOrderParameterSpecs.learningRate(1e-2)]
    ) { _, rate in
        Chain(ScaleBySign(), ScaleByLearningRate(rate))
    }.benchmarked("{kind: sign-descent, lr: 1e-3}")

    /// The schedule: lr(k) = η₀ / 2^⌊k / every⌋.
    static let halving = ScheduleKind(
        name: "halving", summary: "η₀ halved every `every` updates", formula: "lr(k) = η₀ / 2^⌊k/every⌋",
        conventions: "torch StepLR with gamma 0.5.", references: ["pytorch/pytorch:torch/optim/lr_scheduler.py StepLR"],
        parameters: halvingSpecs
    ) { parameters, base in
        let every = try ParameterReader(parameters, specs: halvingSpecs, kind: "halving").integer("every")
        return HalvingSchedule(base: base, every: every)
    }

    static let halvingSpecs = [
        ParameterSpec("every", .integer(minimum: 1), default: .number(4), "updates between halvings")
    ]

    struct HalvingSchedule: Schedule {
        var base: Double
        var every: Int
        func callAsFunction(_ step: Int) -> Double { base / Double(1 << (step / every)) }
    }

    static let catalog: Catalog = {
        var catalog = Catalog.builtIn
        catalog.optimizers.append(signDescent)
        catalog.schedules.append(halving)
        return catalog
    }()

    static let problem = "{kind: quadratic, d: 3, kappa: 10, spectrum: linear, rotation: none, minimizer: zero}"

    static func suiteText(_ optimizer: String, iterations: Int) -> String {
        """
        name: custom
        seed: 7
        budget: {max-iterations: \(iterations)}
        targets: {measure: relative-gap, thresholds: [1e-300]}
        problems:
          - \(problem)
        optimizers:
          - \(optimizer)
        """
    }

    static func record(_ optimizer: String, iterations: Int) throws -> RunRecord {
        let suite = try SuiteLoader(catalog: catalog).load(
            text: suiteText(optimizer, iterations: iterations), file: "custom.yaml")
        return try #require(try SuiteRunner.records(try RunPlan(suite: suite)).first)
    }

    /// The problem's objective and start, built the way the suite builds them.
    static func objective() throws -> any Objective {
        let suite = try SuiteLoader(catalog: catalog).load(
            text: suiteText("{kind: sgd}", iterations: 1), file: "custom.yaml")
        let spec = try #require(try RunPlan(suite: suite).specs.first)
        return try Instantiation.makeProblem(spec.problem, problemSeed: spec.problemSeed).objective
    }

    /// f after `steps` updates θ ← θ − lr(k)·sign(∇f(θ)), computed here by hand.
    static func handWrittenSignDescent(_ objective: any Objective, steps: Int, lr: (Int) -> Double) -> Double {
        var x = objective.startingPoint
        var gradient = [Double](repeating: 0, count: x.count)
        for k in 0..<steps {
            _ = objective.evaluate(at: x, gradient: &gradient)
            let rate = lr(k)
            for i in x.indices { x[i] += -rate * (gradient[i] > 0 ? 1 : (gradient[i] < 0 ? -1 : 0)) }
        }
        return objective.value(at: x)
    }

    @Test func theNewKindIsValidatedAgainstItsSpecsAndTheSharedOptions() throws {
        let loader = SuiteLoader(catalog: Self.catalog)
        func error(_ optimizer: String) -> SuiteError? {
            do {
                _ = try loader.load(text: Self.suiteText(optimizer, iterations: 5), file: "custom.yaml")
                return nil
            } catch { return error as? SuiteError }
        }
        #expect(error("{kind: sign-descent, lr: -1}")?.keyPath == "optimizers[0].lr")
        #expect(error("{kind: sign-descent, momentum: 0.9}")?.keyPath == "optimizers[0].momentum")
        #expect(error("{kind: sign-descnt}")?.message.contains("did you mean 'sign-descent'") == true)
        #expect(error("{kind: sign-descent, clip-value: 0.5}") == nil)
        #expect(error("{kind: sgd, schedule: {kind: halving, every: 0}}")?.keyPath == "optimizers[0].schedule.every")
        #expect(throws: SuiteError.self) {
            _ = try SuiteLoader(catalog: .builtIn).load(
                text: Self.suiteText("{kind: sign-descent}", iterations: 5), file: "x.yaml")
        }
    }

    @Test func theNewKindRunsInASuiteAsTheUpdateRuleSays() throws {
        let objective = try Self.objective()
        let record = try Self.record("{kind: sign-descent, lr: 0.01}", iterations: 40)
        #expect(record.status == .budget)
        #expect(record.final.progress.iteration == 40)
        #expect(record.final.value == Self.handWrittenSignDescent(objective, steps: 40) { _ in 0.01 })
    }

    @Test func theNewKindIsListedAndDescribed() throws {
        #expect(Self.catalog.markdownTables().contains("| `sign-descent` | signSGD: steps of −η·sign(g) |"))
        #expect(Self.catalog.markdownTables().contains("| `halving` |"))
        let description = try #require(Self.catalog.describe("sign-descent"))
        #expect(description.contains("θ ← θ − η·sign(g)"))
        #expect(description.contains("clip-norm"), "the shared clipping options are declared by the helper")
        #expect(try #require(Self.catalog.describe("halving")).contains("lr(k) = η₀ / 2^⌊k/every⌋"))
        #expect(Catalog.builtIn.describe("sign-descent") == nil)
    }

    @Test func theNewKindsAreBenchmarked() throws {
        let rows = StepWorkload.everyOptimizer(in: Self.catalog)
        #expect(rows.count == Self.catalog.optimizers.count)
        var row = try #require(rows.first { $0.name.hasSuffix("· sign-descent") })
        #expect(row.optimizer == "{kind: sign-descent, lr: 1e-3}")
        row.iterations = 50
        let result = try StepBenchmark.measure(row, repeats: 1, catalog: Self.catalog)
        #expect(result.iterations == 50 && result.replayNanoseconds > 0)
        let scheduleRows = StepWorkload.everySchedule(in: Self.catalog)
        #expect(scheduleRows.last?.optimizer == "{kind: sgd, lr: 1e-3, schedule: {kind: halving}}")
    }

    /// Inside `switch` (for its first switch-at iterations it is the first method, bit for bit) and
    /// `random-restarts`, and listed among the names they accept.
    @Test func theNewKindWorksInsideTheWrappers() throws {
        let alone = try Self.record("{kind: sign-descent, lr: 0.01}", iterations: 12)
        let switched = try Self.record(
            "{kind: switch, first: sign-descent, first.lr: 0.01, second: sgd, switch-at: 12}", iterations: 12)
        #expect(switched.final.value == alone.final.value)
        let restarted = try Self.record(
            "{kind: random-restarts, inner: sign-descent, inner.lr: 0.01, restarts: 2, iterations-per-restart: 6}",
            iterations: 12)
        #expect(restarted.status == .budget && restarted.final.value.isFinite)
        for wrapper in ["switch", "random-restarts"] {
            let kind = try #require(Self.catalog.optimizer(named: wrapper))
            let key = try #require(kind.innerKindKeys.first)
            guard case .choice(let names)? = kind.parameters.first(where: { $0.name == key })?.kind else {
                Issue.record("\(wrapper).\(key) is not a choice of names")
                continue
            }
            #expect(names.contains("sign-descent"))
        }
    }

    /// The new optimizer under a warm-up schedule, and the new schedule after `warmup`: both give what
    /// the formulas give.
    @Test func theNewKindsWorkWithAndAfterWarmup() throws {
        let objective = try Self.objective()
        let warmed = try Self.record(
            "{kind: sign-descent, lr: 0.02, schedule: {kind: warmup, warmup-steps: 4, then: halving, every: 5}}",
            iterations: 20)
        // The ramp in optax linear_schedule's arithmetic from 0 to η₀ (Warmup's documented form).
        let expected = Self.handWrittenSignDescent(objective, steps: 20) { k in
            k < 4 ? (0 - 0.02) * (1 - Double(k) / 4) + 0.02 : 0.02 / Double(1 << ((k - 4) / 5))
        }
        #expect(warmed.final.value == expected)
        let warmup = try #require(Self.catalog.schedule(named: "warmup"))
        guard case .choice(let followers)? = warmup.parameters.first(where: { $0.name == "then" })?.kind else {
            Issue.record("warmup's then is not a choice of names")
            return
        }
        #expect(followers.contains("halving"))
    }
}
