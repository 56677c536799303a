/// Multiplies the updates by −η_k, where η_k = `schedule(k)` and k is the 0-based index of the update
/// (the first update uses `schedule(0)`; reference §B.0). The last step of every named optimizer.
///
/// optax `scale_by_learning_rate` (google-deepmind/optax:optax/_src/transform.py); torch multiplies
/// by `group['lr']`, which a scheduler stepped once per update sets to the same η_k.
public struct ScaleByLearningRate<S: Schedule>: FusedGradientTransformation {
    public struct State: Sendable {
        /// Number of updates already applied (k of the next update).
        public var count = 0
        /// η used by the last update (NaN before the first).
        public var lastLearningRate = Double.nan
        /// Rates precomputed for the next updates (``Schedule/rate(at:window:)``).
        public var window = RateWindow()
    }

    public var schedule: S

    @inlinable
    public init(_ schedule: S) { self.schedule = schedule }

    /// A schedule that reads through a ``RateWindow`` gets its first rates here, so the window is
    /// allocated before the first update.
    public func initialState(parameters: [Double]) -> State {
        var state = State()
        _ = schedule.rate(at: 0, window: &state.window)
        return state
    }

    @inlinable
    public func update(_ updates: inout [Double], state: inout State, parameters: [Double]) {
        let factor = advance(&state)
        updates.withUnsafeMutableBufferPointer { u in
            for i in u.indices { u[i] = factor * u[i] }
        }
    }

    /// −η_k, advancing k (the chain before it applies the step with this factor).
    @inlinable
    public func scalingFactor(advancing state: inout State) -> Double? { advance(&state) }

    /// Evaluates η_k, records it, advances k and returns the factor −η_k.
    @inlinable
    func advance(_ state: inout State) -> Double {
        let rate = schedule.rate(at: state.count, window: &state.window)
        state.count += 1
        state.lastLearningRate = rate
        return -rate
    }

    @inlinable
    public func learningRate(in state: State) -> Double? { state.lastLearningRate }
}
