import Foundation

/// AdaBelief (Zhuang et al. 2020), optax `scale_by_belief` (google-deepmind/optax:optax/_src/transform.py):
///
///     m_t = (1 − β₁)·g_t + β₁·m_{t−1}
///     s_t = (1 − β₂)·(g_t − m_t)² + β₂·s_{t−1} + ε_root    (the new m; ε_root accumulates in s)
///     u = (m_t/(1 − β₁^t)) / (√(s_t/(1 − β₂^t)) + ε)
///
/// Defaults (optax): β₁ 0.9, β₂ 0.999, ε 1e−16, ε_root 1e−16; the paper uses ε 1e−8, ε_root 0.
/// Not in torch.optim (reference §A.11).
public struct ScaleByAdaBelief: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var belief: [Double]
        public var count = 0
        /// 1 − β₁ᵗ and 1 − β₂ᵗ (``BiasCorrection``).
        public var correction1: BiasCorrection
        public var correction2: BiasCorrection
    }

    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var epsilonRoot: Double

    public init(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-16, epsilonRoot: Double = 1e-16) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.epsilonRoot = epsilonRoot
    }

    public func initialState(parameters: [Double]) -> State {
        State(
            firstMoment: [Double](repeating: 0, count: parameters.count),
            belief: [Double](repeating: 0, count: parameters.count),
            correction1: BiasCorrection(beta: beta1), correction2: BiasCorrection(beta: beta2))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        state.count += 1
        let correction1 = state.correction1.advance(toStep: state.count)
        let correction2 = state.correction2.advance(toStep: state.count)
        let b1 = beta1, c1 = 1 - beta1, b2 = beta2, c2 = 1 - beta2, eps = epsilon, epsRoot = epsilonRoot
        CoordinateLoop.run(&updates, &state.firstMoment, &state.belief, applyingTo: target, factor: factor) {
            g, m, s in
            m = c1 * g + b1 * m
            let error = g - m
            s = c2 * (error * error) + b2 * s + epsRoot
            return BiasCorrection.divide(m, by: correction1)
                / (BiasCorrection.divide(s, by: correction2).squareRoot() + eps)
        }
    }
}
