/// Momentum as an exponential moving average of the gradients ("Andrew Ng" form):
///
///     v₀ = 0,  v_t = β·v_{t−1} + (1 − β)·g_t,  u = v_t
///
/// followed by ``ScaleByLearningRate``. At a constant lr it equals torch momentum with
/// lr·(1 − β) (v_EMA = (1 − β)·b_torch); with a schedule the two differ (reference §A.1).
/// No library default; the named optimizer `momentum-ema` uses β = 0.9.
public struct EMAMomentum: FusedGradientTransformation {
    public struct State: Sendable {
        public var average: [Double]
    }

    public var beta: Double

    public init(beta: Double) { self.beta = beta }

    public func initialState(parameters: [Double]) -> State {
        State(average: [Double](repeating: 0, count: parameters.count))
    }

    @inlinable
    public func update(_ updates: inout [Double], state: inout State, parameters: [Double]) {
        let b = beta, c = 1 - beta
        updates.withUnsafeMutableBufferPointer { u in
            state.average.withUnsafeMutableBufferPointer { v in
                for i in u.indices {
                    v[i] = b * v[i] + c * u[i]
                    u[i] = v[i]
                }
            }
        }
    }
}
