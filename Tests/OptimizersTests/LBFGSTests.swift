import Foundation
import Objectives
import Testing

@testable import Optimizers

struct LBFGSTests {
    /// Reference §A.15 [run, torch 2.15.0]: `LBFGS([x])` with defaults (lr 1, history 100, no line
    /// search) on Rosenbrock from (−1.2, 1): after `.step()` #1 (20 inner iterations)
    /// x = (−0.3929095248880504, 0.14696808489351595), f = 1.9456874727314497; after #3 (60)
    /// x = (0.99980332591276, 0.9996078455480785), f = 3.8814108761943625e−08.
    @Test func torchConventionWithoutLineSearchMatchesTorch() throws {
        let objective = ChainedRosenbrock(dimension: 2)
        var driver = TestDriver(objective)
        var method = LBFGS(convention: .torch)
        var iterates: [Int: [Double]] = [:]
        try driver.run(&method, maxIterations: 60, each: { k, x, _ in if k == 20 || k == 60 { iterates[k] = x } })
        let x20 = try #require(iterates[20]), x60 = try #require(iterates[60])
        #expect(abs(x20[0] - -0.3929095248880504) <= 1e-10)
        #expect(abs(x20[1] - 0.14696808489351595) <= 1e-10)
        #expect(abs(objective.value(at: x20) - 1.9456874727314497) <= 1e-10)
        #expect(abs(x60[0] - 0.99980332591276) <= 1e-8)
        #expect(abs(x60[1] - 0.9996078455480785) <= 1e-8)
        #expect(abs(objective.value(at: x60) - 3.8814108761943625e-08) <= 1e-11)
        // Doc comment: one f and one ∇f per iteration without a line search, plus prepare.
        #expect(driver.oracle.counts.functionEvaluations == 61)
        #expect(driver.oracle.counts.gradientEvaluations == 61)
    }

    /// The first torch step is min(1, 1/‖g‖₁)·lr along −g: 1/303.6 at (−1.2, 1) where ∇f = (−215.6, −88).
    @Test func torchFirstStepUsesL1Norm() throws {
        var driver = TestDriver(ChainedRosenbrock(dimension: 2))
        var method = LBFGS(convention: .torch, learningRate: 0.5)
        var step = 0.0
        try driver.run(&method, maxIterations: 1, each: { _, _, report in step = report.learningRate })
        var g = [0.0, 0.0]
        _ = ChainedRosenbrock(dimension: 2).evaluate(at: [-1.2, 1], gradient: &g)
        #expect(step == min(1, 1 / (abs(g[0]) + abs(g[1]))) * 0.5)
        #expect(abs(step - 0.5 / 303.6) <= 1e-17)
        #expect(abs(driver.x[0] - (-1.2 + step * 215.6)) <= 1e-15)
        #expect(abs(driver.x[1] - (1 + step * 88)) <= 1e-15)
    }

    /// Iterations to ‖∇f‖∞ ≤ 1e−5 within 1.5× of scipy's L-BFGS-B (fixture from
    /// scripts/reference/scipy_counts.py, scipy 1.17.1, ftol = 0 so only the gradient rule stops it).
    @Test(arguments: ScipyProblems.names)
    func scipyConventionCountsWithinFactorOfScipy(problem: String) throws {
        try Self.expectCountsNearScipy(LBFGS(convention: .scipy), problem: problem, scipyMethod: "lbfgsb")
    }

