import Foundation

/// Adam in optax's convention, `scale_by_adam` (google-deepmind/optax:optax/_src/transform.py):
///
///     m_t = (1 − β₁)·g_t + β₁·m_{t−1},  v_t = (1 − β₂)·g_t² + β₂·v_{t−1}          (t 1-based)
///     m̂ = m_t/(1 − β₁^t), or with nesterov m̂ = β₁·m_t/(1 − β₁^{t+1}) + (1 − β₁)·g_t/(1 − β₁^t)
///     v̂ = v_t/(1 − β₂^t),  u = m̂ / (√(v̂ + ε_root) + ε)
///
/// Defaults: β₁ 0.9, β₂ 0.999, ε 1e−8, ε_root 0, nesterov false; `biasCorrection: false` (an ablation,
/// not an optax option) uses m_t and v_t uncorrected (every 1 − βᵗ is taken as 1). With ε_root = 0 and no
/// Nesterov it is algebraically torch Adam (``ScaleByAdam``). With nesterov it is optax `nadam` (Dozat 2016 without
/// his β₂ factor and without torch's μ-schedule, so it is **not** torch NAdam; reference §A.8).
public struct ScaleByAdamOptax: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var secondMoment: [Double]
        public var count = 0
        /// 1 − β₁ᵗ, 1 − β₁ᵗ⁺¹ (Nesterov only) and 1 − β₂ᵗ (``BiasCorrection``).
        public var correction1: BiasCorrection
        public var correction1Next: BiasCorrection
        public var correction2: BiasCorrection
    }

    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var epsilonRoot: Double
    public var nesterov: Bool
    public var biasCorrection: Bool

    public init(
        beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, epsilonRoot: Double = 0,
        nesterov: Bool = false, biasCorrection: Bool = true
    ) {
        self.biasCorrection = biasCorrection
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.epsilonRoot = epsilonRoot
        self.nesterov = nesterov
    }

    public func initialState(parameters: [Double]) -> State {
        State(
            firstMoment: [Double](repeating: 0, count: parameters.count),
            secondMoment: [Double](repeating: 0, count: parameters.count),
            correction1: BiasCorrection(beta: beta1, enabled: biasCorrection),
            correction1Next: BiasCorrection(beta: beta1, enabled: biasCorrection),
            correction2: BiasCorrection(beta: beta2, enabled: biasCorrection))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        state.count += 1
        let b1 = beta1, c1 = 1 - beta1, b2 = beta2, c2 = 1 - beta2
        let eps = epsilon, epsRoot = epsilonRoot, isNesterov = nesterov
        let correction1 = state.correction1.advance(toStep: state.count)
        let correction1Next = isNesterov ? state.correction1Next.advance(toStep: state.count + 1) : 1
        let correction2 = state.correction2.advance(toStep: state.count)
        CoordinateLoop.run(&updates, &state.firstMoment, &state.secondMoment, applyingTo: target, factor: factor) {
            g, m, v in
            Moments.optax(&m, &v, gradient: g, beta1: b1, c1: c1, beta2: b2, c2: c2)
            let mHat =
                isNesterov
                ? b1 * BiasCorrection.divide(m, by: correction1Next) + c1 * BiasCorrection.divide(g, by: correction1)
                : BiasCorrection.divide(m, by: correction1)
            return mHat / ((BiasCorrection.divide(v, by: correction2) + epsRoot).squareRoot() + eps)
        }
    }
}
