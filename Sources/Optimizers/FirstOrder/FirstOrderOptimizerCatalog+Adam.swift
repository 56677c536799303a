import Objectives
import Parameters

/// The Adam family: Adam, AdamW, Adamax, NAdam, RAdam, AMSGrad, in torch and optax forms.
extension FirstOrderOptimizerCatalog {
    // MARK: Adam family

    static let adam = OptimizerKind.firstOrder(
        name: "adam", summary: "Adam (torch), with optional AMSGrad and coupled L2 weight decay",
        updateRule: """
            g ← g + λθ
            m_t = m_{t−1} + (1 − β₁)(g_t − m_{t−1});  v_t = β₂·v_{t−1} + (1 − β₂)·g_t²
            v̄_t = max(v̄_{t−1}, v_t) (amsgrad) or v_t
            θ ← θ − η/(1 − β₁^t) · m_t/(√v̄_t/√(1 − β₂^t) + ε)   (bias-correction false: θ ← θ − η·m_t/(√v̄_t + ε))
            """,
        conventions: """
            torch: lerp form of m, ε added after the bias correction (Kingma & Ba Algorithm 1), AMSGrad on the raw \
            v. optax adam equals it with eps_root 0 (`adam-optax` adds eps_root); optax amsgrad takes the max of \
            the corrected v̂ (`amsgrad-optax`), which no torch setting reproduces (reference §A.5). \
            \(torchConventions)
            """,
        references: ["pytorch/pytorch:torch/optim/adam.py", "Kingma & Ba 2015", "Reddi et al. 2018"],
        parameters: [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(),
            Specs.epsilon(1e-8, "ε added to √v̂ after bias correction"), Specs.weightDecay(),
            Specs.flag("amsgrad", false, "AMSGrad: use the running max of the raw v"), biasCorrectionSpec,
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.adam(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, weightDecay: p.weightDecay,
                amsgrad: p.flag("amsgrad"), biasCorrection: p.flag("bias-correction"))
        }
    ).benchmarked(jaxReference: true)

    /// `bias-correction` of `adam` and `adam-optax`: true (the libraries' only form); false is the
    /// ablation the notes ask about. Without it, with a constant gradient g, u_t = (1 − β₁ᵗ)/√(1 − β₂ᵗ)·sign(g)
    /// instead of sign(g): the first step is (1 − β₁)/√(1 − β₂) ≈ 3.16 times longer for the default betas
    /// (Kingma & Ba 2015, §3).
    static let biasCorrectionSpec = Specs.flag(
        "bias-correction", true, "divide m and v by 1 − βᵗ (false: the ablation without bias correction)")

    static let adamOptax = OptimizerKind.firstOrder(
        name: "adam-optax", summary: "Adam in optax's convention (EMA form, eps_root inside the root)",
        updateRule: """
            m_t = (1 − β₁)·g_t + β₁·m_{t−1};  v_t = (1 − β₂)·g_t² + β₂·v_{t−1}
            m̂ = m_t/(1 − β₁^t);  v̂ = v_t/(1 − β₂^t)
            θ ← θ − η·m̂/(√(v̂ + ε_root) + ε)   (bias-correction false: m̂ = m_t, v̂ = v_t)
            """,
        conventions: """
            With eps-root 0 this is torch Adam up to rounding (reference §A.5); eps_root exists in optax so that \
            one can differentiate through the update. No weight decay (optax chains add_decayed_weights for that).
            """,
        references: [
            "google-deepmind/optax:optax/_src/transform.py (scale_by_adam)",
            "google-deepmind/optax:optax/_src/alias.py (adam)", "Kingma & Ba 2015",
        ],
        parameters: [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.epsilonRoot(),
            biasCorrectionSpec,
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.adamOptax(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, epsilonRoot: p.epsilonRoot,
                biasCorrection: p.flag("bias-correction"))
        }
    ).benchmarked(jaxReference: true)

