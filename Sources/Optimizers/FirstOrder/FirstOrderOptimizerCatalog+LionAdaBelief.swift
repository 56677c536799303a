import Objectives
import Parameters

/// Lion and AdaBelief (optax).
extension FirstOrderOptimizerCatalog {
    // MARK: Lion, AdaBelief (optax)

    static let lion = OptimizerKind.firstOrder(
        name: "lion", summary: "Lion: the sign of an interpolated momentum, with decoupled weight decay (optax)",
        updateRule: """
            c_t = (1 − β₁)·g_t + β₁·m_{t−1}
            θ ← θ − η·(sign(c_t) + λ·θ)          (sign(0) = 0)
            m_t = (1 − β₂)·g_t + β₂·m_{t−1}
            """,
        conventions: """
            Not in torch.optim; optax is the reference. optax's default λ is 1e−3 (kept here); the paper's and \
            the usual PyTorch ports' is 0, written θ ← θ(1 − ηλ), algebraically the same (reference §A.10). optax \
            has no default lr; 1e−4 follows the paper's advice of 3–10× below AdamW's.
            """,
        references: [
            "google-deepmind/optax:optax/_src/transform.py (scale_by_lion)",
            "google-deepmind/optax:optax/_src/alias.py (lion)", "Chen et al. 2023",
        ],
        parameters: [
            Specs.learningRate(1e-4), Specs.beta1(0.9), Specs.beta2(0.99), Specs.weightDecay(1e-3, decoupled: true),
        ], weightDecay: .decoupled,
        chain: { p, rate in
            try FirstOrderOptimizers.lion(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, weightDecay: p.weightDecay)
        }
    ).benchmarked(jaxReference: true)

    static let adabelief = OptimizerKind.firstOrder(
        name: "adabelief", summary: "AdaBelief: Adam with the variance of the gradient around its average (optax)",
        updateRule: """
            m_t = (1 − β₁)·g_t + β₁·m_{t−1}
            s_t = (1 − β₂)·(g_t − m_t)² + β₂·s_{t−1} + ε_root
            θ ← θ − η·(m_t/(1 − β₁^t))/(√(s_t/(1 − β₂^t)) + ε)
            """,
        conventions: """
            Not in torch.optim; optax is the reference: ε = ε_root = 1e−16, ε_root added inside the state at every \
            step; the paper uses ε 1e−8 and ε_root 0 (reference §A.11). optax has no default lr.
            """,
        references: [
            "google-deepmind/optax:optax/_src/transform.py (scale_by_belief)",
            "google-deepmind/optax:optax/_src/alias.py (adabelief)", "Zhuang et al. 2020",
        ],
        parameters: [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-16),
            Specs.nonNegative("eps-root", 1e-16, "ε_root added to s at every step (it accumulates)"),
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.adabelief(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, epsilonRoot: p.epsilonRoot)
        }
    ).benchmarked(jaxReference: true)
}
