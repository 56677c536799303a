/// Adagrad in optax's convention, `scale_by_rss` (google-deepmind/optax:optax/_src/transform.py):
///
///     G₀ = initial_accumulator_value,  G_t = G_{t−1} + g_t²
///     u = g_t / √(G_t + ε) where G_t > 0, and 0 where G_t = 0
///
/// ε sits **inside** the square root. Defaults (optax `adagrad`): G₀ = 0.1, ε = 1e−7; no lr decay.
/// torch's form is ``ScaleByAdagrad``; the two never agree exactly (reference §A.2).
public struct ScaleByRSS: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var sumOfSquares: [Double]
    }

    public var initialAccumulatorValue: Double
    public var epsilon: Double

    public init(initialAccumulatorValue: Double = 0.1, epsilon: Double = 1e-7) {
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
    }

    public func initialState(parameters: [Double]) -> State {
        State(sumOfSquares: [Double](repeating: initialAccumulatorValue, count: parameters.count))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        let eps = epsilon
        CoordinateLoop.run(&updates, &state.sumOfSquares, applyingTo: target, factor: factor) { g, s in
            s = g * g + s
            return s > 0 ? (1 / (s + eps).squareRoot()) * g : 0
        }
    }
}
