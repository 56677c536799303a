import Foundation
import Objectives
import Testing

@testable import Optimizers

struct NonlinearConjugateGradientTests {
    /// Reference §A.16: with exact line searches on a quadratic, FR, PR+, HS and DY are all linear
    /// CG, so they reproduce the §D "CG" column (±1; stop at ‖x_k − x*‖ ≤ 1e−6‖x₀ − x*‖, d = 50,
    /// x₀ = 1, x* = 0) and finish in at most d iterations.
    @Test(
        arguments: [NonlinearConjugateGradient.Beta.fletcherReeves, .polakRibierePlus, .hestenesStiefel, .daiYuan],
        [false, true])
    func exactLineSearchIsLinearConjugateGradient(beta: NonlinearConjugateGradient.Beta, geometric: Bool) throws {
        let eigenvalues = geometric ? Spectrum.geometric(1, 100, count: 50) : Spectrum.linear(1, 100, count: 50)
        let objective = AxisAlignedQuadratic(eigenvalues: eigenvalues)
        var driver = TestDriver(objective)
        var method = NonlinearConjugateGradient(beta: beta, exactLineSearch: true)
        let iterations = try driver.run(
            &method, maxIterations: 200,
            stop: Stop.relativeDistance(1e-6, start: objective.startingPoint, minimizer: objective.minimizer))
        #expect(abs(iterations - (geometric ? 47 : 35)) <= 1, "iterations \(iterations)")
        #expect(iterations <= 50)
        // Doc comment: exact step = one Hv plus one f and ∇f per iteration.
        #expect(driver.oracle.counts.hessianVectorProducts == iterations)
        #expect(driver.oracle.counts.gradientEvaluations == iterations + 1)
        #expect(driver.oracle.counts.functionEvaluations == iterations + 1)
    }

    @Test(
        arguments: [NonlinearConjugateGradient.Beta.fletcherReeves, .polakRibierePlus, .hestenesStiefel, .daiYuan],
        [2, 10])
    func reachesToleranceOnChainedRosenbrock(beta: NonlinearConjugateGradient.Beta, dimension: Int) throws {
        let objective = ChainedRosenbrock(dimension: dimension)
        var driver = TestDriver(objective)
        var method = NonlinearConjugateGradient(beta: beta)
        let iterations = try driver.run(&method, maxIterations: 5000, stop: Stop.gradientNorm(1e-6))
        #expect(iterations < 5000)
        #expect(Stop.gradientNorm(1e-6)(objective, driver.x))
    }

    /// PR+ with scipy's line-search constants (c₂ = 0.4) against scipy's `method='CG'` (PR+) on the
    /// fixture problems: iterations to ‖∇f‖∞ ≤ 1e−5 within 1.5×, function evaluations at most 1.5× scipy's
    /// (fixture: scripts/reference/scipy_counts.py).
    @Test(arguments: ScipyProblems.names)
    func polakRibierePlusCountsNearScipy(problem: String) throws {
        let method = NonlinearConjugateGradient(
            beta: .polakRibierePlus,
            lineSearch: StrongWolfeLineSearch(sufficientDecrease: 1e-4, curvature: 0.4, maxEvaluations: 25))
        try LBFGSTests.expectCountsNearScipy(method, problem: problem, scipyMethod: "cg")
    }

    /// Every accepted step satisfies the strong Wolfe conditions with c₁ = 1e−4, c₂ = 0.1, checked
    /// on the objective directly.
    @Test func stepsSatisfyStrongWolfe() throws {
        let objective = ChainedRosenbrock(dimension: 4)
        var driver = TestDriver(objective)
        var method = NonlinearConjugateGradient(beta: .fletcherReeves)
        try method.prepare(at: driver.x, oracle: &driver.oracle)
        for _ in 0..<40 {
            let x0 = driver.x
            var g0 = [Double](repeating: 0, count: 4)
            let f0 = objective.evaluate(at: x0, gradient: &g0)
            let report = try method.iterate(&driver.x, oracle: &driver.oracle)
            if report.isStalled { break }
            let alpha = report.learningRate
            let p = (0..<4).map { (driver.x[$0] - x0[$0]) / alpha }
            var g1 = [Double](repeating: 0, count: 4)
            let f1 = objective.evaluate(at: driver.x, gradient: &g1)
            let slope0 = zip(g0, p).reduce(0) { $0 + $1.0 * $1.1 }
            let slope1 = zip(g1, p).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(slope0 < 0)
            #expect(f1 <= f0 + 1e-4 * alpha * slope0 + 1e-12 * abs(f0))
            #expect(abs(slope1) <= 0.1 * abs(slope0) * (1 + 1e-6) + 1e-12)
        }
    }
}
