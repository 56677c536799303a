import Objectives
@testable import Optimizers
import Testing

struct NewtonConjugateGradientTests {
    /// With a tiny fixed forcing term the inner CG solves H·d = −g, so on a quadratic one iteration
    /// reaches x* and spends at most d Hessian-vector products (linear CG's d-step termination).
    @Test func solvesQuadraticInOneStepWithTightForcing() throws {
        let minimizer = (0..<10).map { Double($0) }
        let objective = TestQuadratic(eigenvalues: Spectrum.linear(1, 10, count: 10), minimizer: minimizer, rotationSeed: 3)
        var driver = TestDriver(objective)
        var method = NewtonConjugateGradient(fixedForcingTerm: 1e-12)
        try driver.run(&method, maxIterations: 1)
        for i in 0..<10 { #expect(abs(driver.x[i] - minimizer[i]) <= 1e-8) }
        #expect(driver.oracle.counts.hessianVectorProducts <= 10 + 1)
        // Doc comment: prepare one f and ∇f; the full step is accepted at once (one f), one ∇f after.
        #expect(driver.oracle.counts.functionEvaluations == 2)
        #expect(driver.oracle.counts.gradientEvaluations == 2)
    }

    /// Negative-curvature exit: on f = ½(x² − y²) at (1, 1) the first CG direction −g = (−1, 1)
    /// has pᵀHp = 0, so d = −g and the step is x − t·g with one Hessian-vector product.
    @Test func negativeCurvatureFallsBackToSteepestDescent() throws {
        let objective = TestQuadratic(eigenvalues: [1, -1])
        var driver = TestDriver(objective, start: [1, 1])
        var method = NewtonConjugateGradient()
        let report = try { () throws -> IterationReport in
            try method.prepare(at: driver.x, oracle: &driver.oracle)
            return try method.iterate(&driver.x, oracle: &driver.oracle)
        }()
        let t = report.learningRate
        #expect(t > 0)
        #expect(abs(driver.x[0] - (1 - t)) <= 1e-15)
        #expect(abs(driver.x[1] - (1 + t)) <= 1e-15)
        #expect(driver.oracle.counts.hessianVectorProducts == 1)
    }

    @Test(arguments: [2, 10])
    func reachesToleranceOnChainedRosenbrock(dimension: Int) throws {
        var driver = TestDriver(TestRosenbrock(dimension: dimension))
        var method = NewtonConjugateGradient()
        let iterations = try driver.run(&method, maxIterations: 500, stop: Stop.gradientNorm(1e-6))
        #expect(iterations < 500)
        #expect(Stop.gradientNorm(1e-6)(TestRosenbrock(dimension: dimension), driver.x))
    }
}
