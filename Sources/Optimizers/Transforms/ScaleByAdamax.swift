import Foundation

/// Adamax (Kingma & Ba 2015, §7.1), identical in torch and optax (pytorch/pytorch:torch/optim/adamax.py,
/// optax `scale_by_adamax`):
///
///     m_t = lerp(m_{t−1}, g_t, 1 − β₁),  r_t = max(β₂·r_{t−1}, |g_t| + ε)      (r₀ = 0)
///     u = m_t / r_t / (1 − β₁^t)
///
/// Defaults: β₁ 0.9, β₂ 0.999, ε 1e−8 (torch lr 2e−3). Reference §A.7.
public struct ScaleByAdamax: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var infinityNorm: [Double]
        public var step = 0
        /// 1 − β₁ᵗ (``BiasCorrection``).
        public var correction1: BiasCorrection
    }

    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double

    public init(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public func initialState(parameters: [Double]) -> State {
        State(
            firstMoment: [Double](repeating: 0, count: parameters.count),
            infinityNorm: [Double](repeating: 0, count: parameters.count), correction1: BiasCorrection(beta: beta1))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        state.step += 1
        let w1 = 1 - beta1, b2 = beta2, eps = epsilon
        let correction1 = state.correction1.advance(toStep: state.step)
        CoordinateLoop.run(&updates, &state.firstMoment, &state.infinityNorm, applyingTo: target, factor: factor) {
            g, m, r in
            m = TorchArithmetic.lerp(m, g, weight: w1)
            r = max(r * b2, abs(g) + eps)
            return BiasCorrection.divide(m / r, by: correction1)
        }
    }
}
