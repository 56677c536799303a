/// Lion (Chen et al. 2023), optax `scale_by_lion` in mode 'hard'
/// (google-deepmind/optax:optax/_src/transform.py):
///
///     c_t = (1 − β₁)·g_t + β₁·m_{t−1},  u = sign(c_t)  (sign(0) = 0)
///     m_t = (1 − β₂)·g_t + β₂·m_{t−1}   (m₀ = 0)
///
/// Defaults: β₁ 0.9, β₂ 0.99. optax `lion` follows it with decoupled decay (``DecoupledWeightDecay``,
/// λ default 1e−3; the paper's default is 0) and ``ScaleByLearningRate``: u = −η(sign(c) + λθ), algebraically the
/// paper's θ ← θ(1 − ηλ) − η·sign(c). Not in torch.optim (reference §A.10).
public struct ScaleByLion: DecayFusingTransformation {
    public struct State: Sendable {
        public var momentum: [Double]
    }

    public var beta1: Double
    public var beta2: Double

    public init(beta1: Double = 0.9, beta2: Double = 0.99) {
        self.beta1 = beta1
        self.beta2 = beta2
    }

    public func initialState(parameters: [Double]) -> State {
        State(momentum: [Double](repeating: 0, count: parameters.count))
    }

    /// The step with decay λ (0: none), one loop (``CoordinateLoop``).
    @inlinable @inline(__always)
    public func stepWithDecay(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double, decoupledWeightDecay lambda: Double
    ) {
        let b1 = beta1, c1 = 1.0 - beta1, b2 = beta2, c2 = 1 - beta2
        CoordinateLoop.run(
            &updates, &state.momentum, applyingTo: target, factor: factor, decoupledWeightDecay: lambda
        ) { g, m in
            let c = c1 * g + b1 * m
            m = c2 * g + b2 * m
            return Self.sign(c)
        }
    }

    /// sign(c) as `jnp.sign`: ±1, and c itself for ±0 and NaN. Branch-free: |c| > 0 selects ±1 with c's
    /// sign bit (fewer instructions than the two comparisons of `c > 0 ? 1 : (c < 0 ? -1 : c)`).
    @inlinable @inline(__always)
    public static func sign(_ c: Double) -> Double {
        c.magnitude > 0 ? Double(signOf: c, magnitudeOf: 1) : c
    }
}
