import Foundation

/// NAdam in torch's convention (pytorch/pytorch:torch/optim/nadam.py; Dozat 2016 with his momentum
/// schedule):
///
///     μ_t = β₁·(1 − ½·0.96^{t·ψ}),  μ_{t+1} = β₁·(1 − ½·0.96^{(t+1)·ψ}),  Π_t = Π_{t−1}·μ_t  (Π₀ = 1)
///     m_t = lerp(m_{t−1}, g_t, 1 − β₁),  v_t = β₂·v_{t−1} + (1 − β₂)·g_t²,  a = √(v_t/(1 − β₂^t)) + ε
///     u = (1 − μ_t)/(1 − Π_t) · g_t/a + μ_{t+1}/(1 − Π_t·μ_{t+1}) · m_t/a
///
/// Defaults: β₁ 0.9, β₂ 0.999, ε 1e−8, ψ (`momentum_decay`) 4e−3 (torch lr 2e−3). optax `nadam` is a
/// different algorithm (``ScaleByAdamOptax`` with nesterov); never compare the two (reference §A.8).
public struct ScaleByNAdam: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var firstMoment: [Double]
        public var secondMoment: [Double]
        public var momentumProduct = 1.0
        public var step = 0
        /// 1 − β₂ᵗ (``BiasCorrection``).
        public var correction2: BiasCorrection
        /// μ_{t+1} and μ_{t+2} after update t: μ_t and μ_{t+1} of the next update (the same expression at
        /// the same time, so the same bits). One `pow` per update instead of two, and it is for the update
        /// after next, so the next update need not wait for it. NaN before the first.
        public var upcomingMomenta = (Double.nan, Double.nan)
        /// Whether 1 − ½·0.96^{tψ} has rounded to exactly 1, so that every later μ is β₁ itself: 0.96^{tψ}
        /// only decreases with t (ψ > 0; it never rounds to 1 otherwise), and from then on the `pow` is skipped.
        /// With the default ψ that happens at t ≈ 225 000.
        public var momentaSettled = false
    }

    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var momentumDecay: Double

    public init(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, momentumDecay: Double = 4e-3) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.momentumDecay = momentumDecay
    }

    public func initialState(parameters: [Double]) -> State {
        State(
            firstMoment: [Double](repeating: 0, count: parameters.count),
            secondMoment: [Double](repeating: 0, count: parameters.count), correction2: BiasCorrection(beta: beta2))
    }

    /// Always inlined: with the scalars it carries past its loop the compiler called it out of line.
    @inlinable @inline(__always)
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        state.step += 1
        let t = Double(state.step), b1 = beta1, psi = momentumDecay
        /// μ at time `time` (Dozat's schedule).
        func momentum(at time: Double) -> Double { b1 * (1.0 - 0.5 * pow(0.96, time * psi)) }
        let correction2 = state.correction2.advance(toStep: state.step)
        if state.upcomingMomenta.0.isNaN { state.upcomingMomenta = (momentum(at: t), momentum(at: t + 1)) }
        let (mu, muNext) = state.upcomingMomenta
        state.momentumProduct *= mu
        let product = state.momentumProduct
        let gradientWeight = (1.0 - mu) / (1.0 - product)
        let momentumWeight = muNext / (1.0 - product * muNext)
        let w1 = 1 - beta1, b2 = beta2, c2 = 1 - beta2, eps = epsilon
        CoordinateLoop.run(&updates, &state.firstMoment, &state.secondMoment, applyingTo: target, factor: factor) {
            g, m, v in
            Moments.torch(&m, &v, gradient: g, w1: w1, beta2: b2, c2: c2)
            let denominator = BiasCorrection.divide(v, by: correction2).squareRoot() + eps
            return gradientWeight * (g / denominator) + momentumWeight * (m / denominator)
        }
        if state.momentaSettled {
            state.upcomingMomenta = (muNext, b1)
        } else {
            let weight = 1.0 - 0.5 * pow(0.96, (t + 2) * psi)
            state.upcomingMomenta = (muNext, b1 * weight)
            state.momentaSettled = weight == 1
        }
    }
}
