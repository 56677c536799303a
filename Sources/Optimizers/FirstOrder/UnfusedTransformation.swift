/// A transformation that does not opt in to ``FusedGradientTransformation``, given the fused step's
/// defaults (`update`, then θ ← θ + s·u), so that ``FirstOrderMethod`` and the first-order kinds have
/// one step for every transformation. The iterates are `base`'s to the bit.
public struct UnfusedTransformation<Base: GradientTransformation>: FusedGradientTransformation {
    public let base: Base

    @inlinable
    public init(_ base: Base) { self.base = base }

    @inlinable
    public func initialState(parameters: [Double]) -> Base.State { base.initialState(parameters: parameters) }

    @inlinable
    public func update(_ updates: inout [Double], state: inout Base.State, parameters: [Double]) {
        base.update(&updates, state: &state, parameters: parameters)
    }

    @inlinable
    public func learningRate(in state: Base.State) -> Double? { base.learningRate(in: state) }
}
