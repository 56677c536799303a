import Objectives
import Testing

@testable import Optimizers

struct PreconditionedGradientDescentTests {
    /// On a diagonal quadratic D = A, so with η = 1 one step is Newton's and reaches x*. The dense
    /// source spends one Hessian per refresh, the Hessian-vector source d products (doc comment).
    @Test(arguments: [true, false])
    func diagonalQuadraticInOneStep(dense: Bool) throws {
        let minimizer = [3.0, -1, 2, 0.5]
        let objective = AxisAlignedQuadratic(eigenvalues: [1, 10, 100, 1000], minimizer: minimizer)
        var driver = TestDriver(objective)
        var method = PreconditionedGradientDescent(refreshEvery: 2, usesDenseHessian: dense)
        try driver.run(&method, maxIterations: 1)
        for i in 0..<4 { #expect(abs(driver.x[i] - minimizer[i]) <= 1e-12) }
        try driver.run(&method, maxIterations: 4, prepare: false)
        // Refreshes at iterations 0, 2, 4 (0-based) of 5.
        #expect(driver.oracle.counts.hessianEvaluations == (dense ? 3 : 0))
        #expect(driver.oracle.counts.hessianVectorProducts == (dense ? 0 : 3 * 4))
        #expect(driver.oracle.counts.gradientEvaluations == 5)
    }

    /// The diagonal is clamped below by the floor: on f = ½(x² − y²) the second coordinate uses
    /// 1/floor, x₁ = x₀ − η·(x/1, −y/floor).
    @Test func negativeCurvatureIsClampedByTheFloor() throws {
        let objective = TestQuadratic(eigenvalues: [1, -1])
        var driver = TestDriver(objective, start: [1, 1e-3])
        var method = PreconditionedGradientDescent(learningRate: 0.5, floor: 0.1)
        try driver.run(&method, maxIterations: 1)
        #expect(abs(driver.x[0] - 0.5) <= 1e-15)
        #expect(abs(driver.x[1] - (1e-3 + 0.5 * 1e-3 / 0.1)) <= 1e-15)
    }
}
