/// Adadelta (Zeiler 2012), identical in torch and optax (pytorch/pytorch:torch/optim/adadelta.py,
/// google-deepmind/optax:optax/_src/transform.py `scale_by_adadelta`):
///
///     E[g²]_t = ρ·E[g²]_{t−1} + (1 − ρ)·g_t²
///     Δ_t = √(E[Δ²]_{t−1} + ε) / √(E[g²]_t + ε) · g_t      (ε inside both roots, previous E[Δ²])
///     E[Δ²]_t = ρ·E[Δ²]_{t−1} + (1 − ρ)·Δ_t²,   u = Δ_t
///
/// Defaults: ρ 0.9, ε 1e−6 (torch lr 1.0). Reference §A.4.
public struct ScaleByAdadelta: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var squareAverage: [Double]
        public var deltaAverage: [Double]
    }

    public var rho: Double
    public var epsilon: Double

    public init(rho: Double = 0.9, epsilon: Double = 1e-6) {
        self.rho = rho
        self.epsilon = epsilon
    }

    public func initialState(parameters: [Double]) -> State {
        State(
            squareAverage: [Double](repeating: 0, count: parameters.count),
            deltaAverage: [Double](repeating: 0, count: parameters.count))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        let r = rho, c = 1 - rho, eps = epsilon
        CoordinateLoop.run(&updates, &state.squareAverage, &state.deltaAverage, applyingTo: target, factor: factor) {
            g, s, a in
            s = s * r + c * g * g
            let delta = (a + eps).squareRoot() / (s + eps).squareRoot() * g
            a = a * r + c * delta * delta
            return delta
        }
    }
}
