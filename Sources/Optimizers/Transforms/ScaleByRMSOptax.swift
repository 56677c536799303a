import Foundation

/// RMSprop in optax's convention, `scale_by_rms` and (centered) `scale_by_stddev`
/// (google-deepmind/optax:optax/_src/transform.py):
///
///     ν_t = (1 − ρ)·g_t² + ρ·ν_{t−1}          (ν₀ = initial_scale)
///     centered: μ_t = (1 − ρ)·g_t + ρ·μ_{t−1}  (μ₀ = 0)
///     bias_correction: ν̂ = ν/(1 − ρ^t), μ̂ = μ/(1 − ρ^t); otherwise ν̂ = ν, μ̂ = μ
///     s = ν̂ − μ̂² (centered) or ν̂;  u = g/√(s + ε) (eps_in_sqrt) or g/(√s + ε)
///
/// Defaults: ρ (`decay`) 0.9, ε 1e−8, initial_scale 0, eps_in_sqrt true, centered false,
/// bias_correction false. optax `rmsprop` puts its momentum **after** the learning rate
/// (`Chain(ScaleByRMSOptax, Chain(ScaleByLearningRate, TraceMomentum))`), unlike torch
/// (``ScaleByRMSProp``). With ρ = 0.99 and eps_in_sqrt false it reproduces torch. Reference §A.3.
public struct ScaleByRMSOptax: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var squareAverage: [Double]
        public var gradientAverage: [Double]
        public var count = 0
    }

    public var decay: Double
    public var epsilon: Double
    public var initialScale: Double
    public var epsilonInSquareRoot: Bool
    public var centered: Bool
    public var biasCorrection: Bool

    public init(
        decay: Double = 0.9, epsilon: Double = 1e-8, initialScale: Double = 0, epsilonInSquareRoot: Bool = true,
        centered: Bool = false, biasCorrection: Bool = false
    ) {
        self.decay = decay
        self.epsilon = epsilon
        self.initialScale = initialScale
        self.epsilonInSquareRoot = epsilonInSquareRoot
        self.centered = centered
        self.biasCorrection = biasCorrection
    }

    public func initialState(parameters: [Double]) -> State {
        State(
            squareAverage: [Double](repeating: initialScale, count: parameters.count),
            gradientAverage: [Double](repeating: 0, count: centered ? parameters.count : 0))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        state.count += 1
        let rho = decay, c = 1 - decay, eps = epsilon
        let correction = biasCorrection ? 1 - pow(decay, Double(state.count)) : 1
        let isCentered = centered, inside = epsilonInSquareRoot, corrects = biasCorrection
        // One coordinate; `m` is scratch when not centered.
        func coordinate(_ g: Double, _ v: inout Double, _ m: inout Double) -> Double {
            v = c * (g * g) + rho * v
            var s = corrects ? v / correction : v
            if isCentered {
                m = c * g + rho * m
                let mean = corrects ? m / correction : m
                s = s - mean * mean
            }
            let scaling = inside ? 1 / (s + eps).squareRoot() : 1 / (s.squareRoot() + eps)
            return scaling * g
        }
        if isCentered {
            CoordinateLoop.run(
                &updates, &state.squareAverage, &state.gradientAverage, applyingTo: target, factor: factor
            ) { g, v, m in coordinate(g, &v, &m) }
        } else {
            var scratch = 0.0
            CoordinateLoop.run(&updates, &state.squareAverage, applyingTo: target, factor: factor) { g, v in
                coordinate(g, &v, &scratch)
            }
        }
    }
}
