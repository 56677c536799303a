/// Heavy-ball momentum in torch's form (pytorch/pytorch:torch/optim/sgd.py; optax `trace` in
/// google-deepmind/optax:optax/transforms/_accumulation.py is the case dampening = 0):
///
///     b₁ = g₁ (a copy: no dampening and no μ·0 term on the first update)
///     b_t = μ·b_{t−1} + (1 − τ)·g_t
///     u = g_t + μ·b_t (nesterov)  or  u = b_t
///
/// Defaults: μ = `momentum` (no default; μ = 0 leaves the updates unchanged, as torch does),
/// τ = `dampening` = 0, nesterov = false. Placed before ``ScaleByLearningRate`` this is torch SGD;
/// placed after it, the buffer holds lr-scaled updates (optax rmsprop's momentum). Reference §A.1.
public struct TraceMomentum: FusedGradientTransformation {
    public struct State: Sendable {
        public var buffer: [Double]
        public var isStarted = false
    }

    public var momentum: Double
    public var dampening: Double
    public var nesterov: Bool

    public init(momentum: Double, dampening: Double = 0, nesterov: Bool = false) {
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
    }

    public func initialState(parameters: [Double]) -> State {
        State(buffer: [Double](repeating: 0, count: momentum == 0 ? 0 : parameters.count))
    }

    @inlinable
    public func update(_ updates: inout [Double], state: inout State, parameters: [Double]) {
        guard momentum != 0 else { return }
        let isFirst = !state.isStarted
        state.isStarted = true
        updates.withUnsafeMutableBufferPointer { u in
            state.buffer.withUnsafeMutableBufferPointer { b in
                step(UnsafeBufferPointer(u), b, isFirst: isFirst) { i, update in u[i] = update }
            }
        }
    }

    /// The momentum step with θᵢ ← θᵢ + s·uᵢ done in the same loop (the learning rate −η of the chain);
    /// the updates are only read.
    @inlinable
    public func apply(
        _ updates: inout [Double], state: inout State, scaledBy factor: Double, to parameters: inout [Double]
    ) {
        guard momentum != 0 else { return addScaledUpdates(updates, factor, to: &parameters) }
        let isFirst = !state.isStarted
        state.isStarted = true
        updates.withUnsafeBufferPointer { g in
            state.buffer.withUnsafeMutableBufferPointer { b in
                parameters.withUnsafeMutableBufferPointer { p in
                    step(g, b, isFirst: isFirst) { i, update in p[i] += factor * update }
                }
            }
        }
    }

    /// bᵢ ← gᵢ on the first step, bᵢ ← μ·bᵢ + (1 − τ)·gᵢ after it, then `emit(i, uᵢ)`. The first-step,
    /// Nesterov and dampening choices are made once per step: each case is its own branch-free loop.
    /// Without dampening (torch's default) (1 − τ)·gᵢ is gᵢ exactly, and leaving the product out takes
    /// a multiplication off the chain from the gradient to the new iterate.
    @inlinable @inline(__always)
    func step(
        _ g: UnsafeBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>, isFirst: Bool,
        _ emit: (Int, Double) -> Void
    ) {
        let mu = momentum, keep = 1 - dampening
        switch (isFirst, nesterov, dampening == 0) {
        case (true, false, _):
            for i in g.indices {
                b[i] = g[i]
                emit(i, b[i])
            }
        case (true, true, _):
            for i in g.indices {
                b[i] = g[i]
                emit(i, g[i] + mu * b[i])
            }
        case (false, false, true):
            for i in g.indices {
                b[i] = b[i] * mu + g[i]
                emit(i, b[i])
            }
        case (false, false, false):
            for i in g.indices {
                b[i] = b[i] * mu + keep * g[i]
                emit(i, b[i])
            }
        case (false, true, true):
            for i in g.indices {
                b[i] = b[i] * mu + g[i]
                emit(i, g[i] + mu * b[i])
            }
        case (false, true, false):
            for i in g.indices {
                b[i] = b[i] * mu + keep * g[i]
                emit(i, g[i] + mu * b[i])
            }
        }
    }
}
