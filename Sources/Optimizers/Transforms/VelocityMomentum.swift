/// Momentum in the CS231n / Sutskever "velocity" form, learning rate included:
///
///     v₀ = 0,  v_t = μ·v_{t−1} − η_k·g_t,  u = v_t   (θ ← θ + v)
///
/// Because v already carries −η, this is a whole optimizer: compose it only with transforms that act
/// on the gradient before it (clipping, weight decay), never with ``ScaleByLearningRate``. At a
/// constant lr it gives the same iterates as torch SGD with the same lr and momentum; with a
/// schedule past learning rates stay inside v, unlike torch (reference §A.1).
/// η_k = `schedule(k)` with k the 0-based update index.
public struct VelocityMomentum<S: Schedule>: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var velocity: [Double]
        /// The update index, the last η and the run's rates, kept as ``ScaleByLearningRate`` keeps them.
        public var learningRate: ScaleByLearningRate<S>.State
    }

    public var momentum: Double
    public var schedule: S

    public init(momentum: Double, schedule: S) {
        self.momentum = momentum
        self.schedule = schedule
    }

    public func initialState(parameters: [Double]) -> State {
        State(
            velocity: [Double](repeating: 0, count: parameters.count),
            learningRate: ScaleByLearningRate(schedule).initialState(parameters: parameters))
    }

    /// v ← μv − η_k·g in one loop (``CoordinateLoop``), which with a target also adds s·v to θ.
    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        let rate = -ScaleByLearningRate(schedule).advance(&state.learningRate)
        let mu = momentum
        CoordinateLoop.run(&updates, &state.velocity, applyingTo: target, factor: factor) { g, v in
            v = mu * v - rate * g
            return v
        }
    }

    @inlinable
    public func learningRate(in state: State) -> Double? { state.learningRate.lastLearningRate }
}
