import Objectives
import Testing

@testable import Optimizers

/// The full optimizer catalog: first-order kinds, methods and the wrappers resolved through it.
@Suite struct OptimizerCatalogTests {
    /// f = ½ Σ λᵢ xᵢ², λ = (1, 2, …, 10) (κ = 10, L = 10, μ = 1 known), from x₀ = (1, …, 1).
    static let quadratic = AxisAlignedQuadratic(
        eigenvalues: (1...10).map(Double.init), minimizer: [Double](repeating: 0, count: 10),
        startingPoint: [Double](repeating: 1, count: 10))

    /// The keys a wrapper needs (the inner method names have no default).
    static func required(_ kind: OptimizerKind) -> ParameterSet {
        switch kind.name {
        case "switch": return ParameterSet(["first": .text("adam"), "second": .text("sgd"), "switch-at": .number(5)])
        case "random-restarts":
            return ParameterSet(["inner": .text("gd-armijo"), "iterations-per-restart": .number(3)])
        default: return ParameterSet()
        }
    }

    @Test func holdsEveryKindOnceUnderAUniqueName() throws {
        let names = OptimizerCatalog.builtIn.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(
            names == FirstOrderOptimizerCatalog.kinds.map(\.name) + MethodCatalog.kinds.map(\.name) + [
                "switch", "random-restarts",
            ])
        for wrapper in ["switch", "random-restarts"] {
            let kind = try #require(OptimizerCatalog.kind(named: wrapper))
            for key in kind.innerKindKeys {
                #expect(kind.parameters.first { $0.name == key }?.kind == .choice(names), "\(wrapper).\(key)")
            }
        }
        for name in names { #expect(OptimizerCatalog.kind(named: name)?.name == name) }
        #expect(OptimizerCatalog.kind(named: "no-such-optimizer") == nil)
    }

    /// (Kinds that play an online problem's rounds, `online-gd`, refuse a quadratic: OnlineRegretTests.)
    @Test func everyKindRunsTenIterationsFromItsDefaults() throws {
        for kind in OptimizerCatalog.builtIn where kind.benchmark.problem != .onlineStream {
            var method = try kind.make(Self.required(kind), nil, 7)
            var driver = TestDriver(Self.quadratic)
            var iterates: [[Double]] = []
            try driver.run(&method, maxIterations: 10, each: { _, x, _ in iterates.append(x) })
            #expect(!iterates.isEmpty, "\(kind.name)")
            #expect(iterates.allSatisfy { $0.allSatisfy(\.isFinite) }, "\(kind.name)")
            #expect(Self.quadratic.value(at: driver.x).isFinite, "\(kind.name)")
        }
    }

    /// `switch` from adam to sgd, named through the catalog: the first 5 iterates are adam's (built on
    /// its own from the catalog), every later one is the plain gradient step x − η·Λx with η = second.lr.
    @Test func switchesFromAdamToSGDByName() throws {
        let switchKind = try #require(OptimizerCatalog.kind(named: "switch"))
        var method = try switchKind.make(
            ParameterSet([
                "first": .text("adam"), "first.lr": .number(0.1), "second": .text("sgd"), "second.lr": .number(0.05),
                "switch-at": .number(5),
            ]), nil, 1)
        var driver = TestDriver(Self.quadratic)
        var iterates: [[Double]] = [Self.quadratic.startingPoint]
        try driver.run(&method, maxIterations: 12, each: { _, x, _ in iterates.append(x) })
        #expect(iterates.count == 13)

        var adam = try #require(OptimizerCatalog.kind(named: "adam")).make(ParameterSet(["lr": .number(0.1)]), nil, 1)
        var alone = TestDriver(Self.quadratic)
        var adamIterates: [[Double]] = [Self.quadratic.startingPoint]
        try alone.run(&adam, maxIterations: 5, each: { _, x, _ in adamIterates.append(x) })
        #expect(Array(iterates[0...5]) == adamIterates)

        for k in 5..<12 {
            for i in 0..<10 {
                let expected = iterates[k][i] - 0.05 * Self.quadratic.eigenvalues[i] * iterates[k][i]
                #expect(abs(iterates[k + 1][i] - expected) <= 1e-15 * abs(expected), "step \(k + 1), coordinate \(i)")
            }
        }
        // The adam phase is not a gradient step (else the comparison above would not tell them apart).
        #expect(abs(iterates[1][9] - (1 - 0.05 * 10)) > 0.1)
    }

    @Test func wrappersResolveEveryCatalogName() throws {
        let restarts = try #require(OptimizerCatalog.kind(named: "random-restarts"))
        for name in OptimizerCatalog.builtIn.map(\.name) where name != "random-restarts" && name != "switch" {
            _ = try restarts.make(ParameterSet(["inner": .text(name)]), nil, 1)
        }
        let nested = ParameterSet([
            "inner": .text("switch"), "inner.first": .text("adam"), "inner.second": .text("lbfgs"),
        ])
        _ = try restarts.make(nested, nil, 1)
        #expect(
            throws: ParameterError(
                key: "inner.second.history", expected: "a whole number ≥ 1 or convention", found: "0")
        ) {
            var bad = nested
            bad["inner.second.history"] = .number(0)
            _ = try restarts.make(bad, nil, 1)
        }
    }
}
