import Foundation
import Optimizers
import Randomness
import Testing

/// `bias-correction: false` on `adam` and `adam-optax`: Kingma & Ba 2015, Algorithm 1 without its
/// bias-correction lines (m̂ = m, v̂ = v), against a plain loop written from the paper.
@Suite struct AdamBiasCorrectionTests {
    /// The paper's recursion without correction: u = m_t/(√v_t + ε).
    static func uncorrected(_ gradients: [[Double]], beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8)
        -> [[Double]]
    {
        var m = [Double](repeating: 0, count: gradients[0].count), v = m
        return gradients.map { g in
            (0..<g.count).map { i in
                m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                return m[i] / (v[i].squareRoot() + eps)
            }
        }
    }

    static func updates<T: GradientTransformation>(_ transform: T, _ gradients: [[Double]]) -> [[Double]] {
        var state = transform.initialState(parameters: gradients[0])
        return gradients.map { g in
            var u = g
            transform.update(&u, state: &state, parameters: g)
            return u
        }
    }

    static let gradients: [[Double]] = {
        var generator = Xoshiro256StarStar(seed: 7)
        return (0..<50).map { _ in (0..<3).map { _ in generator.nextGaussian() * 3 } }
    }()

    @Test func bothConventionsFollowThePaperWithoutCorrection() {
        let expected = Self.uncorrected(Self.gradients)
        for got in [
            Self.updates(ScaleByAdam(biasCorrection: false), Self.gradients),
            Self.updates(ScaleByAdamOptax(biasCorrection: false), Self.gradients),
        ] {
            for (a, b) in zip(got.joined(), expected.joined()) {
                #expect(abs(a - b) <= 1e-14 * max(1, abs(b)), "\(a) vs \(b)")
            }
        }
    }

    /// With a constant gradient the corrected step is sign(g) and the uncorrected one
    /// (1 − β₁ᵗ)/√(1 − β₂ᵗ)·sign(g): 0.1/√0.001 ≈ 3.162 at t = 1, larger, not smaller.
    @Test func uncorrectedStepsAreLongerEarlyOn() {
        let constant = [[Double]](repeating: [2, -0.5], count: 30)
        let corrected = Self.updates(ScaleByAdam(epsilon: 0), constant)
        let ablated = Self.updates(ScaleByAdam(epsilon: 0, biasCorrection: false), constant)
        for t in 1...30 {
            let ratio = (1 - pow(0.9, Double(t))) / (1 - pow(0.999, Double(t))).squareRoot()
            for i in 0..<2 {
                #expect(abs(corrected[t - 1][i] - (i == 0 ? 1 : -1)) <= 1e-12)
                #expect(abs(ablated[t - 1][i] / corrected[t - 1][i] - ratio) <= 1e-12 * ratio, "t = \(t)")
            }
        }
        #expect(abs(ablated[0][0] - 0.1 / 0.001.squareRoot()) <= 1e-12)
    }

    @Test func theDefaultKeepsTheCorrection() {
        let corrected = Self.updates(ScaleByAdam(), Self.gradients)
        #expect(corrected != Self.updates(ScaleByAdam(biasCorrection: false), Self.gradients))
        #expect(corrected == Self.updates(ScaleByAdam(biasCorrection: true), Self.gradients))
        #expect(
            Self.updates(ScaleByAdamOptax(), Self.gradients)
                == Self.updates(ScaleByAdamOptax(biasCorrection: true), Self.gradients))
    }
}