    /// The scipy comparison of the quasi-Newton and CG tests: iterations to ‖∇f‖∞ ≤ 1e−5 within 1.5× of
    /// scipy's `scipyMethod` either way, function evaluations at most 1.5× scipy's (fixture:
    /// scripts/reference/scipy_counts.py).
    static func expectCountsNearScipy<M: Method>(
        _ method: M, problem: String, scipyMethod: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let reference = try ScipyCounts.load().run(problem, scipyMethod)
        let (iterations, evaluations) = try countsToTolerance(problem: problem, method: method)
        #expect(
            Double(iterations) <= 1.5 * Double(reference.nit) && Double(reference.nit) <= 1.5 * Double(iterations),
            "gdbench \(iterations) vs scipy \(reference.nit) iterations", sourceLocation: sourceLocation)
        #expect(
            Double(evaluations) <= 1.5 * Double(reference.nfev),
            "gdbench \(evaluations) vs scipy \(reference.nfev) evaluations", sourceLocation: sourceLocation)
    }

    static func countsToTolerance<M: Method>(problem: String, method: M) throws -> (iterations: Int, evaluations: Int) {
        var method = method
        switch problem {
        case "rosenbrock-2d":
            var driver = TestDriver(ChainedRosenbrock(dimension: 2))
            let k = try driver.run(&method, maxIterations: 10_000, stop: Stop.gradientInfinityNorm(1e-5))
            return (k, driver.oracle.counts.functionEvaluations)
        default:
            let kappa = problem.hasSuffix("kappa10") ? 10.0 : 1000.0
            var driver = TestDriver(ScipyProblems.quadratic(kappa: kappa))
            let k = try driver.run(&method, maxIterations: 10_000, stop: Stop.gradientInfinityNorm(1e-5))
            return (k, driver.oracle.counts.functionEvaluations)
        }
    }

    @Test(arguments: [2, 10])
    func scipyConventionReachesToleranceOnChainedRosenbrock(dimension: Int) throws {
        let objective = ChainedRosenbrock(dimension: dimension)
        var driver = TestDriver(objective)
        var method = LBFGS(convention: .scipy)
        let iterations = try driver.run(&method, maxIterations: 2000, stop: Stop.gradientNorm(1e-6))
        #expect(iterations < 2000)
        #expect(Stop.gradientNorm(1e-6)(objective, driver.x))
    }

    /// torch breaks out of its loop when gᵀd > −tolerance_change (1e−9), so with the strong Wolfe
    /// search it stops short of ‖∇f‖ ≤ 1e−6 on Rosenbrock. Reference §A.15 [run, torch 2.15.0]:
    /// `LBFGS([x], line_search_fn="strong_wolfe")` ends `.step()` #2 at
    /// x = (0.9999814210791366, 0.9999619651810989), f = 4.221457511263308e−10, and the torch
    /// convention stalls at that point too.
    @Test func torchConventionWithStrongWolfeStallsWhereTorchStops() throws {
        let objective = ChainedRosenbrock(dimension: 2)
        var driver = TestDriver(objective)
        var method = LBFGS(convention: .torch, usesLineSearch: true)
        var stalled = false
        try driver.run(&method, maxIterations: 200, each: { _, _, report in stalled = stalled || report.isStalled })
        #expect(stalled)
        #expect(abs(driver.x[0] - 0.9999814210791366) <= 1e-12)
        #expect(abs(driver.x[1] - 0.9999619651810989) <= 1e-12)
        #expect(abs(objective.value(at: driver.x) - 4.221457511263308e-10) <= 1e-15)
    }

    /// With exact arithmetic L-BFGS with memory ≥ d and exact line searches is CG on a quadratic;
    /// with Wolfe steps it still finishes a small quadratic in few iterations, each costing at least
    /// one f and ∇f per line-search trial (doc comment).
    @Test func evaluationsAreOnePerTrial() throws {
        let objective = DenseQuadratic(eigenvalues: Spectrum.linear(1, 50, count: 8), rotationSeed: 2)
        var driver = TestDriver(objective)
        var method = LBFGS(convention: .scipy)
        let iterations = try driver.run(&method, maxIterations: 200, stop: Stop.gradientInfinityNorm(1e-8))
        #expect(iterations <= 30)
        #expect(driver.oracle.counts.functionEvaluations == driver.oracle.counts.gradientEvaluations)
        #expect(driver.oracle.counts.functionEvaluations >= iterations + 1)
    }
}
