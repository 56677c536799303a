import Foundation

/// Adam in torch's convention (pytorch/pytorch:torch/optim/adam.py; Kingma & Ba 2015, Algorithm 1;
/// AMSGrad: Reddi et al. 2018):
///
///     m_t = lerp(m_{t−1}, g_t, 1 − β₁),  v_t = β₂·v_{t−1} + (1 − β₂)·g_t²      (t 1-based)
///     amsgrad: v̄_t = max(v̄_{t−1}, v_t) on the **raw** v, else v̄_t = v_t
///     u = m_t / (1 − β₁^t) / (√v̄_t / √(1 − β₂^t) + ε)
///
/// ε is added after the bias correction of √v. Defaults: β₁ 0.9, β₂ 0.999, ε 1e−8, amsgrad false
/// (torch lr 1e−3). Coupled weight decay is ``AddDecayedWeights`` before this transform; AdamW's
/// decoupled decay is ``AddDecayedWeights`` after it. optax's forms are ``ScaleByAdamOptax``
/// (eps_root, Nesterov) and ``ScaleByAMSGradOptax`` (max on corrected v̂). Reference §A.5.
public struct ScaleByAdam: GradientTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var secondMoment: [Double]
        public var maxSecondMoment: [Double]
        public var step = 0
        /// β₁^t and β₂^t of the last update. Once one underflows to 0 it is 0 for every later t, so
        /// `pow` (whose underflow path is slow, and taken at every step after t ≈ 7000 for β₁ = 0.9)
        /// is no longer called for it; the values are exactly those `pow` returns.
        public var firstPower = 1.0
        public var secondPower = 1.0
    }

    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var amsgrad: Bool

    public init(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, amsgrad: Bool = false) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
    }

    public func initialState(parameters: [Double]) -> State {
        let d = parameters.count
        return State(
            firstMoment: [Double](repeating: 0, count: d), secondMoment: [Double](repeating: 0, count: d),
            maxSecondMoment: [Double](repeating: 0, count: amsgrad ? d : 0))
    }

    @inlinable
    public func update(_ updates: inout [Double], state: inout State, parameters: [Double]) {
        state.step += 1
        let t = Double(state.step)
        let w1 = 1 - beta1, b2 = beta2, c2 = 1 - beta2, eps = epsilon, usesMax = amsgrad
        state.firstPower = state.firstPower == 0 ? 0 : pow(beta1, t)
        state.secondPower = state.secondPower == 0 ? 0 : pow(beta2, t)
        let correction1 = 1 - state.firstPower
        let correction2Root = (1 - state.secondPower).squareRoot()
        // Without amsgrad `maxSecondMoment` is the empty array, which is never uniquely referenced:
        // asking it for a mutable buffer would reallocate it on every step, so it is not asked.
        func apply(maxima vMax: UnsafeMutableBufferPointer<Double>) {
            updates.withUnsafeMutableBufferPointer { u in
                state.firstMoment.withUnsafeMutableBufferPointer { m in
                    state.secondMoment.withUnsafeMutableBufferPointer { v in
                        for i in u.indices {
                            let g = u[i]
                            m[i] = TorchArithmetic.lerp(m[i], g, weight: w1)
                            v[i] = v[i] * b2 + c2 * g * g
                            var second = v[i]
                            if usesMax {
                                vMax[i] = max(vMax[i], v[i])
                                second = vMax[i]
                            }
                            let denominator = second.squareRoot() / correction2Root + eps
                            u[i] = m[i] / denominator / correction1
                        }
                    }
                }
            }
        }
        if usesMax {
            var maxima = state.maxSecondMoment
            state.maxSecondMoment = []
            maxima.withUnsafeMutableBufferPointer { apply(maxima: $0) }
            state.maxSecondMoment = maxima
        } else {
            apply(maxima: UnsafeMutableBufferPointer(start: nil, count: 0))
        }
    }
}
