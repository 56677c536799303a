import Objectives
import Randomness
import Testing

struct ProblemCatalogTests {
    @Test func namesAreUniqueKebabCaseAndFindable() {
        let names = ProblemCatalog.builtIn.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(name)")
            #expect(ProblemCatalog.kind(named: name)?.name == name)
        }
        #expect(ProblemCatalog.kind(named: "Rosenbrock") == nil)
    }

    /// Every kind builds with its defaults; the instance's start has the right length, finite
    /// derivatives agree with the analytic ones there, and declared defaults are valid values.
    /// An `mlp` small enough for dense finite-difference Hessians in a debug build.
    static let smallNetwork = ParameterSet(["data": .text("two-moons"), "n": .number(40), "hidden": .numbers([3])])

    @Test func everyKindBuildsWithDefaults() throws {
        for kind in ProblemCatalog.builtIn {
            #expect(!kind.summary.isEmpty && !kind.summary.contains("\n"), "\(kind.name)")
            var generator = Xoshiro256StarStar(seed: 42)
            let objective = try kind.make(ParameterSet(), &generator)
            #expect(objective.startingPoint.count == objective.dimension, "\(kind.name)")
            // A network's f* is unknown; its default (digits, 2410 weights) is too large for a dense
            // finite-difference Hessian, so its derivatives are checked on a small network.
            #expect(objective.constants.optimalValue != nil || kind.name == "mlp", "\(kind.name)")
            var small = Xoshiro256StarStar(seed: 42)
            let checked = kind.name == "mlp" ? try kind.make(Self.smallNetwork, &small) : objective
            expectExactDerivatives(checked, at: [checked.startingPoint], kind.name)
            var explicit = ParameterSet()
            for spec in kind.parameters { explicit[spec.name] = spec.defaultValue }
            var again = Xoshiro256StarStar(seed: 42)
            let same = try kind.make(explicit, &again)
            #expect(same.startingPoint == objective.startingPoint, "\(kind.name): defaults given explicitly differ")
        }
    }

    /// `gradient(at:into:)` (what first-order steps call; some kinds skip f there) writes bitwise the
    /// gradient `evaluate(at:gradient:)` writes, for every kind (quadratics rotated and not), at the
    /// start and at seeded random points around it.
    @Test func gradientAloneIsTheGradientOfEvaluate() throws {
        let variants: [(ProblemKind, ParameterSet)] =
            ProblemCatalog.builtIn.map { ($0, ParameterSet()) } + [
                (ProblemKind.quadratic, ParameterSet(["rotation": .text("random"), "d": .number(37)])),
                (ProblemKind.quadratic, ParameterSet(["rotation": .text("none"), "d": .number(37)])),
            ]
        for (kind, parameters) in variants {
            var generator = Xoshiro256StarStar(seed: 9)
            let objective = try kind.make(parameters, &generator)
            var points = [objective.startingPoint]
            for _ in 0..<3 { points.append(objective.startingPoint.map { $0 + generator.nextGaussian() }) }
            for x in points {
                var fromEvaluate = [Double](repeating: .nan, count: objective.dimension)
                var alone = [Double](repeating: .nan, count: objective.dimension)
                _ = objective.evaluate(at: x, gradient: &fromEvaluate)
                objective.gradient(at: x, into: &alone)
                #expect(alone.map(\.bitPattern) == fromEvaluate.map(\.bitPattern), "\(kind.name) \(parameters)")
            }
        }
    }

    /// An undeclared key is an error that names it, for every kind.
    @Test func everyKindRejectsUnknownParameters() {
        for kind in ProblemCatalog.builtIn {
            var generator = Xoshiro256StarStar(seed: 1)
            do {
                _ = try kind.make(ParameterSet(["colour": .text("blue")]), &generator)
                Issue.record("\(kind.name) accepted an unknown parameter")
            } catch let error as ParameterError {
                #expect(error.key == "colour", "\(kind.name): \(error)")
            } catch {
                Issue.record("\(kind.name): \(error)")
            }
        }
    }

    /// Every declared parameter rejects a value of the wrong type, naming the key.
    @Test func everyParameterRejectsTheWrongType() {
        for kind in ProblemCatalog.builtIn {
            for spec in kind.parameters {
                let wrong: ParameterValue
                switch spec.kind {
                case .choice: wrong = .number(3)
                default: wrong = .text("nonsense")
                }
                var generator = Xoshiro256StarStar(seed: 1)
                do {
                    _ = try kind.make(ParameterSet([spec.name: wrong]), &generator)
                    Issue.record("\(kind.name).\(spec.name) accepted \(wrong.summary)")
                } catch let error as ParameterError {
                    #expect(error.key == spec.name, "\(kind.name): \(error)")
                } catch {
                    Issue.record("\(kind.name): \(error)")
                }
            }
        }
    }

    @Test func errorMessagesSayWhatWasExpected() {
        var generator = Xoshiro256StarStar(seed: 1)
        do {
            _ = try ProblemKind.quadratic.make(ParameterSet(["kappa": .number(0.5)]), &generator)
            Issue.record("kappa 0.5 accepted")
        } catch {
            #expect("\(error)" == "kappa: expected a number ≥ 1, found 0.5")
        }
        do {
            _ = try ProblemKind.quadratic.make(ParameterSet(["spectrum": .text("cubic")]), &generator)
            Issue.record("spectrum cubic accepted")
        } catch {
            #expect("\(error)" == "spectrum: expected one of log, linear, outlier, two-cluster, found cubic")
        }
    }

    /// The same seed builds the same instance to the bit (start, x*, f*, Hessian at the start);
    /// kinds that draw (random starts, rotations, x*) build a different one from another seed.
    @Test func instancesAreDeterministicInTheSeed() throws {
        let drawing: Set<String> = [
            "quadratic", "double-well", "index-saddle", "monkey-saddle", "styblinski-tang", "rastrigin", "logistic",
            "least-squares", "mlp", "online-least-squares", "online-logistic", "online-linear",
        ]
        for kind in ProblemCatalog.builtIn {
            var parameters = kind.name == "mlp" ? Self.smallNetwork : ParameterSet()
            if kind.parameters.contains(where: { $0.name == "rotation" }) { parameters["rotation"] = .text("random") }
            func fingerprint(_ seed: UInt64) throws -> [UInt64] {
                var generator = Xoshiro256StarStar(seed: seed)
                let objective = try kind.make(parameters, &generator)
                var h = [Double](repeating: 0, count: objective.dimension * objective.dimension)
                objective.hessian(at: objective.startingPoint, into: &h)
                let constants = (objective.constants.minimizer ?? []) + [objective.constants.optimalValue ?? .nan]
                return (objective.startingPoint + constants + h).map(\.bitPattern)
            }
            #expect(try fingerprint(77) == fingerprint(77), "\(kind.name)")
            #expect(try (fingerprint(77) != fingerprint(78)) == drawing.contains(kind.name), "\(kind.name)")
        }
    }
}
