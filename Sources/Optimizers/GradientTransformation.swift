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
    /// Transforms `updates` and adds them to the parameters, θ ← θ + u: how ``FirstOrderMethod``
    /// applies a step. The default calls `update`, then adds. The last transformation of a chain may
    /// fuse the two into one pass over the vectors (``ScaleByLearningRate`` does: θᵢ ← θᵢ + (−η)·gᵢ,
    /// the same roundings as scaling first, as torch's `param.add_(grad, alpha=-lr)`), leaving
    /// `updates` unspecified.
    func apply(_ updates: inout [Double], state: inout State, to parameters: inout [Double])
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
    public func apply(_ updates: inout [Double], state: inout State, to parameters: inout [Double]) {
        update(&updates, state: &state, parameters: parameters)
        updates.withUnsafeBufferPointer { u in
            parameters.withUnsafeMutableBufferPointer { p in
                for i in p.indices { p[i] += u[i] }
            }
        }
    }
    @inlinable
    public func learningRate(inPlace state: inout State) -> Double? { learningRate(in: state) }
}
