/// Momentum as an exponential moving average of the gradients ("Andrew Ng" form):
///
///     v₀ = 0,  v_t = β·v_{t−1} + (1 − β)·g_t,  u = v_t
///
/// followed by ``ScaleByLearningRate``. At a constant lr it equals torch momentum with
/// lr·(1 − β) (v_EMA = (1 − β)·b_torch); with a schedule the two differ (reference §A.1).
/// No library default; the named optimizer `momentum-ema` uses β = 0.9.
public struct EMAMomentum: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var average: [Double]
    }

    public var beta: Double

    public init(beta: Double) { self.beta = beta }

    public func initialState(parameters: [Double]) -> State {
        State(average: [Double](repeating: 0, count: parameters.count))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        let b = beta, c = 1 - beta
        CoordinateLoop.run(&updates, &state.average, applyingTo: target, factor: factor) { g, v in
            v = b * v + c * g
            return v
        }
    }
}
