import Foundation

/// Adam in optax's convention, `scale_by_adam` (google-deepmind/optax:optax/_src/transform.py):
///
///     m_t = (1 − β₁)·g_t + β₁·m_{t−1},  v_t = (1 − β₂)·g_t² + β₂·v_{t−1}          (t 1-based)
///     m̂ = m_t/(1 − β₁^t), or with nesterov m̂ = β₁·m_t/(1 − β₁^{t+1}) + (1 − β₁)·g_t/(1 − β₁^t)
///     v̂ = v_t/(1 − β₂^t),  u = m̂ / (√(v̂ + ε_root) + ε)
///
/// Defaults: β₁ 0.9, β₂ 0.999, ε 1e−8, ε_root 0, nesterov false. With ε_root = 0 and no Nesterov it is
/// algebraically torch Adam (``ScaleByAdam``). With nesterov it is optax `nadam` (Dozat 2016 without
/// his β₂ factor and without torch's μ-schedule, so it is **not** torch NAdam; reference §A.8).
public struct ScaleByAdamOptax: GradientTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var secondMoment: [Double]
        public var count = 0
    }

    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var epsilonRoot: Double
    public var nesterov: Bool

    public init(
        beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, epsilonRoot: Double = 0,
        nesterov: Bool = false
    ) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.epsilonRoot = epsilonRoot
        self.nesterov = nesterov
    }

    public func initialState(parameters: [Double]) -> State {
        State(
            firstMoment: [Double](repeating: 0, count: parameters.count),
            secondMoment: [Double](repeating: 0, count: parameters.count))
    }

    @inlinable
    public func update(_ updates: inout [Double], state: inout State, parameters: [Double]) {
        state.count += 1
        let t = Double(state.count)
        let b1 = beta1, c1 = 1 - beta1, b2 = beta2, c2 = 1 - beta2
        let eps = epsilon, epsRoot = epsilonRoot, isNesterov = nesterov
        let correction1 = 1 - pow(beta1, t)
        let correction1Next = 1 - pow(beta1, t + 1)
        let correction2 = 1 - pow(beta2, t)
        updates.withUnsafeMutableBufferPointer { u in
            state.firstMoment.withUnsafeMutableBufferPointer { m in
                state.secondMoment.withUnsafeMutableBufferPointer { v in
                    for i in u.indices {
                        let g = u[i]
                        m[i] = c1 * g + b1 * m[i]
                        v[i] = c2 * (g * g) + b2 * v[i]
                        let mHat = isNesterov ? b1 * (m[i] / correction1Next) + c1 * (g / correction1) : m[i] / correction1
                        let vHat = v[i] / correction2
                        u[i] = mHat / ((vHat + epsRoot).squareRoot() + eps)
                    }
                }
            }
        }
    }
}