    static let amsgradOptax = OptimizerKind.firstOrder(
        name: "amsgrad-optax", summary: "AMSGrad in optax's convention (running max of the bias-corrected v̂)",
        updateRule: """
            m_t = (1 − β₁)·g_t + β₁·m_{t−1};  v_t = (1 − β₂)·g_t² + β₂·v_{t−1}
            ν̄_t = max(ν̄_{t−1}, v_t/(1 − β₂^t))
            θ ← θ − η·(m_t/(1 − β₁^t))/(√(ν̄_t + ε_root) + ε)
            """,
        conventions: """
            optax takes the max of the corrected v̂; torch (`adam` with amsgrad: true) the max of the raw v and \
            divides afterwards. No setting of one reproduces the other (reference §A.5).
            """,
        references: ["google-deepmind/optax:optax/_src/transform.py (scale_by_amsgrad)", "Reddi et al. 2018"],
        parameters: [Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.epsilonRoot()],
        chain: { p, rate in
            try FirstOrderOptimizers.amsgradOptax(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, epsilonRoot: p.epsilonRoot)
        }
    ).benchmarked(jaxReference: true)

    static let adamw = OptimizerKind.firstOrder(
        name: "adamw", summary: "AdamW (torch): Adam with decoupled weight decay",
        updateRule: """
            m_t, v_t, v̄_t as in adam (without the L2 term)
            θ ← θ − η·(m_t/(1 − β₁^t)/(√v̄_t/√(1 − β₂^t) + ε) + λ·θ)
            """,
        conventions: """
            torch shrinks θ ← θ(1 − ηλ) before the Adam step; optax adamw computes u = −η(adam + λθ); the two are \
            algebraically equal and both multiply λ by the full scheduled η_t (Loshchilov & Hutter multiply by \
            the schedule factor only). Default λ differs: torch 1e−2, optax 1e−4 (reference §A.6).
            """,
        references: [
            "pytorch/pytorch:torch/optim/adamw.py", "google-deepmind/optax:optax/_src/alias.py (adamw)",
            "Loshchilov & Hutter 2019",
        ],
        parameters: [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8),
            Specs.weightDecay(1e-2, decoupled: true), Specs.flag("amsgrad", false, "AMSGrad on the raw v (torch)"),
        ], weightDecay: .decoupled,
        chain: { p, rate in
            try FirstOrderOptimizers.adamw(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, weightDecay: p.weightDecay,
                amsgrad: p.flag("amsgrad"))
        }
    ).benchmarked(jaxReference: true)

    static let adamax = OptimizerKind.firstOrder(
        name: "adamax", summary: "Adamax: Adam with the infinity norm in place of the root mean square",
        updateRule: """
            g ← g + λθ
            m_t = m_{t−1} + (1 − β₁)(g_t − m_{t−1});  r_t = max(β₂·r_{t−1}, |g_t| + ε)
            θ ← θ − η/(1 − β₁^t) · m_t/r_t
            """,
        conventions: "torch and optax agree (reference §A.7). \(torchConventions)",
        references: [
            "pytorch/pytorch:torch/optim/adamax.py", "google-deepmind/optax:optax/_src/alias.py (adamax)",
            "Kingma & Ba 2015 (§7.1)",
        ],
        parameters: [
            Specs.learningRate(2e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8, "ε added to |g|"),
            Specs.weightDecay(),
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.adamax(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, weightDecay: p.weightDecay)
        }
    ).benchmarked(jaxReference: true)

    static let nadam = OptimizerKind.firstOrder(
        name: "nadam", summary: "NAdam (torch): Adam with Nesterov momentum and Dozat's momentum schedule",
        updateRule: """
            g ← g + λθ
            μ_t = β₁(1 − ½·0.96^{tψ});  Π_t = Π_{t−1}·μ_t  (Π₀ = 1)
            m_t = m_{t−1} + (1 − β₁)(g_t − m_{t−1});  v_t = β₂·v_{t−1} + (1 − β₂)·g_t²;  a = √(v_t/(1 − β₂^t)) + ε
            θ ← θ − η(1 − μ_t)/(1 − Π_t)·g_t/a − η·μ_{t+1}/(1 − Π_t·μ_{t+1})·m_t/a
            """,
        conventions: """
            torch NAdam and optax nadam (`nadam-optax`) are different algorithms: optax has no μ-schedule and \
            drops Dozat's β₂ factor. Never compare them; momentum-decay 0 in torch does not make them equal \
            (μ_t = β₁/2) (reference §A.8). \(torchConventions)
            """,
        references: ["pytorch/pytorch:torch/optim/nadam.py", "Dozat 2016"],
        parameters: [
            Specs.learningRate(2e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.weightDecay(),
            Specs.nonNegative("momentum-decay", 4e-3, "ψ of Dozat's momentum schedule μ_t = β₁(1 − ½·0.96^{tψ})"),
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.nadam(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, weightDecay: p.weightDecay,
                momentumDecay: p.number("momentum-decay"))
        }
    ).benchmarked(jaxReference: true)

    static let nadamOptax = OptimizerKind.firstOrder(
        name: "nadam-optax", summary: "NAdam in optax's convention (adam with nesterov=True, no momentum schedule)",
        updateRule: """
            m_t = (1 − β₁)·g_t + β₁·m_{t−1};  v_t = (1 − β₂)·g_t² + β₂·v_{t−1}
            m̂ = β₁·m_t/(1 − β₁^{t+1}) + (1 − β₁)·g_t/(1 − β₁^t);  v̂ = v_t/(1 − β₂^t)
            θ ← θ − η·m̂/(√(v̂ + ε_root) + ε)
            """,
        conventions: """
            optax nadam = adam(nesterov=True). A different algorithm from torch NAdam (`nadam`); one step on \
            ½(x² + 10y²) with lr 0.1 gives 0.8526… here and 0.8944… in torch (reference §A.8). optax has no \
            default lr; 2e−3 is torch NAdam's.
            """,
        references: [
            "google-deepmind/optax:optax/_src/transform.py (scale_by_adam, nesterov)",
            "google-deepmind/optax:optax/_src/alias.py (nadam)", "Dozat 2016",
        ],
        parameters: [Specs.learningRate(2e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.epsilonRoot()],
        chain: { p, rate in
            try FirstOrderOptimizers.adamOptax(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, epsilonRoot: p.epsilonRoot,
                nesterov: true)
        }
    ).benchmarked(jaxReference: true)

    static let radam = OptimizerKind.firstOrder(
        name: "radam", summary: "RAdam (torch): Adam with the variance of the adaptive step rectified",
        updateRule: """
            g ← g + λθ
            m_t, v_t as in adam;  m̂ = m_t/(1 − β₁^t)
            ρ_∞ = 2/(1 − β₂) − 1;  ρ_t = ρ_∞ − 2t·β₂^t/(1 − β₂^t)
            ρ_t > 5:  r_t = √[(ρ_t − 4)(ρ_t − 2)ρ_∞/((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)],  \
            θ ← θ − η·m̂·r_t·√(1 − β₂^t)/(√v_t + ε)
            else:     θ ← θ − η·m̂
            """,
        conventions: """
            torch: strict test ρ_t > 5, ε added to √v before the bias correction (effective ε/√bc₂). optax radam \
            (`radam-optax`): ρ_t ≥ threshold and ε after the correction. For β₂ = 0.999 the first rectified step \
            is t = 6; steps 1–5 are SGD with bias-corrected momentum (reference §A.9). \(torchConventions)
            """,
        references: ["pytorch/pytorch:torch/optim/radam.py", "Liu et al. 2020"],
        parameters: [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8, "ε added to √v"),
            Specs.weightDecay(),
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.radam(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, weightDecay: p.weightDecay)
        }
    ).benchmarked(jaxReference: true)

    static let radamOptax = OptimizerKind.firstOrder(
        name: "radam-optax", summary: "RAdam in optax's convention (ρ_t ≥ threshold, ε after the bias correction)",
        updateRule: """
            m̂ = m_t/(1 − β₁^t);  v̂ = v_t/(1 − β₂^t)  (EMA form, as adam-optax)
            ρ_t ≥ threshold:  θ ← θ − η·r_t·m̂/(√(v̂ + ε_root) + ε)    (r_t as in radam)
            else:             θ ← θ − η·m̂
            """,
        conventions: """
            Differs from torch (`radam`) in the test (≥ vs >) and in where ε sits; the trajectories agree for the \
            first five steps and then differ by about ε/√bc₂ (reference §A.9). optax has no default lr; 1e−3 is \
            torch's.
            """,
        references: [
            "google-deepmind/optax:optax/_src/transform.py (scale_by_radam)",
            "google-deepmind/optax:optax/_src/alias.py (radam)", "Liu et al. 2020",
        ],
        parameters: [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.epsilonRoot(),
            ParameterSpec(
                "threshold", .number(minimum: 4, maximum: nil), default: .number(5),
                "rectify when ρ_t ≥ threshold (≥ 4 keeps r_t real)"),
        ],
        chain: { p, rate in
            try FirstOrderOptimizers.radamOptax(
                learningRate: rate, beta1: p.beta1, beta2: p.beta2, epsilon: p.epsilon, epsilonRoot: p.epsilonRoot,
                threshold: p.number("threshold"))
        }
    ).benchmarked(jaxReference: true)
}
