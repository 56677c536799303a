import Objectives
import Testing

@testable import Optimizers

struct NewtonConjugateGradientTests {
    /// With a tiny fixed forcing term the inner CG solves H·d = −g, so on a quadratic one iteration
    /// reaches x* and spends at most d Hessian-vector products (linear CG's d-step termination).
    @Test func solvesQuadraticInOneStepWithTightForcing() throws {
        let minimizer = (0..<10).map { Double($0) }
        let objective = DenseQuadratic(
            eigenvalues: Spectrum.linear(1, 10, count: 10), minimizer: minimizer, rotationSeed: 3)
        var driver = TestDriver(objective)
        var method = NewtonConjugateGradient(forcing: .fixed(1e-12))
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

    @Test(arguments: [NewtonConjugateGradient.Forcing.superlinear, .eisenstatWalker, .fixed(0.1)], [2, 10])
    func reachesToleranceOnChainedRosenbrock(forcing: NewtonConjugateGradient.Forcing, dimension: Int) throws {
        var driver = TestDriver(ChainedRosenbrock(dimension: dimension))
        var method = NewtonConjugateGradient(forcing: forcing)
        let iterations = try driver.run(&method, maxIterations: 2000, stop: Stop.gradientNorm(1e-6))
        #expect(iterations < 2000)
        #expect(Stop.gradientNorm(1e-6)(ChainedRosenbrock(dimension: dimension), driver.x))
    }

    /// Eisenstat–Walker choice 2 with its safeguards, computed independently for a gradient-norm
    /// sequence: η₀ = ½, then 0.9(‖gₖ‖/‖gₖ₋₁‖)², max with 0.9ηₖ₋₁² when that exceeds 0.1, capped at 0.9.
    @Test func eisenstatWalkerSequence() {
        var method = NewtonConjugateGradient(forcing: .eisenstatWalker)
        let norms = [10.0, 5, 4.9, 0.1, 1e-3]
        let terms = norms.map { method.forcingTerm(gradientNorm: $0) }
        #expect(terms[0] == 0.5)
        #expect(terms[1] == max(0.9 * 0.25, 0.9 * 0.25)) // 0.9·(½)² = 0.225; safeguard 0.225 > 0.1
        #expect(terms[2] == min(0.9, max(0.9 * (4.9 / 5) * (4.9 / 5), 0.9 * terms[1] * terms[1])))
        let fourth = 0.9 * (0.1 / 4.9) * (0.1 / 4.9)
        let guardValue = 0.9 * terms[2] * terms[2]
        #expect(terms[3] == (guardValue > 0.1 ? max(fourth, guardValue) : fourth))
        #expect(terms.allSatisfy { $0 > 0 && $0 <= 0.9 })
    }
}
