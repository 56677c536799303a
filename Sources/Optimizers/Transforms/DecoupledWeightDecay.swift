/// A transform followed by decoupled weight decay, u ← u + λ·θ: the same updates as
/// `Chain(base, AddDecayedWeights(λ))` (torch `AdamW`'s and optax `adamw` / `lion`'s decay; see
/// ``AddDecayedWeights``), but as one transformation, so that the ``ScaleByLearningRate`` after it
/// fuses the whole step into the base's coordinate loop: θᵢ ← θᵢ + s·(uᵢ + λθᵢ), no second pass.
/// λ = 0 is the base alone.
public struct DecoupledWeightDecay<Base: CoordinatewiseTransformation>: FusedGradientTransformation {
    public var base: Base
    public var weightDecay: Double

    public init(_ base: Base, weightDecay: Double) {
        self.base = base
        self.weightDecay = weightDecay
    }

    public func initialState(parameters: [Double]) -> Base.State { base.initialState(parameters: parameters) }

    @inlinable
    public func update(_ updates: inout [Double], state: inout Base.State, parameters: [Double]) {
        base.update(&updates, state: &state, parameters: parameters)
        var none: Void = ()
        AddDecayedWeights(weightDecay).update(&updates, state: &none, parameters: parameters)
    }

    @inlinable
    public func apply(
        _ updates: inout [Double], state: inout Base.State, scaledBy factor: Double, to parameters: inout [Double]
    ) {
        let lambda = weightDecay
        guard lambda != 0 else { return base.apply(&updates, state: &state, scaledBy: factor, to: &parameters) }
        parameters.withUnsafeMutableBufferPointer {
            base.step(&updates, state: &state, applyingTo: $0, factor: factor, decoupledWeightDecay: lambda)
        }
    }

    @inlinable
    public func learningRate(in state: Base.State) -> Double? { base.learningRate(in: state) }

    @inlinable
    public func learningRate(inPlace state: inout Base.State) -> Double? { base.learningRate(inPlace: &state) }
}
