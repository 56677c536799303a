/// A ``FusedGradientTransformation`` whose update is one loop over the coordinates, written once as
/// ``step(_:state:applyingTo:factor:)``: with no target it leaves uᵢ in `updates` (`update`), with one it
/// adds s·uᵢ to θᵢ in the same loop instead (`apply`, the fused step), so both paths compute uᵢ with the
/// same operations and give the same bits. The loops themselves go through ``CoordinateLoop``.
public protocol CoordinatewiseTransformation: FusedGradientTransformation {
    /// One update: advances the state, then writes uᵢ into `updates`, or, given `target`, adds
    /// `factor`·uᵢ (rounded product, then rounded sum) to `target[i]` instead.
    func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double)
    /// One fused step with decoupled weight decay λ ≠ 0 (``DecoupledWeightDecay``): advances the state
    /// and adds `factor`·(uᵢ + λ·θᵢ) to θᵢ = `target[i]`, the bits of `update`, then u ← u + λθ, then
    /// θ ← θ + `factor`·u. Default: exactly those three passes; a transform overrides it to do it in its
    /// own loop (``CoordinateLoop``'s `decoupledWeightDecay`).
    func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>,
        factor: Double, decoupledWeightDecay lambda: Double)
}

extension CoordinatewiseTransformation {
    @inlinable
    public func update(_ updates: inout [Double], state: inout State, parameters: [Double]) {
        step(&updates, state: &state, applyingTo: nil, factor: 1)
    }

    @inlinable
    public func apply(
        _ updates: inout [Double], state: inout State, scaledBy factor: Double, to parameters: inout [Double]
    ) {
        parameters.withUnsafeMutableBufferPointer { step(&updates, state: &state, applyingTo: $0, factor: factor) }
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>,
        factor: Double, decoupledWeightDecay lambda: Double
    ) {
        step(&updates, state: &state, applyingTo: nil, factor: 1)
        updates.withUnsafeBufferPointer { u in
            for i in target.indices { target[i] += factor * (u[i] + lambda * target[i]) }
        }
    }
}
