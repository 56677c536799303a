import Foundation

/// RAdam in torch's convention (pytorch/pytorch:torch/optim/radam.py; Liu et al. 2020):
///
///     m_t = lerp(m_{t−1}, g_t, 1 − β₁),  v_t = β₂·v_{t−1} + (1 − β₂)·g_t²,  m̂ = m_t/(1 − β₁^t)
///     ρ_∞ = 2/(1 − β₂) − 1,  ρ_t = ρ_∞ − 2t·β₂^t/(1 − β₂^t)
///     if ρ_t > 5:  r_t = √[(ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)],
///                  u = m̂ · √(1 − β₂^t)/(√v_t + ε) · r_t
///     else:        u = m̂
///
/// The test is strict (> 5) and ε is added to √v before the bias correction (effective ε/√bc₂).
/// Defaults: β₁ 0.9, β₂ 0.999, ε 1e−8 (torch lr 1e−3). optax's form is ``ScaleByRAdamOptax``
/// (reference §A.9).
public struct ScaleByRAdam: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var secondMoment: [Double]
        public var step = 0
        /// 1 − β₁ᵗ (``BiasCorrection``).
        public var correction1: BiasCorrection
        /// 1 − β₂ᵗ, ρ_t and r_t (``RAdamRectification``: `pow` until they settle).
        public var rectification: RAdamRectification
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
            secondMoment: [Double](repeating: 0, count: parameters.count), correction1: BiasCorrection(beta: beta1),
            rectification: RAdamRectification(beta2: beta2, threshold: 5, inclusive: false))
    }

    /// Always inlined: its several loops (one per option) made the compiler call it out of line.
    @inlinable @inline(__always)
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        state.step += 1
        let correction1 = state.correction1.advance(toStep: state.step)
        state.rectification.advance(toStep: state.step)
        let rectification = state.rectification.factor, correction2 = state.rectification.correction2
        let correction2Root = correction2.squareRoot()
        let w1 = 1 - beta1, b2 = beta2, c2 = 1 - beta2, eps = epsilon
        /// m̂ and the adaptive step m̂·√(1 − β₂ᵗ)/(√v + ε) of one coordinate.
        func moments(_ g: Double, _ m: inout Double, _ v: inout Double) -> (mHat: Double, adaptive: Double) {
            Moments.torch(&m, &v, gradient: g, w1: w1, beta2: b2, c2: c2)
            let mHat = BiasCorrection.divide(m, by: correction1)
            return (mHat, mHat * (correction2Root / (v.squareRoot() + eps)))
        }
        switch rectification {
        case nil:
            CoordinateLoop.run(&updates, &state.firstMoment, &state.secondMoment, applyingTo: target, factor: factor) {
                g, m, v in moments(g, &m, &v).mHat
            }
        case 1:
            // r_t is exactly 1 once ρ_t = ρ_∞ (settled): the multiplication by it is left out.
            CoordinateLoop.run(&updates, &state.firstMoment, &state.secondMoment, applyingTo: target, factor: factor) {
                g, m, v in moments(g, &m, &v).adaptive
            }
        case let r?:
            CoordinateLoop.run(&updates, &state.firstMoment, &state.secondMoment, applyingTo: target, factor: factor) {
                g, m, v in moments(g, &m, &v).adaptive * r
            }
        }
    }
}
