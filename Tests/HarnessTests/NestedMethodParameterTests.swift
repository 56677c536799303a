import Harness
import Results
import Testing

/// `switch` and `random-restarts` take the parameters of the methods they name as `role.key`
/// (`second.lr`, `inner.convention`): the loader checks them against the named method's own
/// parameters, and they reach that method.
@Suite struct NestedMethodParameterTests {
    func text(_ optimizer: String) -> String {
        """
        name: t
        seed: 3
        budget: {max-iterations: 40}
        problems: [{kind: rosenbrock}]
        optimizers:
          - \(optimizer)
        """
    }

    func loadError(_ optimizer: String) -> SuiteError? {
        do {
            _ = try RunPlan(suite: try suite(text(optimizer), catalog: .builtIn, file: "nested.yaml"))
            return nil
        } catch {
            return error as? SuiteError
        }
    }

    @Test func anUnknownInnerKeyNamesTheInnerMethod() throws {
        let error = try #require(loadError("{kind: switch, first: adam, second: sgd, second.momentun: 0.9}"))
        #expect(error.keyPath == "optimizers[0].second.momentun")
        #expect(error.message.contains("hyperparameter of sgd (the second method of switch)"))
        #expect(error.message.contains("did you mean 'momentum'"))
    }

    @Test func anInnerValueIsCheckedAgainstTheInnerSpec() throws {
        let error = try #require(loadError("{kind: switch, first: adam, second: sgd, second.lr: -1}"))
        #expect(error.keyPath == "optimizers[0].second.lr")
        #expect(error.message.contains("expected a number > 0, found -1"))
        #expect(loadError("{kind: random-restarts, inner: lbfgs, inner.convention: scipy}") == nil)
    }

    /// sgd's default lr is 1e−3: giving it explicitly changes nothing, 1e−4 changes the iterates.
    @Test func innerParametersReachTheInnerMethod() throws {
        func finalFingerprint(_ optimizer: String) throws -> String {
            let records = try SuiteRunner.records(
                try RunPlan(suite: try suite(text(optimizer), catalog: .builtIn)),
                options: SuiteRunOptions(jobs: 1))
            return try #require(records.first).finalFingerprint
        }
        let byDefault = try finalFingerprint("{kind: switch, first: adam, second: sgd, switch-at: 10}")
        let explicit = try finalFingerprint("{kind: switch, first: adam, second: sgd, second.lr: 1e-3, switch-at: 10}")
        let smaller = try finalFingerprint("{kind: switch, first: adam, second: sgd, second.lr: 1e-4, switch-at: 10}")
        #expect(explicit == byDefault)
        #expect(smaller != byDefault)
    }
}
