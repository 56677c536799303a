/// Two gradient transformations applied one after the other (optax `chain`): `first` rewrites the
/// updates, then `second` rewrites its output. The state is the pair of states; each transformation
/// mutates its own half in place (`&state.0`, then `&state.1`), so no state is ever copied.
///
/// Longer chains nest: `Chain(clip, Chain(ScaleByAdam(), ScaleByLearningRate(0.001)))`.
/// The learning rate reported is the later transformation's, falling back to the earlier one's.
/// A chain of two ``FusedGradientTransformation``s is one as well.
public struct Chain<First: GradientTransformation, Second: GradientTransformation>: GradientTransformation {
    public var first: First
    public var second: Second

    @inlinable
    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    @inlinable
    public func initialState(parameters: [Double]) -> (First.State, Second.State) {
        (first.initialState(parameters: parameters), second.initialState(parameters: parameters))
    }

    @inlinable
    public func update(_ updates: inout [Double], state: inout (First.State, Second.State), parameters: [Double]) {
        first.update(&updates, state: &state.0, parameters: parameters)
        second.update(&updates, state: &state.1, parameters: parameters)
    }

    @inlinable
    public func learningRate(in state: (First.State, Second.State)) -> Double? {
        // Not `??`: its autoclosure would capture (copy) the whole state, retaining every array in it.
        if let rate = second.learningRate(in: state.1) { return rate }
        return first.learningRate(in: state.0)
    }
}

/// A chain of two fused transformations is fused: it hands the learning rate at its end to the
/// transformation before it, so that the whole step is one pass over the vectors.
extension Chain: FusedGradientTransformation
where First: FusedGradientTransformation, Second: FusedGradientTransformation {
    /// `first` rewrites the updates, then `second` rewrites and applies them; when `second` only
    /// scales (the learning rate) and no scale is pending, `first` applies them with its factor.
    /// Always inlined: the whole step of a named optimizer is then one function (a call per link of
    /// the chain cost a 2-D step about 20 instructions of frame setup and argument copies).
    @inlinable @inline(__always)
    public func apply(
        _ updates: inout [Double], state: inout (First.State, Second.State), scaledBy factor: Double,
        to parameters: inout [Double]
    ) {
        if factor == 1, let scale = second.scalingFactor(advancing: &state.1) {
            first.apply(&updates, state: &state.0, scaledBy: scale, to: &parameters)
        } else {
            first.update(&updates, state: &state.0, parameters: parameters)
            second.apply(&updates, state: &state.1, scaledBy: factor, to: &parameters)
        }
    }

    /// As `learningRate(in:)`, projecting into the halves in place (no copy of either).
    @inlinable
    public func learningRate(inPlace state: inout (First.State, Second.State)) -> Double? {
        if let rate = second.learningRate(inPlace: &state.1) { return rate }
        return first.learningRate(inPlace: &state.0)
    }
}
