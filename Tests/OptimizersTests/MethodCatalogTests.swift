import Objectives
import Testing

@testable import Optimizers

struct MethodCatalogTests {
    /// This catalog's kinds and the wrappers, bound to this list alone (OptimizerCatalog binds them to
    /// the full list).
    static let allKinds: [OptimizerKind] = {
        let kinds = MethodCatalog.kinds + [MethodCatalog.switchKind, MethodCatalog.randomRestartsKind]
        return kinds.map { $0.resolving(in: kinds) }
    }()

    static func bound(_ name: String) -> OptimizerKind { allKinds.first { $0.name == name }! }

    /// The parameters a wrapper needs besides the one under test.
    static func base(for kind: OptimizerKind) -> ParameterSet {
        switch kind.name {
        case "switch": return ParameterSet(["first": .text("heavy-ball"), "second": .text("newton")])
        case "random-restarts": return ParameterSet(["inner": .text("gd-armijo")])
        default: return ParameterSet()
        }
    }

    @Test func namesAreUniqueKebabCase() {
        let names = Self.allKinds.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(name)")
        }
        for expected in [
            "gd-armijo", "steepest-descent-exact", "newton", "newton-cg", "lbfgs", "bfgs", "nonlinear-cg",
            "conjugate-gradient",
            "barzilai-borwein", "heavy-ball", "nesterov-constant", "nesterov-accelerated", "preconditioned-gd",
            "noisy-gd", "switch", "random-restarts",
        ] {
            #expect(names.contains(expected), "\(expected)")
        }
        for kind in Self.allKinds {
            #expect(
                !kind.summary.isEmpty && !kind.updateRule.isEmpty && !kind.conventions.isEmpty
                    && !kind.references.isEmpty, "\(kind.name)")
        }
    }

    /// Every kind builds from its defaults, both when they are left out and when each default is
    /// written explicitly (as a harness that fills defaults in would pass them).
    @Test func defaultsBuild() throws {
        for kind in Self.allKinds {
            _ = try kind.make(Self.base(for: kind), nil, 1)
            var explicit = Self.base(for: kind)
            for spec in kind.parameters { if let value = spec.defaultValue { explicit[spec.name] = value } }
            _ = try kind.make(explicit, nil, 1)
        }
    }

    /// Values outside each ParameterSpec's declared kind and range, derived from the spec itself.
    static func badValues(for spec: ParameterSpec) -> [ParameterValue] {
        switch spec.kind {
        case .number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen):
            var values: [ParameterValue] = [.text("many"), .number(.nan)]
            if let minimum { values.append(.number(minimumIsOpen ? minimum : minimum - 1)) }
            if let maximum { values.append(.number(maximumIsOpen ? maximum : maximum + 1)) }
            return values
        case .integer(let minimum):
            return [.number(Double(minimum) - 1), .number(Double(minimum) + 0.5), .flag(true)]
        case .choice(let words):
            return words.isEmpty ? [.number(1)] : [.text("no-such-choice"), .number(1)]
        case .flag:
            return [.number(1)]
        case .numbers:
            return [.text("x")]
        }
    }

    @Test func badParametersNameTheirKey() throws {
        for kind in Self.allKinds {
            for spec in kind.parameters {
                for bad in Self.badValues(for: spec) {
                    var parameters = Self.base(for: kind)
                    parameters[spec.name] = bad
                    do {
                        _ = try kind.make(parameters, nil, 1)
                        Issue.record("\(kind.name): \(spec.name) = \(bad.summary) was accepted")
                    } catch let error as ParameterError {
                        #expect(error.key == spec.name, "\(kind.name): \(error)")
                    }
                }
            }
        }
    }

    /// Rules that tie parameters together.
    @Test func crossParameterRules() throws {
        let cg = MethodCatalog.nonlinearConjugateGradient
        #expect(throws: ParameterError(key: "c2", expected: "a number in (0.0001, 0.5)", found: "0.6")) {
            _ = try cg.make(ParameterSet(["beta": .text("fletcher-reeves"), "c2": .number(0.6)]), nil, 1)
        }
        _ = try cg.make(ParameterSet(["beta": .text("polak-ribiere-plus"), "c2": .number(0.6)]), nil, 1)
        let lbfgs = MethodCatalog.lbfgs
        #expect(throws: ParameterError.self) {
            _ = try lbfgs.make(ParameterSet(["convention": .text("scipy"), "lr": .number(0.5)]), nil, 1)
        }
        #expect(throws: ParameterError.self) {
            _ = try lbfgs.make(ParameterSet(["convention": .text("scipy"), "line-search": .text("none")]), nil, 1)
        }
        let scipy = try #require(try lbfgs.make(ParameterSet(["convention": .text("scipy")]), nil, 1).base as? LBFGS)
        #expect(scipy.memory == 10 && scipy.usesLineSearch)
        let torch = try #require(try lbfgs.make(ParameterSet(), nil, 1).base as? LBFGS)
        #expect(torch.memory == 100 && !torch.usesLineSearch)
        // A missing inner method is named.
        let restarts = Self.bound("random-restarts")
        do {
            _ = try restarts.make(ParameterSet(), nil, 1)
            Issue.record("random-restarts without inner was accepted")
        } catch let error as ParameterError {
            #expect(error.key == "inner")
        }
        // Inner parameters of wrappers are reported with their prefix.
        let wrapper = Self.bound("switch")
        #expect(throws: ParameterError(key: "first.lr", expected: "a number > 0 or optimal", found: "-1")) {
            _ = try wrapper.make(
                ParameterSet(["first": .text("heavy-ball"), "first.lr": .number(-1), "second": .text("newton")]), nil, 1
            )
        }
    }

    /// Kinds that accept a schedule use it for the learning rate.
    @Test func schedulesDriveTheLearningRate() throws {
        struct Halving: Schedule { func callAsFunction(_ step: Int) -> Double { 0.5 / Double(1 << step) } }
        let objective = AxisAlignedQuadratic(eigenvalues: [1], start: [1])
        for kind in Self.allKinds where kind.acceptsSchedule {
            // noisy-gd without noise, so that the step is the learning rate alone.
            let parameters = kind.name == "noisy-gd" ? ParameterSet(["sigma": .number(0)]) : ParameterSet()
            var method = try kind.make(parameters, AnySchedule(Halving()), 1)
            var driver = TestDriver(objective)
            func run<M: Method>(_ method: inout M) throws -> [Double] {
                var steps: [Double] = []
                try driver.run(&method, maxIterations: 3, each: { _, _, report in steps.append(report.learningRate) })
                return steps
            }
            #expect(try run(&method) == [0.5, 0.25, 0.125], "\(kind.name)")
        }
    }
}
