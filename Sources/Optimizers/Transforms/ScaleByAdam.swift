import Foundation

/// Adam in torch's convention (pytorch/pytorch:torch/optim/adam.py; Kingma & Ba 2015, Algorithm 1;
/// AMSGrad: Reddi et al. 2018):
///
///     m_t = lerp(m_{t−1}, g_t, 1 − β₁),  v_t = β₂·v_{t−1} + (1 − β₂)·g_t²      (t 1-based)
///     amsgrad: v̄_t = max(v̄_{t−1}, v_t) on the **raw** v, else v̄_t = v_t
///     u = m_t / (1 − β₁^t) / (√v̄_t / √(1 − β₂^t) + ε)
///
/// ε is added after the bias correction of √v. Defaults: β₁ 0.9, β₂ 0.999, ε 1e−8, amsgrad false
/// (torch lr 1e−3). `biasCorrection: false` (an ablation, not a torch option) drops both divisions by
/// 1 − βᵗ: then u = m_t/(√v̄_t + ε). Coupled weight decay is ``AddDecayedWeights`` before this transform; AdamW's
/// decoupled decay wraps it (``DecoupledWeightDecay``). optax's forms are ``ScaleByAdamOptax``
/// (eps_root, Nesterov) and ``ScaleByAMSGradOptax`` (max on corrected v̂). Reference §A.5.
public struct ScaleByAdam: DecayFusingTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var secondMoment: [Double]
        public var maxSecondMoment: [Double]
        public var step = 0
        /// 1 − β₁ᵗ and 1 − β₂ᵗ of the last update (``BiasCorrection``: `pow` until they round to 1).
        public var correction1: BiasCorrection
        public var correction2: BiasCorrection
    }

    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var amsgrad: Bool
    public var biasCorrection: Bool

    public init(
        beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, amsgrad: Bool = false,
        biasCorrection: Bool = true
    ) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
        self.biasCorrection = biasCorrection
    }

    public func initialState(parameters: [Double]) -> State {
        let d = parameters.count
        return State(
            firstMoment: [Double](repeating: 0, count: d), secondMoment: [Double](repeating: 0, count: d),
            maxSecondMoment: [Double](repeating: 0, count: amsgrad ? d : 0),
            correction1: BiasCorrection(beta: beta1, enabled: biasCorrection),
            correction2: BiasCorrection(beta: beta2, enabled: biasCorrection))
    }

    /// The step with decay λ (0: none), one loop (``CoordinateLoop``).
    @inlinable @inline(__always)
    public func stepWithDecay(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double, decoupledWeightDecay lambda: Double
    ) {
        state.step += 1
        let w1 = 1 - beta1, b2 = beta2, c2 = 1 - beta2, eps = epsilon
        let correction1 = state.correction1.advance(toStep: state.step)
        let correction2Root = state.correction2.advance(toStep: state.step).squareRoot()
        /// uᵢ from mᵢ and the second moment it is divided by (vᵢ, or its running maximum). Once the
        /// corrections have rounded to 1 (t ≥ 37 412 for the default betas), `divide` skips the divisions by
        /// them: the same bits, faster.
        func update(_ m: Double, _ second: Double) -> Double {
            let denominator = BiasCorrection.divide(second.squareRoot(), by: correction2Root) + eps
            return BiasCorrection.divide(m / denominator, by: correction1)
        }
        if amsgrad {
            CoordinateLoop.run(
                &updates, &state.firstMoment, &state.secondMoment, &state.maxSecondMoment, applyingTo: target,
                factor: factor, decoupledWeightDecay: lambda
            ) { g, m, v, vMax in
                Moments.torch(&m, &v, gradient: g, w1: w1, beta2: b2, c2: c2)
                vMax = max(vMax, v)
                return update(m, vMax)
            }
        } else {
            // `maxSecondMoment` is then the empty array, which is left alone (CoordinateLoop).
            CoordinateLoop.run(
                &updates, &state.firstMoment, &state.secondMoment, applyingTo: target, factor: factor,
                decoupledWeightDecay: lambda
            ) { g, m, v in
                Moments.torch(&m, &v, gradient: g, w1: w1, beta2: b2, c2: c2)
                return update(m, v)
            }
        }
    }
}
