import Objectives
import Testing

@testable import Optimizers

struct BFGSTests {
    /// Iterations to ‖∇f‖∞ ≤ 1e−5 within 1.5× of scipy's `method='BFGS'` (fixture from
    /// scripts/reference/scipy_counts.py, scipy 1.17.1).
    @Test(arguments: ScipyProblems.names)
    func countsWithinFactorOfScipy(problem: String) throws {
        try LBFGSTests.expectCountsNearScipy(BFGS(), problem: problem, scipyMethod: "bfgs")
    }

    /// The secant equation H_{k+1}y_k = s_k holds after every update (N&W eq. 6.17), checked with
    /// s and y taken from consecutive iterates and gradients of the objective itself.
    @Test func secantEquationHolds() throws {
        let objective = ChainedRosenbrock(dimension: 5)
        var driver = TestDriver(objective)
        var method = BFGS()
        try method.prepare(at: driver.x, oracle: &driver.oracle)
        for _ in 0..<15 {
            let x0 = driver.x
            var g0 = [Double](repeating: 0, count: 5), g1 = g0
            _ = objective.evaluate(at: x0, gradient: &g0)
            _ = try method.iterate(&driver.x, oracle: &driver.oracle)
            _ = objective.evaluate(at: driver.x, gradient: &g1)
            let s = (0..<5).map { driver.x[$0] - x0[$0] }
            let y = (0..<5).map { g1[$0] - g0[$0] }
            var hy = [Double](repeating: 0, count: 5)
            BFGS.multiply(method.inverseHessian, y, into: &hy)
            let scale = s.reduce(0) { max($0, abs($1)) }
            for i in 0..<5 { #expect(abs(hy[i] - s[i]) <= 1e-8 * max(scale, 1e-12), "component \(i)") }
        }
    }

    /// BFGS reaches ‖∇f‖ ≤ 1e−6 on the
    /// 2-D and 10-D chained Rosenbrock functions.
    @Test(arguments: [2, 10])
    func reachesToleranceOnChainedRosenbrock(dimension: Int) throws {
        let objective = ChainedRosenbrock(dimension: dimension)
        var driver = TestDriver(objective)
        var method = BFGS()
        let iterations = try driver.run(&method, maxIterations: 2000, stop: Stop.gradientNorm(1e-6))
        #expect(iterations < 2000)
        #expect(Stop.gradientNorm(1e-6)(objective, driver.x))
    }
}
