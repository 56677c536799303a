/// ``ScaleByLearningRate`` followed by ``TraceMomentum``, the momentum of optax `rmsprop`, which acts on
/// the lr-scaled updates (google-deepmind/optax:optax/_src/alias.py): the updates and state of
/// `Chain(ScaleByLearningRate(schedule), momentum)`, as one transformation that, without momentum
/// (μ = 0, the default, where the trace leaves the updates unchanged), is a pure scaling by −η, so that
/// the transform before it fuses the step into its own coordinate loop.
public struct MomentumAfterLearningRate<S: Schedule>: FusedGradientTransformation {
    public var chain: Chain<ScaleByLearningRate<S>, TraceMomentum>

    public init(_ schedule: S, momentum: TraceMomentum) {
        chain = Chain(ScaleByLearningRate(schedule), momentum)
    }

    public func initialState(parameters: [Double]) -> (ScaleByLearningRate<S>.State, TraceMomentum.State) {
        chain.initialState(parameters: parameters)
    }

    @inlinable
    public func update(
        _ updates: inout [Double], state: inout (ScaleByLearningRate<S>.State, TraceMomentum.State),
        parameters: [Double]
    ) {
        chain.update(&updates, state: &state, parameters: parameters)
    }

    @inlinable
    public func apply(
        _ updates: inout [Double], state: inout (ScaleByLearningRate<S>.State, TraceMomentum.State),
        scaledBy factor: Double, to parameters: inout [Double]
    ) {
        chain.apply(&updates, state: &state, scaledBy: factor, to: &parameters)
    }

    /// −η_k when μ = 0 (advancing the learning rate's state as `update` does; the trace's is then
    /// unused), else nil.
    @inlinable
    public func scalingFactor(
        advancing state: inout (ScaleByLearningRate<S>.State, TraceMomentum.State)
    ) -> Double? {
        chain.second.momentum == 0 ? chain.first.scalingFactor(advancing: &state.0) : nil
    }

    @inlinable
    public func learningRate(in state: (ScaleByLearningRate<S>.State, TraceMomentum.State)) -> Double? {
        chain.learningRate(in: state)
    }

    @inlinable
    public func learningRate(inPlace state: inout (ScaleByLearningRate<S>.State, TraceMomentum.State)) -> Double? {
        chain.learningRate(inPlace: &state)
    }
}
