import Objectives
import Parameters

/// Adagrad, RMSprop and Adadelta: steps scaled per coordinate by accumulated squared gradients.
extension FirstOrderOptimizerCatalog {
    // MARK: Adagrad, RMSprop, Adadelta

    static let adagrad = OptimizerKind.firstOrder(
        name: "adagrad",
        summary: "Adagrad (torch): per-coordinate steps scaled by the root of the summed squared gradients",
        updateRule: """
            g ← g + λθ
            G_t = G_{t−1} + g_t²                 (G₀ = initial-accumulator-value)
            θ ← θ − η/(1 + (t − 1)·lr_decay) · g_t/(√G_t + ε)
            """,
        conventions: """
            torch: ε outside the root, G₀ = 0, ε 1e−10, lr_decay. optax adagrad (`adagrad-optax`): G₀ = 0.1, ε \
            1e−7 inside the root, zero update where G = 0, no lr_decay; the two never agree exactly \
            (reference §A.2). \
            \(torchConventions)
            """,
        references: ["pytorch/pytorch:torch/optim/adagrad.py", "Duchi et al. 2011"],
        parameters: [
            Specs.learningRate(1e-2), Specs.nonNegative("lr-decay", 0, "lr_decay: η_t = η/(1 + (t − 1)·lr_decay)"),
            Specs.weightDecay(), Specs.nonNegative("initial-accumulator-value", 0, "G₀"),
            Specs.epsilon(1e-10, "ε added outside the square root"),
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.adagrad(
                learningRate: rate, learningRateDecay: p.number("lr-decay"), weightDecay: p.weightDecay,
                initialAccumulatorValue: p.number("initial-accumulator-value"), epsilon: p.epsilon)
        }
    ).benchmarked(jaxReference: true)

    static let adagradOptax = OptimizerKind.firstOrder(
        name: "adagrad-optax", summary: "Adagrad in optax's convention (scale_by_rss: G₀ 0.1, ε inside the root)",
        updateRule: """
            G_t = G_{t−1} + g_t²                 (G₀ = 0.1)
            θ ← θ − η·g_t/√(G_t + ε)  where G_t > 0, unchanged where G_t = 0
            """,
        conventions: """
            optax adagrad: ε 1e−7 inside the root, G₀ = 0.1, no lr_decay, no weight decay. Differs from torch \
            (`adagrad`) in every default (reference §A.2). optax has no default lr; 1e−2 is torch's.
            """,
        references: [
            "google-deepmind/optax:optax/_src/transform.py (scale_by_rss)",
            "google-deepmind/optax:optax/_src/alias.py (adagrad)", "Duchi et al. 2011",
        ],
        parameters: [
            Specs.learningRate(1e-2), Specs.nonNegative("initial-accumulator-value", 0.1, "G₀"),
            Specs.epsilon(1e-7, "ε added inside the square root"),
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.adagradOptax(
                learningRate: rate, initialAccumulatorValue: p.number("initial-accumulator-value"), epsilon: p.epsilon)
        }
    ).benchmarked(jaxReference: true)

    static let rmsprop = OptimizerKind.firstOrder(
        name: "rmsprop", summary: "RMSprop (torch): steps scaled by a running root mean square of the gradients",
        updateRule: """
            g ← g + λθ
            v_t = α·v_{t−1} + (1 − α)·g_t²
            a = √(v_t − ḡ_t²) + ε with ḡ_t = α·ḡ_{t−1} + (1 − α)·g_t (centered), else a = √v_t + ε
            b_t = μ·b_{t−1} + g_t/a;  θ ← θ − η·b_t      (μ > 0; else θ ← θ − η·g_t/a)
            """,
        conventions: """
            torch: α 0.99, ε outside the root, momentum buffer holds g/a before the lr. optax rmsprop \
            (`rmsprop-optax`): decay 0.9, ε inside the root, momentum after the lr (equal only at a constant lr), \
            optional initial_scale and bias correction. optax with decay 0.99 and eps_in_sqrt false reproduces \
            torch (reference §A.3). \(torchConventions)
            """,
        references: ["pytorch/pytorch:torch/optim/rmsprop.py", "Tieleman & Hinton 2012", "Graves 2013"],
        parameters: [
            Specs.learningRate(1e-2), Specs.decayRate("alpha", 0.99, "decay α of the squared-gradient average"),
            Specs.epsilon(1e-8, "ε added outside the square root"), Specs.weightDecay(), Specs.momentum(0),
            Specs.flag("centered", false, "divide by the root of the variance estimate v − ḡ²"),
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.rmsprop(
                learningRate: rate, alpha: p.number("alpha"), epsilon: p.epsilon, weightDecay: p.weightDecay,
                momentum: p.momentum,
                centered: p.flag("centered"))
        }
    ).benchmarked("{kind: rmsprop, lr: 1e-3}", jaxReference: true)

