import Foundation
import Objectives
import Testing

@testable import Optimizers

struct HeavyBallTests {
    /// Reference §D table, "HB opt" column (±1), with the optimal constants read from the
    /// objective's L and μ: stop at ‖x_k‖ ≤ 1e−6‖x₀‖.
    @Test(arguments: [
        ([1.0, 100], 93),
        (Spectrum.linear(1, 100, count: 50), 85),
        (Spectrum.geometric(1, 100, count: 50), 85),
    ])
    func referenceIterationCounts(eigenvalues: [Double], expected: Int) throws {
        let objective = AxisAlignedQuadratic(eigenvalues: eigenvalues)
        var driver = TestDriver(objective)
        var method = HeavyBall()
        let count = try driver.run(
            &method, maxIterations: 5000,
            stop: Stop.relativeDistance(1e-6, start: objective.startingPoint, minimizer: objective.minimizer))
        #expect(abs(count - expected) <= 1, "iterations \(count)")
        // Doc comment: one ∇f per iteration and nothing else.
        #expect(driver.oracle.counts.gradientEvaluations == count)
        #expect(driver.oracle.counts.functionEvaluations == 0)
    }

    /// Reference §A.18: with the optimal parameters the spectral radius is (√κ−1)/(√κ+1); the error
    /// behaves like C·k·ρ^k, so the per-step factor over iterations 400…800 is ρ·(800/400)^(1/400).
    @Test func asymptoticRateIsTheSpectralRadius() throws {
        let kappa = 1e4
        let objective = DenseQuadratic(eigenvalues: Spectrum.geometric(1, kappa, count: 20), rotationSeed: 8)
        var driver = TestDriver(objective)
        var method = HeavyBall()
        var errors: [Int: Double] = [:]
        try driver.run(
            &method, maxIterations: 800,
            each: { k, x, _ in
                if k == 400 || k == 800 { errors[k] = Stop.distance(x, objective.minimizer) }
            })
        let rho = (kappa.squareRoot() - 1) / (kappa.squareRoot() + 1)
        let measured = Foundation.pow(try #require(errors[800]) / (try #require(errors[400])), 1.0 / 400)
        let predicted = rho * Foundation.pow(2, 1.0 / 400)
        #expect(abs(measured - predicted) <= 2e-3, "measured \(measured), predicted \(predicted), ρ \(rho)")
    }

    /// Reference §D.2 [run]: GD (heavy ball with β = 0) on f = ½·100x² from x₀ = 1 for 100 steps:
    /// η = 0.0199 → |x| = 0.366, η = 0.02 → 1.0 (oscillates), η = 0.0201 → 2.705 (diverges).
    @Test(arguments: [(0.0199, 0.366), (0.02, 1.0), (0.0201, 2.705)])
    func gradientDescentThresholdIsTwoOverL(lr: Double, magnitude: Double) throws {
        let objective = AxisAlignedQuadratic(eigenvalues: [100], start: [1])
        var driver = TestDriver(objective)
        var method = HeavyBall(learningRate: lr, momentum: 0)
        try driver.run(&method, maxIterations: 100)
        #expect(abs(abs(driver.x[0]) - magnitude) <= 5e-4, "|x₁₀₀| = \(abs(driver.x[0]))")
        #expect(abs(driver.x[0] - Foundation.pow(1 - lr * 100, 100)) <= 1e-12)
    }

    @Test func missingConstantsAreAMethodError() throws {
        let objective = TestQuadratic(eigenvalues: [1, 10], knownConstants: false)
        var driver = TestDriver(objective)
        var method = HeavyBall(learningRate: 0.1)
        #expect(throws: MethodError.self) { try driver.run(&method, maxIterations: 1) }
        var explicit = HeavyBall(learningRate: 0.1, momentum: 0.5)
        try driver.run(&explicit, maxIterations: 1)
    }
}
