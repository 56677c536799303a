import Harness
import Results
import Testing

/// Records carry the problem's L, μ, κ where the objective knows them (closed forms of the kinds).
@Suite struct RecordedConstantsTests {
    @Test func recordsCarryTheObjectivesConstants() throws {
        let plan = try RunPlan(
            suite: SuiteLoader(catalog: .builtIn).load(
                text: """
                    name: constants
                    seed: 3
                    repetitions: 1
                    budget: {max-iterations: 5}
                    targets: {measure: gradient-norm, thresholds: [1e-3]}
                    problems:
                      - {kind: narrow-valley}
                      - {kind: quadratic, d: 3, kappa: 10, mu: 0.5}
                      - {kind: rosenbrock}
                    optimizers:
                      - {kind: sgd, lr: 1e-4}
                    """, file: "constants.yaml"))
        let records = try SuiteRunner.records(plan)
        func problem(_ prefix: String) throws -> ProblemIdentity {
            try #require(records.first { $0.id.hasPrefix(prefix) }).problem
        }
        // ½(x² + 100y²): Hessian diag(1, 100).
        let valley = try problem("narrow-valley")
        #expect(valley.smoothness == 100 && valley.strongConvexity == 1 && valley.conditionNumber == 100)
        // quadratic: μ = mu, L = kappa·mu (reference §C.5).
        let quadratic = try problem("quadratic")
        #expect(quadratic.strongConvexity == 0.5)
        #expect(abs((quadratic.smoothness ?? 0) - 5) <= 1e-12)
        #expect(abs((quadratic.conditionNumber ?? 0) - 10) <= 1e-12)
        // Rosenbrock has no global L.
        let rosenbrock = try problem("rosenbrock")
        #expect(rosenbrock.smoothness == nil && rosenbrock.strongConvexity == nil && rosenbrock.conditionNumber == nil)
        // Analysis reads the recorded values.
        let line = try RecordCoding.line(try #require(records.first { $0.id.hasPrefix("narrow-valley") }))
        #expect(line.contains(#""smoothness":100"#) && line.contains(#""strongConvexity":1"#))
    }
}
