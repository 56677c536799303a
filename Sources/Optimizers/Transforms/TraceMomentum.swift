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
        step(&updates, state: &state, applyingTo: nil, factor: 1)
    }

    /// The momentum step with θᵢ ← θᵢ + s·uᵢ done in the same loop (the learning rate −η of the chain).
    @inlinable
    public func apply(
        _ updates: inout [Double], state: inout State, scaledBy factor: Double, to parameters: inout [Double]
    ) {
        if momentum == 0 {
            addScaledUpdates(updates, factor, to: &parameters)
        } else {
            parameters.withUnsafeMutableBufferPointer { step(&updates, state: &state, applyingTo: $0, factor: factor) }
        }
    }

    /// One update with μ ≠ 0: writes uᵢ into `updates`, or, given `target`, adds `factor`·uᵢ to it instead.
    /// The first-step and Nesterov choices are made once per step: each case is its own branch-free loop.
    @inlinable
    func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        let mu = momentum, keep = 1 - dampening
        let isFirst = !state.isStarted
        state.isStarted = true
        updates.withUnsafeMutableBufferPointer { u in
            state.buffer.withUnsafeMutableBufferPointer { b in
                switch (isFirst, nesterov) {
                case (true, false):
                    Self.loop(u, b, target, factor) { g, b in
                        b = g
                        return b
                    }
                case (true, true):
                    Self.loop(u, b, target, factor) { g, b in
                        b = g
                        return g + mu * b
                    }
                case (false, false):
                    Self.loop(u, b, target, factor) { g, b in
                        b = b * mu + keep * g
                        return b
                    }
                case (false, true):
                    Self.loop(u, b, target, factor) { g, b in
                        b = b * mu + keep * g
                        return g + mu * b
                    }
                }
            }
        }
    }

    /// `body(gᵢ, &bᵢ)` returns uᵢ; the loop writes it into `u`, or adds `factor`·uᵢ to `target`
    /// (the target test made once, outside the loop).
    @inlinable @inline(__always)
    static func loop(
        _ u: UnsafeMutableBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>,
        _ target: UnsafeMutableBufferPointer<Double>?, _ factor: Double, _ body: (Double, inout Double) -> Double
    ) {
        if let target {
            for i in u.indices { target[i] += factor * body(u[i], &b[i]) }
        } else {
            for i in u.indices { u[i] = body(u[i], &b[i]) }
        }
    }
}
