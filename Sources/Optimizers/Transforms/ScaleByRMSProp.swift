/// RMSprop in torch's convention (pytorch/pytorch:torch/optim/rmsprop.py; Tieleman & Hinton 2012,
/// centered form Graves 2013):
///
///     v_t = α·v_{t−1} + (1 − α)·g_t²                         (v₀ = 0)
///     centered: ḡ_t = lerp(ḡ_{t−1}, g_t, 1 − α),  a = √(v_t − ḡ_t²) + ε;  else a = √v_t + ε
///     momentum μ > 0: b_t = μ·b_{t−1} + g_t/a,  u = b_t;      else u = g_t/a
///
/// ε sits **outside** the square root and the momentum buffer holds g/a **before** the learning rate.
/// Defaults: α 0.99, ε 1e−8, centered false, momentum 0 (torch lr 1e−2). optax's variant is
/// ``ScaleByRMSOptax``. Reference §A.3.
public struct ScaleByRMSProp: FusedGradientTransformation {
    public struct State: Sendable {
        public var squareAverage: [Double]
        public var gradientAverage: [Double]
        public var momentumBuffer: [Double]
    }

    public var alpha: Double
    public var epsilon: Double
    public var centered: Bool
    public var momentum: Double

    public init(alpha: Double = 0.99, epsilon: Double = 1e-8, centered: Bool = false, momentum: Double = 0) {
        self.alpha = alpha
        self.epsilon = epsilon
        self.centered = centered
        self.momentum = momentum
    }

    public func initialState(parameters: [Double]) -> State {
        let d = parameters.count
        return State(
            squareAverage: [Double](repeating: 0, count: d),
            gradientAverage: [Double](repeating: 0, count: centered ? d : 0),
            momentumBuffer: [Double](repeating: 0, count: momentum > 0 ? d : 0))
    }

    @inlinable
    public func update(_ updates: inout [Double], state: inout State, parameters: [Double]) {
        let a = alpha, c = 1 - alpha, eps = epsilon, mu = momentum
        let isCentered = centered, hasMomentum = momentum > 0
        updates.withUnsafeMutableBufferPointer { u in
            state.squareAverage.withUnsafeMutableBufferPointer { v in
                state.gradientAverage.withUnsafeMutableBufferPointer { m in
                    state.momentumBuffer.withUnsafeMutableBufferPointer { b in
                        for i in u.indices {
                            let g = u[i]
                            v[i] = v[i] * a + c * g * g
                            let denominator: Double
                            if isCentered {
                                m[i] = TorchArithmetic.lerp(m[i], g, weight: c)
                                denominator = (v[i] - m[i] * m[i]).squareRoot() + eps
                            } else {
                                denominator = v[i].squareRoot() + eps
                            }
                            if hasMomentum {
                                b[i] = b[i] * mu + g / denominator
                                u[i] = b[i]
                            } else {
                                u[i] = g / denominator
                            }
                        }
                    }
                }
            }
        }
    }
}
