import Harness
import Objectives
import Testing

/// Each malformed suite must fail with one error naming file, line, key path and (for misspellings)
/// the nearest valid name.
@Suite struct ValidationTests {
    static let valid = """
        name: t
        seed: 1
        problems:
          - kind: quad
            kappa: 10
        optimizers:
          - kind: gd
            lr: 1/L
        """

    func error(_ text: String) -> SuiteError? {
        do {
            let loaded = try suite(text, file: "bad.yaml")
            try SuiteRunner.validate(try RunPlan(suite: loaded))
            return nil
        } catch {
            return error as? SuiteError
        }
    }

    @Test func theValidSuitePasses() {
        #expect(error(Self.valid) == nil)
    }

    @Test func unknownTopLevelKey() throws {
        let e = try #require(error(Self.valid + "\nrepetitons: 3"))
        #expect(e.file == "bad.yaml")
        #expect(e.line == 9)
        #expect(e.keyPath == "repetitons")
        #expect(e.message.contains("did you mean 'repetitions'"))
    }

    @Test func unknownOptimizerKind() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "kind: gd", with: "kind: gdd")))
        #expect(e.keyPath == "optimizers[0].kind")
        #expect(e.line == 7)
        #expect(e.message.contains("unknown optimizer kind 'gdd'") && e.message.contains("did you mean 'gd'"))
    }

    @Test func unknownProblemKind() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "kind: quad", with: "kind: qaud")))
        #expect(e.keyPath == "problems[0].kind")
        #expect(e.message.contains("did you mean 'quad'"))
    }

    @Test func unknownHyperparameter() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "lr: 1/L", with: "lrr: 1/L")))
        #expect(e.keyPath == "optimizers[0].lrr")
        #expect(e.line == 8)
        #expect(e.message.contains("did you mean 'lr'"))
    }

    @Test func learningRateMustBePositive() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "lr: 1/L", with: "lr: [0.1, -1]")))
        #expect(e.keyPath == "optimizers[0].lr[1]")
        #expect(e.message == "expected a number > 0, found -1")
    }

    @Test func momentumOutsideTheHalfOpenUnitInterval() throws {
        let e = try #require(error(Self.valid + "\n    momentum: 1"))
        #expect(e.keyPath == "optimizers[0].momentum")
        #expect(e.message == "expected a number in [0, 1), found 1")
    }

    @Test func expressionValueOutOfRangeIsCaughtAfterResolution() throws {
        let e = try #require(error(Self.valid + "\n    momentum: 1 - 1/kappa + 1"))
        #expect(e.keyPath == "optimizers[0].momentum")
        #expect(e.message.contains("expected a number in [0, 1)"))
        #expect(e.message.contains("on quad[kappa=10]"))
    }

    @Test func constantTheProblemLacks() throws {
        let text = Self.valid.replacingOccurrences(of: "kind: quad\n    kappa: 10", with: "kind: lsq")
            .replacingOccurrences(of: "lr: 1/L", with: "lr: 1/L")
        let e = try #require(error(text))
        #expect(e.keyPath == "optimizers[0].lr")
        #expect(e.message == "'1/L' uses L, which lsq does not know")
    }

    @Test func wrongTypeAndNonFinite() throws {
        let words = try #require(error(Self.valid.replacingOccurrences(of: "kappa: 10", with: "kappa: ten")))
        #expect(words.keyPath == "problems[0].kappa")
        #expect(words.message.contains("'ten'"))
        let mapping = try #require(error(Self.valid.replacingOccurrences(of: "kappa: 10", with: "kappa: {a: 1}")))
        #expect(mapping.message == "expected a number or an expression such as 1/L, found a mapping")
        let infinite = try #require(error(Self.valid.replacingOccurrences(of: "lr: 1/L", with: "lr: 1/0")))
        #expect(infinite.message == "expected a number > 0, found inf")
    }

    @Test func emptyListAndMissingKeys() throws {
        let empty = try #require(error(Self.valid.replacingOccurrences(of: "lr: 1/L", with: "lr: []")))
        #expect(empty.keyPath == "optimizers[0].lr")
        #expect(empty.message == "empty list")
        let noSeed = try #require(error(Self.valid.replacingOccurrences(of: "seed: 1\n", with: "")))
        #expect(noSeed.keyPath == "seed")
        let noKind = try #require(error(Self.valid.replacingOccurrences(of: "  - kind: gd\n    lr", with: "  - lr")))
        #expect(noKind.keyPath == "optimizers[0]")
        #expect(noKind.message == "missing 'kind'")
    }

    @Test func wordParametersOfferTheNearestChoice() throws {
        let e = try #require(error(Self.valid + "\n    label: bb"))
        #expect(e.keyPath == "optimizers[0].label")
        #expect(e.message.contains("expected one of a, b, found 'bb'"))
    }

    @Test func budgetTargetsAndSchedules() throws {
        let budget = try #require(error(Self.valid + "\nbudget:\n  max-iteration: 10"))
        #expect(budget.keyPath == "budget.max-iteration")
        #expect(budget.message.contains("did you mean 'max-iterations'"))
        let measure = try #require(error(Self.valid + "\ntargets:\n  measure: gradient_norm"))
        #expect(measure.message.contains("did you mean 'gradient-norm'"))
        let schedule = try #require(error(Self.valid + "\n    schedule: {kind: exponentail}"))
        #expect(schedule.keyPath == "optimizers[0].schedule.kind")
        #expect(schedule.message.contains("did you mean 'exponential'"))
        let gamma = try #require(error(Self.valid + "\n    schedule: {kind: exponential, gamma: 2}"))
        #expect(gamma.keyPath == "optimizers[0].schedule.gamma")
    }

    @Test func batchSizeNeedsAFiniteSumAndYamlErrorsHaveLines() throws {
        let batch = try #require(error(Self.valid.replacingOccurrences(of: "kappa: 10", with: "batch-size: 4")))
        #expect(batch.keyPath == "problems[0].batch-size")
        #expect(batch.message.contains("not a finite sum"))
        let yaml = try #require(error("name: t\nseed: [1\nproblems: 3"))
        #expect(yaml.message.hasPrefix("not valid YAML"))
        #expect(yaml.line != nil)
    }

    @Test func relativeGapNeedsTheOptimalValue() throws {
        var catalog = TestKinds.catalog
        catalog.problems.append(
            .init(
                name: "nofstar", summary: "", parameters: [],
                make: { _, generator in
                    var quadratic = DiagonalQuadratic.make(d: 2, kappa: 2, generator: &generator)
                    quadratic.eigenvalues = [1, 2]
                    return NoOptimum(base: quadratic)
                }))
        let text = Self.valid.replacingOccurrences(of: "kind: quad\n    kappa: 10", with: "kind: nofstar")
        let loaded = try suite(text, catalog: catalog)
        #expect(throws: SuiteError.self) { try SuiteRunner.validate(try RunPlan(suite: loaded)) }
    }
}

/// A quadratic that hides f* and x* (as logistic regression on real data does).
struct NoOptimum: Objective {
    var base: DiagonalQuadratic
    var dimension: Int { base.dimension }
    var constants: ObjectiveConstants { ObjectiveConstants(smoothness: 2, strongConvexity: 1) }
    var startingPoint: [Double] { base.startingPoint }
    func value(at x: [Double]) -> Double { base.value(at: x) }
    func evaluate(at x: [Double], gradient: inout [Double]) -> Double { base.evaluate(at: x, gradient: &gradient) }
    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        base.hessianVectorProduct(at: x, vector: v, result: &result)
    }
}
