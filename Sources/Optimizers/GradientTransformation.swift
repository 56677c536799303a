/// optax's gradient transformation, in Swift: a value holding hyperparameters, with an associated
/// `State` that the caller owns. `update` rewrites `updates` in place (it receives the gradient and
/// leaves the parameter update u, applied as θ ← θ + u), without allocating.
///
/// Named optimizers are chains: `adam = Chain(ScaleByAdam(...), ScaleByLearningRate(schedule))`.
/// Each transformation keeps its own step counter in its state where it needs one (1-based t in
/// bias corrections; 0-based schedule index, see reference §B.0).
public protocol GradientTransformation: Sendable {
    associatedtype State: Sendable
    /// The state before the first update, for parameters `parameters` (the starting point).
    func initialState(parameters: [Double]) -> State
    /// Transforms `updates` in place. `parameters` are the current θ (for weight decay).
    func update(_ updates: inout [Double], state: inout State, parameters: [Double])
    /// Transforms `updates` into u and applies θᵢ ← θᵢ + s·uᵢ, with s·uᵢ rounded before the addition:
    /// bitwise what a following multiplication by s and θ ← θ + u give (s = 1 is plain θ ← θ + u, as
    /// 1·u is exact). This is how ``FirstOrderMethod`` applies a step, and how a ``Chain`` ending in
    /// the learning rate hands −η to the transformation before it (``scalingFactor(advancing:)``), so
    /// that the step is one pass over the vectors, like torch's `param.add_(update, alpha=-lr)`.
    /// `updates` is unspecified afterwards. The default calls `update`, then adds; a transformation
    /// whose step ends in a loop over the coordinates (``ScaleByAdam``) may fold the addition into it.
    func apply(_ updates: inout [Double], state: inout State, scaledBy factor: Double, to parameters: inout [Double])
    /// For a transformation that only multiplies the updates by a number (``ScaleByLearningRate``):
    /// advances the state as `update` would and returns the number. Nil, without touching the state,
    /// for every other transformation (the default).
    func scalingFactor(advancing state: inout State) -> Double?
    /// The learning rate used by the last `update`, if this transformation has one.
    func learningRate(in state: State) -> Double?
    /// The same learning rate, read in place. `inout` only so that ``Chain`` can hand its halves on
    /// without copying them: passing an element of a borrowed tuple state on copies it (retaining
    /// every array in it, most of a 2-D Adam step). The default returns `learningRate(in:)`; own
    /// transformations implement that one only.
    func learningRate(inPlace state: inout State) -> Double?
}

extension GradientTransformation {
    public func learningRate(in state: State) -> Double? { nil }

    @inlinable
    public func apply(_ updates: inout [Double], state: inout State, scaledBy factor: Double, to parameters: inout [Double]) {
        update(&updates, state: &state, parameters: parameters)
        addScaledUpdates(updates, factor, to: &parameters)
    }

    /// θᵢ ← θᵢ + s·uᵢ, a rounded product then a rounded sum per coordinate, in a plain loop rather than
    /// the blocked ``VectorKernels`` axpy (docs/performance.md, "Kernels").
    @inlinable
    public func addScaledUpdates(_ updates: [Double], _ factor: Double, to parameters: inout [Double]) {
        updates.withUnsafeBufferPointer { u in
            parameters.withUnsafeMutableBufferPointer { p in
                for i in p.indices { p[i] += factor * u[i] }
            }
        }
    }

    @inlinable
    public func scalingFactor(advancing state: inout State) -> Double? { nil }

    /// θ ← θ + u: `apply(_:state:scaledBy:to:)` with s = 1.
    @inlinable
    public func apply(_ updates: inout [Double], state: inout State, to parameters: inout [Double]) {
        apply(&updates, state: &state, scaledBy: 1, to: &parameters)
    }

    @inlinable
    public func learningRate(inPlace state: inout State) -> Double? { learningRate(in: state) }
}
