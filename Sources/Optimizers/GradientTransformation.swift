/// optax's gradient transformation, in Swift: a value holding hyperparameters, with an associated
/// `State` that the caller owns. `update` rewrites `updates` in place (it receives the gradient and
/// leaves the parameter update u, applied as θ ← θ + u), without allocating.
///
/// Named optimizers are chains: `adam = Chain(ScaleByAdam(...), ScaleByLearningRate(schedule))`.
/// Each transformation keeps its own step counter in its state where it needs one (1-based t in
/// bias corrections; 0-based schedule index, see reference §B.0). A transformation that can fold the
/// step θ ← θ + s·u into its own loop opts in with ``FusedGradientTransformation``.
public protocol GradientTransformation: Sendable {
    associatedtype State: Sendable
    /// The state before the first update, for parameters `parameters` (the starting point).
    func initialState(parameters: [Double]) -> State
    /// Transforms `updates` in place. `parameters` are the current θ (for weight decay).
    func update(_ updates: inout [Double], state: inout State, parameters: [Double])
    /// The learning rate used by the last `update`, if this transformation has one (default nil).
    func learningRate(in state: State) -> Double?
}

extension GradientTransformation {
    public func learningRate(in state: State) -> Double? { nil }

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
}
