import Foundation

/// RAdam in optax's convention, `scale_by_radam` (google-deepmind/optax:optax/_src/transform.py):
///
///     m_t = (1 − β₁)·g_t + β₁·m_{t−1},  v_t = (1 − β₂)·g_t² + β₂·v_{t−1}
///     m̂ = m_t/(1 − β₁^t),  v̂ = v_t/(1 − β₂^t),  ρ_t = ρ_∞ − 2t·β₂^t/(1 − β₂^t)
///     if ρ_t ≥ threshold:  u = r_t · m̂ / (√(v̂ + ε_root) + ε)   (r_t as in ``ScaleByRAdam``)
///     else:                u = m̂
///
/// Differences from torch: the test is ≥ (not >) and ε is added after the bias correction.
/// Defaults: β₁ 0.9, β₂ 0.999, ε 1e−8, ε_root 0, threshold 5 (reference §A.9).
public struct ScaleByRAdamOptax: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var secondMoment: [Double]
        public var count = 0
        /// 1 − β₁ᵗ (``BiasCorrection``).
        public var correction1: BiasCorrection
        /// 1 − β₂ᵗ, ρ_t and r_t (``RAdamRectification``: `pow` until they settle).
        public var rectification: RAdamRectification
    }

    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var epsilonRoot: Double
    public var threshold: Double

    public init(
        beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, epsilonRoot: Double = 0,
        threshold: Double = 5
    ) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.epsilonRoot = epsilonRoot
        self.threshold = threshold
    }

    public func initialState(parameters: [Double]) -> State {
        State(
            firstMoment: [Double](repeating: 0, count: parameters.count),
            secondMoment: [Double](repeating: 0, count: parameters.count), correction1: BiasCorrection(beta: beta1),
            rectification: RAdamRectification(beta2: beta2, threshold: threshold, inclusive: true))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        state.count += 1
        state.rectification.advance(toStep: state.count)
        let rectification = state.rectification.factor, correction2 = state.rectification.correction2
        let correction1 = state.correction1.advance(toStep: state.count)
        let b1 = beta1, c1 = 1 - beta1, b2 = beta2, c2 = 1 - beta2, eps = epsilon, epsRoot = epsilonRoot
        CoordinateLoop.run(&updates, &state.firstMoment, &state.secondMoment, applyingTo: target, factor: factor) {
            g, m, v in
            Moments.optax(&m, &v, gradient: g, beta1: b1, c1: c1, beta2: b2, c2: c2)
            let mHat = BiasCorrection.divide(m, by: correction1)
            guard let rectification else { return mHat }
            return rectification * mHat / ((BiasCorrection.divide(v, by: correction2) + epsRoot).squareRoot() + eps)
        }
    }
}
