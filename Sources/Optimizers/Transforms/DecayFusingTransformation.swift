/// A ``CoordinatewiseTransformation`` whose one loop also takes decoupled weight decay (``CoordinateLoop``'s
/// `decoupledWeightDecay`, torch `AdamW`'s and optax `lion`'s decay): it writes its step once, as
/// ``stepWithDecay(_:state:applyingTo:factor:decoupledWeightDecay:)``, and both steps of
/// ``CoordinatewiseTransformation`` are that loop (λ = 0 for the plain one), so a ``DecoupledWeightDecay``
/// around it costs no second pass.
public protocol DecayFusingTransformation: CoordinatewiseTransformation {
    /// One update with decoupled weight decay λ (0: none): advances the state, then writes uᵢ into
    /// `updates`, or, given `target`, adds `factor`·(uᵢ + λ·θᵢ) to θᵢ = `target[i]`.
    func stepWithDecay(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double, decoupledWeightDecay lambda: Double)
}

extension DecayFusingTransformation {
    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        stepWithDecay(&updates, state: &state, applyingTo: target, factor: factor, decoupledWeightDecay: 0)
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>,
        factor: Double, decoupledWeightDecay lambda: Double
    ) {
        stepWithDecay(&updates, state: &state, applyingTo: target, factor: factor, decoupledWeightDecay: lambda)
    }
}
