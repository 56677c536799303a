import Foundation
import Objectives
import Randomness

/// Gradient descent with Gaussian gradient-noise injection for saddle escape (`noisy-gd`; Ge et al.
/// 2015, Jin et al. 2017 use perturbations of this kind):
///
///     x_{k+1} = x_k − η_k(∇f(x_k) + σ_k ξ_k),  ξ_k ~ N(0, I),  σ_k = σ/(1 + k)^γ  (k = 0, 1, …).
///
/// The noise comes from the method's own stream, `Xoshiro256StarStar(seed:)` with the run seed, so
/// it is independent of the oracle's mini-batch/noise stream. η_k is the schedule (constant `lr` by
/// default, 0.01). Defaults σ = 0.01, γ = 0 (no decay). Evaluations: one ∇f per iteration.
public struct NoisyGradientDescent: Method {
    public var learningRate: any Schedule
    public var noise: Double
    public var decay: Double
    @usableFromInline var generator: Xoshiro256StarStar
    @usableFromInline var iterations = 0
    @usableFromInline var gradient: [Double] = []

    public init(learningRate: any Schedule = 0.01, noise: Double = 0.01, decay: Double = 0, seed: UInt64) {
        self.learningRate = learningRate
        self.noise = noise
        self.decay = decay
        generator = Xoshiro256StarStar(seed: seed)
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        gradient = [Double](repeating: 0, count: x.count)
        iterations = 0
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        let step = learningRate(iterations)
        let sigma = decay == 0 ? noise : noise / pow(1 + Double(iterations), decay)
        iterations += 1
        oracle.gradient(at: x, into: &gradient)
        for i in x.indices {
            x[i] -= step * (gradient[i] + sigma * generator.nextGaussian())
        }
        return IterationReport(learningRate: step)
    }
}
