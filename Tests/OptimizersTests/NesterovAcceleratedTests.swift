import Foundation
import Objectives
import Testing

@testable import Optimizers

struct NesterovAcceleratedTests {
    /// Reference §A.18 / D.3 (Beck & Teboulle 2009, Thm 4.4): f(x_k) − f* ≤ 2L‖x₀ − x*‖²/(k+1)² along
    /// a run on a convex quadratic (eigenvalues from 0 to L = 10, so μ = 0).
    @Test func fistaBoundHoldsOnConvexProblem() throws {
        let eigenvalues = [0.0] + Spectrum.geometric(1e-6, 10, count: 39)
        let minimizer = (0..<40).map { Double($0 % 5) - 2 }
        // x₀ agrees with x* on the null direction (coordinate 0 of the unrotated problem), so x* is
        // the minimiser nearest to x₀.
        var start = [Double](repeating: 3, count: 40)
        start[0] = minimizer[0]
        let objective = TestQuadratic(eigenvalues: eigenvalues, minimizer: minimizer, start: start, optimalValue: 1)
        var driver = TestDriver(objective)
        let radius = Stop.distance(start, minimizer)
        var method = NesterovAccelerated()
        try driver.run(
            &method, maxIterations: 3000,
            each: { k, x, _ in
                let gap = objective.value(at: x) - 1
                #expect(gap <= 2 * 10 * radius * radius / Double((k + 1) * (k + 1)) * (1 + 1e-12), "k = \(k)")
            })
        #expect(driver.oracle.counts.gradientEvaluations == 3000)
    }

    /// β₁ = 0 and β₂ = 0.2818… (reference §A.18); the iterates on f = 2x² (∇f = 4x) with η = 0.1
    /// follow the scalar recursion written out here.
    @Test func momentumSequenceMatchesTkRecursion() throws {
        let objective = AxisAlignedQuadratic(eigenvalues: [4], start: [1])
        var driver = TestDriver(objective)
        var method = NesterovAccelerated(learningRate: 0.1)
        var xs: [Double] = [1]
        try driver.run(&method, maxIterations: 3, each: { _, x, _ in xs.append(x[0]) })
        // Independent recursion: y = x_k + β_k(x_k − x_{k−1}), x_{k+1} = y − 0.1·4y.
        var t = 1.0, x = 1.0, previous = 1.0
        for k in 1...3 {
            let nextT = (1 + (1 + 4 * t * t).squareRoot()) / 2
            let beta = (t - 1) / nextT
            if k == 2 { #expect(abs(beta - 0.2818) < 1e-4) }
            t = nextT
            let y = x + beta * (x - previous)
            previous = x
            x = y - 0.1 * 4 * y
            #expect(abs(xs[k] - x) <= 1e-15)
        }
    }

    /// O'Donoghue & Candès 2015: on a strongly convex problem with large κ, adaptive restart recovers
    /// linear convergence, so it needs far fewer iterations than plain FISTA to reach a 1e−10 gap.
    @Test(arguments: [NesterovAccelerated.Restart.gradient, .function])
    func adaptiveRestartBeatsPlainMomentum(restart: NesterovAccelerated.Restart) throws {
        let objective = DenseQuadratic(eigenvalues: Spectrum.geometric(1e-3, 1, count: 30), rotationSeed: 6)
        let stop: (DenseQuadratic, [Double]) -> Bool = { o, x in o.value(at: x) <= 1e-10 }
        var plainDriver = TestDriver(objective)
        var plain = NesterovAccelerated()
        let plainCount = try plainDriver.run(&plain, maxIterations: 20_000, stop: stop)
        var restartDriver = TestDriver(objective)
        var restarted = NesterovAccelerated(restart: restart)
        let restartCount = try restartDriver.run(&restarted, maxIterations: 20_000, stop: stop)
        #expect(restarted.restarts > 0)
        #expect(Double(restartCount) < 0.7 * Double(plainCount), "restart \(restartCount) vs plain \(plainCount)")
        if restart == .function {
            // Doc comment: one f at x₀ and one per iteration, one ∇f per iteration.
            #expect(restartDriver.oracle.counts.functionEvaluations == restartCount + 1)
        } else {
            #expect(restartDriver.oracle.counts.functionEvaluations == 0)
        }
        #expect(restartDriver.oracle.counts.gradientEvaluations == restartCount)
    }

    @Test func missingSmoothnessIsAMethodError() throws {
        var driver = TestDriver(ChainedRosenbrock(dimension: 2))
        var method = NesterovAccelerated()
        #expect(throws: MethodError.self) { try driver.run(&method, maxIterations: 1) }
    }
}