    static let rmspropOptax = OptimizerKind.firstOrder(
        name: "rmsprop-optax",
        summary: "RMSprop in optax's convention (decay 0.9, ε inside the root, momentum after lr)",
        updateRule: """
            ν_t = (1 − ρ)·g_t² + ρ·ν_{t−1}  (ν₀ = initial-scale);  μ_t = (1 − ρ)·g_t + ρ·μ_{t−1} (centered)
            s = ν̂ − μ̂² (centered) or ν̂, with ν̂ = ν/(1 − ρ^t) under bias-correction
            u = −η·g_t/√(s + ε)   (eps-in-sqrt; else −η·g_t/(√s + ε))
            b₁ = u₁; b_t = μ·b_{t−1} + u_t;  θ ← θ + b_t (or θ + u_t + μ·b_t with nesterov)
            """,
        conventions: """
            optax chain scale_by_rms/scale_by_stddev → scale_by_learning_rate → trace(momentum): the momentum \
            buffer holds lr-scaled updates, unlike torch's (`rmsprop`). Defaults differ from torch: decay 0.9 vs \
            0.99 and ε inside vs outside the root (reference §A.3). optax has no default lr; 1e−2 is torch's.
            """,
        references: [
            "google-deepmind/optax:optax/_src/alias.py (rmsprop)",
            "google-deepmind/optax:optax/_src/transform.py (scale_by_rms, scale_by_stddev)",
            "Tieleman & Hinton 2012", "Graves 2013",
        ],
        parameters: [
            Specs.learningRate(1e-2), Specs.decayRate("decay", 0.9, "decay ρ of the squared-gradient average"),
            Specs.epsilon(1e-8), Specs.nonNegative("initial-scale", 0, "ν₀ (TF1 used 1)"),
            Specs.flag("eps-in-sqrt", true, "ε inside the square root (false: outside, as torch)"),
            Specs.flag("centered", false, "divide by the root of the variance estimate ν − μ²"), Specs.momentum(0),
            Specs.flag("nesterov", false, "Nesterov form of the momentum trace"),
            Specs.flag("bias-correction", false, "divide ν (and μ) by 1 − ρ^t"),
        ],
        chain: { p, rate in
            let decay = try p.number("decay"), eps = try p.number("eps"), initial = try p.number("initial-scale")
            let inside = try p.flag("eps-in-sqrt"), centered = try p.flag("centered")
            let momentum = try p.number("momentum"), nesterov = try p.flag("nesterov")
            let correction = try p.flag("bias-correction")
            if nesterov && momentum == 0 {
                throw ParameterError(
                    key: "nesterov", expected: "momentum > 0 when nesterov is true", found: "momentum 0")
            }
            return FirstOrderOptimizers.rmspropOptax(
                learningRate: rate, decay: decay, epsilon: eps, initialScale: initial, epsilonInSquareRoot: inside,
                centered: centered, momentum: momentum, nesterov: nesterov, biasCorrection: correction)
        }
    ).benchmarked("{kind: rmsprop-optax, lr: 1e-3}", jaxReference: true)

    static let adadelta = OptimizerKind.firstOrder(
        name: "adadelta", summary: "Adadelta: steps scaled by the ratio of running RMS of updates and gradients",
        updateRule: """
            g ← g + λθ
            E[g²]_t = ρ·E[g²]_{t−1} + (1 − ρ)·g_t²
            Δ_t = √(E[Δ²]_{t−1} + ε)/√(E[g²]_t + ε) · g_t
            E[Δ²]_t = ρ·E[Δ²]_{t−1} + (1 − ρ)·Δ_t²;  θ ← θ − η·Δ_t
            """,
        conventions: """
            torch and optax agree (optax's learning_rate None means 1; its weight decay is coupled, as torch's). \
            E[Δ²] holds Δ before the lr (reference §A.4). \(torchConventions)
            """,
        references: [
            "pytorch/pytorch:torch/optim/adadelta.py", "google-deepmind/optax:optax/_src/alias.py (adadelta)",
            "Zeiler 2012",
        ],
        parameters: [
            Specs.learningRate(1.0), Specs.decayRate("rho", 0.9, "decay ρ of both running averages"),
            Specs.epsilon(1e-6, "ε added inside both square roots"), Specs.weightDecay(),
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.adadelta(
                learningRate: rate, rho: p.number("rho"), epsilon: p.epsilon, weightDecay: p.weightDecay)
        }
    ).benchmarked(jaxReference: true)
}
