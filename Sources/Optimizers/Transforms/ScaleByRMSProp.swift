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
public struct ScaleByRMSProp: CoordinatewiseTransformation {
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

    /// Always inlined: its several loops (one per option) made the compiler call it out of line.
    @inlinable @inline(__always)
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        let a = alpha, c = 1 - alpha, eps = epsilon, mu = momentum
        let isCentered = centered, hasMomentum = momentum > 0
        // One coordinate; `m` and `b` are scratch when not centered / without momentum.
        func coordinate(_ g: Double, _ v: inout Double, _ m: inout Double, _ b: inout Double) -> Double {
            v = v * a + c * g * g
            let denominator: Double
            if isCentered {
                m = TorchArithmetic.lerp(m, g, weight: c)
                denominator = (v - m * m).squareRoot() + eps
            } else {
                denominator = v.squareRoot() + eps
            }
            guard hasMomentum else { return g / denominator }
            b = b * mu + g / denominator
            return b
        }
        // The empty buffers of unused options are left alone (CoordinateLoop).
        var scratch = (0.0, 0.0)
        switch (isCentered, hasMomentum) {
        case (false, false):
            CoordinateLoop.run(&updates, &state.squareAverage, applyingTo: target, factor: factor) { g, v in
                coordinate(g, &v, &scratch.0, &scratch.1)
            }
        case (true, false):
            CoordinateLoop.run(
                &updates, &state.squareAverage, &state.gradientAverage, applyingTo: target, factor: factor
            ) { g, v, m in coordinate(g, &v, &m, &scratch.1) }
        case (false, true):
            CoordinateLoop.run(
                &updates, &state.squareAverage, &state.momentumBuffer, applyingTo: target, factor: factor
            ) { g, v, b in coordinate(g, &v, &scratch.0, &b) }
        case (true, true):
            CoordinateLoop.run(
                &updates, &state.squareAverage, &state.gradientAverage, &state.momentumBuffer, applyingTo: target,
                factor: factor
            ) { g, v, m, b in coordinate(g, &v, &m, &b) }
        }
    }
}
