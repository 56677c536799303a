import Foundation

/// AMSGrad in optax's convention, `scale_by_amsgrad` (google-deepmind/optax:optax/_src/transform.py):
///
///     m_t = (1 − β₁)·g_t + β₁·m_{t−1},  v_t = (1 − β₂)·g_t² + β₂·v_{t−1}
///     ν̄_t = max(ν̄_{t−1}, v_t/(1 − β₂^t))      (the max of the **bias-corrected** v̂)
///     u = m_t/(1 − β₁^t) / (√(ν̄_t + ε_root) + ε)
///
/// Defaults: β₁ 0.9, β₂ 0.999, ε 1e−8, ε_root 0. No optax setting reproduces torch's AMSGrad, which
/// takes the max of the raw v (``ScaleByAdam`` with amsgrad; reference §A.5).
public struct ScaleByAMSGradOptax: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var secondMoment: [Double]
        public var maxCorrectedSecondMoment: [Double]
        public var count = 0
        /// 1 − β₁ᵗ and 1 − β₂ᵗ (``BiasCorrection``).
        public var correction1: BiasCorrection
        public var correction2: BiasCorrection
    }

    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var epsilonRoot: Double

    public init(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, epsilonRoot: Double = 0) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.epsilonRoot = epsilonRoot
    }

    public func initialState(parameters: [Double]) -> State {
        let d = parameters.count
        return State(
            firstMoment: [Double](repeating: 0, count: d), secondMoment: [Double](repeating: 0, count: d),
            maxCorrectedSecondMoment: [Double](repeating: 0, count: d),
            correction1: BiasCorrection(beta: beta1), correction2: BiasCorrection(beta: beta2))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        state.count += 1
        let b1 = beta1, c1 = 1 - beta1, b2 = beta2, c2 = 1 - beta2, eps = epsilon, epsRoot = epsilonRoot
        let correction1 = state.correction1.advance(toStep: state.count)
        let correction2 = state.correction2.advance(toStep: state.count)
        CoordinateLoop.run(
            &updates, &state.firstMoment, &state.secondMoment, &state.maxCorrectedSecondMoment, applyingTo: target,
            factor: factor
        ) { g, m, v, vMax in
            Moments.optax(&m, &v, gradient: g, beta1: b1, c1: c1, beta2: b2, c2: c2)
            vMax = max(vMax, BiasCorrection.divide(v, by: correction2))
            return BiasCorrection.divide(m, by: correction1) / ((vMax + epsRoot).squareRoot() + eps)
        }
    }
}
