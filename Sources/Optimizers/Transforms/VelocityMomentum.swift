/// Momentum in the CS231n / Sutskever "velocity" form, learning rate included:
///
///     v₀ = 0,  v_t = μ·v_{t−1} − η_k·g_t,  u = v_t   (θ ← θ + v)
///
/// Because v already carries −η, this is a whole optimizer: compose it only with transforms that act
/// on the gradient before it (clipping, weight decay), never with ``ScaleByLearningRate``. At a
/// constant lr it gives the same iterates as torch SGD with the same lr and momentum; with a
/// schedule past learning rates stay inside v, unlike torch (reference §A.1).
/// η_k = `schedule(k)` with k the 0-based update index.
public struct VelocityMomentum<S: Schedule>: FusedGradientTransformation {
    public struct State: Sendable {
        public var velocity: [Double]
        public var count = 0
        public var lastLearningRate = Double.nan
    }

    public var momentum: Double
    public var schedule: S

    public init(momentum: Double, schedule: S) {
        self.momentum = momentum
        self.schedule = schedule
    }

    public func initialState(parameters: [Double]) -> State {
        State(velocity: [Double](repeating: 0, count: parameters.count))
    }

    @inlinable
    public func update(_ updates: inout [Double], state: inout State, parameters: [Double]) {
        let rate = schedule(state.count)
        state.count += 1
        state.lastLearningRate = rate
        let mu = momentum
        updates.withUnsafeMutableBufferPointer { u in
            state.velocity.withUnsafeMutableBufferPointer { v in
                for i in u.indices {
                    v[i] = mu * v[i] - rate * u[i]
                    u[i] = v[i]
                }
            }
        }
    }

    /// `update` and θ ← θ + s·v in one pass: bitwise `update` (which leaves u = v) then the addition.
    @inlinable
    public func apply(
        _ updates: inout [Double], state: inout State, scaledBy factor: Double, to parameters: inout [Double]
    ) {
        let rate = schedule(state.count)
        state.count += 1
        state.lastLearningRate = rate
        let mu = momentum
        updates.withUnsafeBufferPointer { u in
            state.velocity.withUnsafeMutableBufferPointer { v in
                parameters.withUnsafeMutableBufferPointer { p in
                    for i in p.indices {
                        v[i] = mu * v[i] - rate * u[i]
                        p[i] += factor * v[i]
                    }
                }
            }
        }
    }

    @inlinable
    public func learningRate(in state: State) -> Double? { state.lastLearningRate }
}
