import Foundation
import Objectives
import Randomness
import Testing

@testable import Optimizers

struct NoisyGradientDescentTests {
    /// On f ≡ 0 the iterate is the noise sum
    /// x_k − x₀ = −η Σ σ_j ξ_j: each coordinate is N(0, η²σ²k). Checked on 20 000 coordinates:
    /// mean within 5 standard errors of 0, variance within 5% of η²σ²k.
    @Test func noiseHasTheStatedVariance() throws {
        let d = 20_000
        let objective = TestFlat(dimension: d)
        var driver = TestDriver(objective)
        var method = NoisyGradientDescent(learningRate: 0.1, noise: 2, seed: 42)
        try driver.run(&method, maxIterations: 4)
        let expectedVariance = 0.1 * 0.1 * 4 * 4
        let mean = driver.x.reduce(0, +) / Double(d)
        let variance = driver.x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d - 1)
        #expect(abs(mean) <= 5 * (expectedVariance / Double(d)).squareRoot())
        #expect(abs(variance / expectedVariance - 1) <= 0.05)
    }

    /// The noise is the documented stream: σ_k = σ/(1+k)^γ times the method's own Gaussians.
    @Test func reproducesTheDocumentedUpdate() throws {
        let objective = AxisAlignedQuadratic(eigenvalues: [2, 3], start: [1, -1])
        var driver = TestDriver(objective)
        var method = NoisyGradientDescent(learningRate: 0.05, noise: 0.3, decay: 0.5, seed: 9)
        try driver.run(&method, maxIterations: 5)
        var generator = Xoshiro256StarStar(seed: 9)
        var x = [1.0, -1]
        for k in 0..<5 {
            let sigma = 0.3 / Foundation.pow(1 + Double(k), 0.5)
            let g = [2 * x[0], 3 * x[1]]
            for i in 0..<2 { x[i] -= 0.05 * (g[i] + sigma * generator.nextGaussian()) }
        }
        #expect(abs(driver.x[0] - x[0]) <= 1e-15 && abs(driver.x[1] - x[1]) <= 1e-15)
        #expect(driver.oracle.counts.gradientEvaluations == 5)
    }

    /// Saddle escape: on f = ½(x² − y²) started exactly at the saddle (∇f = 0), GD stays put while
    /// the noisy method leaves it along the negative-curvature direction.
    @Test func escapesAStrictSaddle() throws {
        let objective = TestQuadratic(eigenvalues: [1, -1], start: [0, 0])
        var plainDriver = TestDriver(objective)
        var plain = HeavyBall(learningRate: 0.1, momentum: 0)
        try plainDriver.run(&plain, maxIterations: 100)
        #expect(plainDriver.x == [0, 0])
        var noisyDriver = TestDriver(objective)
        var noisy = NoisyGradientDescent(learningRate: 0.1, noise: 1e-3, seed: 3)
        try noisyDriver.run(&noisy, maxIterations: 100)
        #expect(abs(noisyDriver.x[1]) > 1)
        #expect(objective.value(at: noisyDriver.x) < -0.5)
    }
}
