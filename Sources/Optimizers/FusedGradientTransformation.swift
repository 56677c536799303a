/// A ``GradientTransformation`` that takes part in a fused step: the update and θ ← θ + s·u in one
/// pass over the vectors, like torch's `param.add_(update, alpha=-lr)`. Opt-in: a transformation
/// that only conforms gets the defaults (update, then add), which let a ``Chain`` around it fuse the
/// learning rate into the transformation before; one whose update ends in a loop over the
/// coordinates (``ScaleByAdam``, ``TraceMomentum``) folds the addition into that loop, and one that
/// only multiplies (``ScaleByLearningRate``) hands its factor on. Bitwise the same iterates as
/// `update` followed by θ ← θ + u, whichever path runs (Tests/OptimizersTests/FusedUpdateTests).
public protocol FusedGradientTransformation: GradientTransformation {
    /// Transforms `updates` into u and applies θᵢ ← θᵢ + s·uᵢ, with s·uᵢ rounded before the addition:
    /// bitwise what a following multiplication by s and θ ← θ + u give (s = 1 is plain θ ← θ + u, as
    /// 1·u is exact). `updates` is unspecified afterwards. Default: `update`, then the addition.
    func apply(_ updates: inout [Double], state: inout State, scaledBy factor: Double, to parameters: inout [Double])
    /// For a transformation that only multiplies the updates by a number (``ScaleByLearningRate``):
    /// advances the state as `update` would and returns the number. Default nil, without touching
    /// the state.
    func scalingFactor(advancing state: inout State) -> Double?
    /// `learningRate(in:)`, read in place. `inout` only so that ``Chain`` can hand its halves on
    /// without copying them: passing an element of a borrowed tuple state on copies it (retaining
    /// every array in it, most of a 2-D Adam step). Default: `learningRate(in:)`.
    func learningRate(inPlace state: inout State) -> Double?
}

extension FusedGradientTransformation {
    @inlinable
    public func apply(
        _ updates: inout [Double], state: inout State, scaledBy factor: Double, to parameters: inout [Double]
    ) {
        update(&updates, state: &state, parameters: parameters)
        addScaledUpdates(updates, factor, to: &parameters)
    }

    @inlinable
    public func scalingFactor(advancing state: inout State) -> Double? { nil }

    @inlinable
    public func learningRate(inPlace state: inout State) -> Double? { learningRate(in: state) }
}
