import Objectives
import Parameters

/// Every named first-order optimizer that suites refer to by `kind:`, with torch's names and
/// defaults (optax's under an `-optax` name where the libraries differ), the text `gdbench describe`
/// prints, and a factory that validates the parameters and builds
/// `FirstOrderMethod.clipped(clipping, <named chain>)` (``FirstOrderOptimizers``).
///
/// Clipping is an option of every optimizer: the parameters `clip-norm` (torch `clip_grad_norm_`),
/// `clip-norm-optax` (optax `clip_by_global_norm`) and `clip-value` (elementwise clamp) put the clip
/// transform in front of the update rule; 0, the default, means off, and at most one may be set.
/// A schedule, when given, replaces the constant `lr`. The builders are generic over the schedule and
/// are called with `Double` or ``AnySchedule`` only (``OptimizerKind/make``), types known when gdbench
/// is compiled, so the per-step code is specialised either way.
public enum FirstOrderOptimizerCatalog {
    public static let kinds: [OptimizerKind] = [
        sgd, nesterov, momentumEMA, momentumVelocity, nesterovLookahead, adagrad, adagradOptax, rmsprop,
        rmspropOptax, adadelta, adam, adamOptax, amsgradOptax, adamw, adamax, nadam, nadamOptax, radam, radamOptax,
        lion, adabelief,
    ]

    typealias Specs = FirstOrderParameterSpecs

    private static let torchConventions = """
        torch order of operations: coupled weight decay g ← g + λθ, then the state update, then θ ← θ − η·(…); \
        t is 1-based in bias corrections; the schedule index k is 0-based (reference §A.0, §B.0).
        """

    // MARK: SGD family

    static let sgd: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-3), Specs.momentum(0),
            Specs.decayRate("dampening", 0, "dampening τ of the momentum buffer (not applied on the first step)"),
            Specs.flag("nesterov", false, "Nesterov momentum (torch form; needs momentum > 0 and dampening 0)"),
            Specs.weightDecay(),
        ] + Specs.clipping
        return OptimizerKind(
            name: "sgd", summary: "Stochastic gradient descent with optional heavy-ball or Nesterov momentum (torch SGD)",
            updateRule: """
                g ← g + λθ
                b₁ = g₁;  b_t = μ·b_{t−1} + (1 − τ)·g_t          (when μ > 0)
                d = g + μ·b (nesterov) or b (μ > 0) or g (μ = 0)
                θ ← θ − η·d
                """,
            conventions: """
                torch SGD: the first momentum buffer is g₁ itself (no dampening, no μ·0 term). optax sgd's trace is the \
                case τ = 0 and has no weight decay. The heavy-ball form x_{k+1} = x_k − α∇f + β(x_k − x_{k−1}) and the \
                CS231n velocity form give the same iterates at a constant lr (reference §A.1). \(torchConventions)
                """,
            references: ["pytorch/pytorch:torch/optim/sgd.py", "google-deepmind/optax:optax/_src/alias.py (sgd)", "Polyak 1964",
                         "Sutskever et al. 2013"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "sgd")
                let clipping = try GradientClipping(p)
                let momentum = try p.number("momentum"), dampening = try p.number("dampening")
                let nesterov = try p.flag("nesterov"), weightDecay = try p.number("weight-decay")
                if nesterov {
                    guard momentum > 0 else {
                        throw ParameterError(key: "nesterov", expected: "momentum > 0 when nesterov is true", found: "momentum 0")
                    }
                    guard dampening == 0 else {
                        throw ParameterError(
                            key: "nesterov", expected: "dampening 0 when nesterov is true",
                            found: "dampening \(ParameterValue.format(dampening))")
                    }
                }
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.sgd(
                        learningRate: rate, momentum: momentum, dampening: dampening, nesterov: nesterov,
                        weightDecay: weightDecay))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let nesterov: OptimizerKind = {
        let specs = [Specs.learningRate(1e-3), Specs.decayRate("momentum", 0.9, "momentum μ"), Specs.weightDecay()]
            + Specs.clipping
        return OptimizerKind(
            name: "nesterov", summary: "Nesterov momentum in torch's form (torch SGD with nesterov=True)",
            updateRule: """
                g ← g + λθ
                b₁ = g₁;  b_t = μ·b_{t−1} + g_t
                θ ← θ − η·(g_t + μ·b_t)
                """,
            conventions: """
                torch and optax store the look-ahead point: with x₋₁ = x₀ and v₀ = 0 the iterate θ_k equals \
                x_k + μ·v_k of Sutskever's look-ahead form (`nesterov-lookahead`) and the extrapolated point of \
                Nesterov's (x, y) form shifted by one step (reference §A.1). Same as `sgd` with nesterov: true; \
                here momentum defaults to 0.9. \(torchConventions)
                """,
            references: ["pytorch/pytorch:torch/optim/sgd.py", "Nesterov 1983", "Sutskever et al. 2013",
                         "Bengio et al. 2013 (Advances in optimizing recurrent networks)"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "nesterov")
                let clipping = try GradientClipping(p)
                let momentum = try p.number("momentum"), weightDecay = try p.number("weight-decay")
                guard momentum > 0 else {
                    throw ParameterError(key: "momentum", expected: "a number in (0, 1) for Nesterov momentum", found: "0")
                }
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.sgd(
                        learningRate: rate, momentum: momentum, nesterov: true, weightDecay: weightDecay))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let momentumEMA: OptimizerKind = {
        let specs = [Specs.learningRate(1e-2), Specs.decayRate("beta", 0.9, "decay β of the gradient average"),
                     Specs.weightDecay()] + Specs.clipping
        return OptimizerKind(
            name: "momentum-ema", summary: "Momentum as an exponential moving average of gradients (\"Andrew Ng\" form)",
            updateRule: """
                g ← g + λθ
                v₀ = 0;  v_t = β·v_{t−1} + (1 − β)·g_t
                θ ← θ − η·v_t
                """,
            conventions: """
                Not a library optimizer. At a constant lr it equals torch momentum with lr·(1 − β) and momentum β \
                (v = (1 − β)·b_torch; the default lr 1e−2 with β = 0.9 matches torch's 1e−3). With a schedule they \
                differ. It is not torch's dampened momentum either: torch does not dampen the first step (reference §A.1).
                """,
            references: ["Ng, Deep Learning Specialization (gradient descent with momentum)", "reference §A.1"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "momentum-ema")
                let clipping = try GradientClipping(p)
                let beta = try p.number("beta"), weightDecay = try p.number("weight-decay")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.momentumEMA(
                        learningRate: rate, beta: beta, weightDecay: weightDecay))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let momentumVelocity: OptimizerKind = {
        let specs = [Specs.learningRate(1e-3), Specs.decayRate("momentum", 0.9, "momentum μ"), Specs.weightDecay()]
            + Specs.clipping
        return OptimizerKind(
            name: "momentum-velocity", summary: "Momentum in the CS231n / Sutskever velocity form, lr inside the velocity",
            updateRule: """
                g ← g + λθ
                v₀ = 0;  v_{k+1} = μ·v_k − η_k·g_k
                θ ← θ + v_{k+1}
                """,
            conventions: """
                At a constant lr the iterates equal torch SGD with the same lr and momentum. With a schedule, past \
                learning rates stay inside v, whereas torch multiplies the whole buffer by the current η (reference §A.1).
                """,
            references: ["CS231n (cs231n.github.io/neural-networks-3)", "Sutskever et al. 2013", "reference §A.1"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "momentum-velocity")
                let clipping = try GradientClipping(p)
                let momentum = try p.number("momentum"), weightDecay = try p.number("weight-decay")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.momentumVelocity(
                        learningRate: rate, momentum: momentum, weightDecay: weightDecay))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let nesterovLookahead: OptimizerKind = {
        let specs = [Specs.learningRate(1e-3), Specs.decayRate("momentum", 0.9, "momentum μ")] + Specs.clipping
        return OptimizerKind(
            name: "nesterov-lookahead", summary: "Nesterov momentum in Sutskever's look-ahead form (gradient at x + μv)",
            updateRule: """
                v₀ = 0;  g_k = ∇f(x_k + μ·v_k)
                v_{k+1} = μ·v_k − η_k·g_k
                x_{k+1} = x_k + v_{k+1}
                """,
            conventions: """
                The reported iterate is x_k; torch's Nesterov iterate is the look-ahead point x_k + μ·v_k of this form, \
                so at a constant lr the two trace the same algorithm seen at different points (reference §A.1). One \
                gradient per iteration, at the look-ahead point.
                """,
            references: ["Sutskever et al. 2013", "Nesterov 1983", "reference §A.1"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "nesterov-lookahead")
                let clipping = try GradientClipping(p)
                let momentum = try p.number("momentum")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    LookaheadNesterovMethod(momentum: momentum, schedule: rate, clipping: clipping)
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    // MARK: Adagrad, RMSprop, Adadelta

    static let adagrad: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-2), Specs.nonNegative("lr-decay", 0, "lr_decay: η_t = η/(1 + (t − 1)·lr_decay)"),
            Specs.weightDecay(), Specs.nonNegative("initial-accumulator-value", 0, "G₀"),
            Specs.epsilon(1e-10, "ε added outside the square root"),
        ] + Specs.clipping
        return OptimizerKind(
            name: "adagrad", summary: "Adagrad (torch): per-coordinate steps scaled by the root of the summed squared gradients",
            updateRule: """
                g ← g + λθ
                G_t = G_{t−1} + g_t²                 (G₀ = initial-accumulator-value)
                θ ← θ − η/(1 + (t − 1)·lr_decay) · g_t/(√G_t + ε)
                """,
            conventions: """
                torch: ε outside the root, G₀ = 0, ε 1e−10, lr_decay. optax adagrad (`adagrad-optax`): G₀ = 0.1, ε 1e−7 \
                inside the root, zero update where G = 0, no lr_decay; the two never agree exactly (reference §A.2). \
                \(torchConventions)
                """,
            references: ["pytorch/pytorch:torch/optim/adagrad.py", "Duchi et al. 2011"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "adagrad")
                let clipping = try GradientClipping(p)
                let decay = try p.number("lr-decay"), weightDecay = try p.number("weight-decay")
                let initial = try p.number("initial-accumulator-value"), eps = try p.number("eps")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.adagrad(
                        learningRate: rate, learningRateDecay: decay, weightDecay: weightDecay,
                        initialAccumulatorValue: initial, epsilon: eps))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let adagradOptax: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-2), Specs.nonNegative("initial-accumulator-value", 0.1, "G₀"),
            Specs.epsilon(1e-7, "ε added inside the square root"),
        ] + Specs.clipping
        return OptimizerKind(
            name: "adagrad-optax", summary: "Adagrad in optax's convention (scale_by_rss: G₀ 0.1, ε inside the root)",
            updateRule: """
                G_t = G_{t−1} + g_t²                 (G₀ = 0.1)
                θ ← θ − η·g_t/√(G_t + ε)  where G_t > 0, unchanged where G_t = 0
                """,
            conventions: """
                optax adagrad: ε 1e−7 inside the root, G₀ = 0.1, no lr_decay, no weight decay. Differs from torch \
                (`adagrad`) in every default (reference §A.2). optax has no default lr; 1e−2 is torch's.
                """,
            references: ["google-deepmind/optax:optax/_src/transform.py (scale_by_rss)",
                         "google-deepmind/optax:optax/_src/alias.py (adagrad)", "Duchi et al. 2011"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "adagrad-optax")
                let clipping = try GradientClipping(p)
                let initial = try p.number("initial-accumulator-value"), eps = try p.number("eps")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.adagradOptax(
                        learningRate: rate, initialAccumulatorValue: initial, epsilon: eps))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let rmsprop: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-2), Specs.decayRate("alpha", 0.99, "decay α of the squared-gradient average"),
            Specs.epsilon(1e-8, "ε added outside the square root"), Specs.weightDecay(), Specs.momentum(0),
            Specs.flag("centered", false, "divide by the root of the variance estimate v − ḡ²"),
        ] + Specs.clipping
        return OptimizerKind(
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
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "rmsprop")
                let clipping = try GradientClipping(p)
                let alpha = try p.number("alpha"), eps = try p.number("eps"), weightDecay = try p.number("weight-decay")
                let momentum = try p.number("momentum"), centered = try p.flag("centered")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.rmsprop(
                        learningRate: rate, alpha: alpha, epsilon: eps, weightDecay: weightDecay, momentum: momentum,
                        centered: centered))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let rmspropOptax: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-2), Specs.decayRate("decay", 0.9, "decay ρ of the squared-gradient average"),
            Specs.epsilon(1e-8), Specs.nonNegative("initial-scale", 0, "ν₀ (TF1 used 1)"),
            Specs.flag("eps-in-sqrt", true, "ε inside the square root (false: outside, as torch)"),
            Specs.flag("centered", false, "divide by the root of the variance estimate ν − μ²"),
            Specs.momentum(0), Specs.flag("nesterov", false, "Nesterov form of the momentum trace"),
            Specs.flag("bias-correction", false, "divide ν (and μ) by 1 − ρ^t"),
        ] + Specs.clipping
        return OptimizerKind(
            name: "rmsprop-optax", summary: "RMSprop in optax's convention (decay 0.9, ε inside the root, momentum after lr)",
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
            references: ["google-deepmind/optax:optax/_src/alias.py (rmsprop)",
                         "google-deepmind/optax:optax/_src/transform.py (scale_by_rms, scale_by_stddev)",
                         "Tieleman & Hinton 2012", "Graves 2013"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "rmsprop-optax")
                let clipping = try GradientClipping(p)
                let decay = try p.number("decay"), eps = try p.number("eps"), initial = try p.number("initial-scale")
                let inside = try p.flag("eps-in-sqrt"), centered = try p.flag("centered")
                let momentum = try p.number("momentum"), nesterov = try p.flag("nesterov")
                let correction = try p.flag("bias-correction")
                if nesterov && momentum == 0 {
                    throw ParameterError(key: "nesterov", expected: "momentum > 0 when nesterov is true", found: "momentum 0")
                }
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.rmspropOptax(
                        learningRate: rate, decay: decay, epsilon: eps, initialScale: initial, epsilonInSquareRoot: inside,
                        centered: centered, momentum: momentum, nesterov: nesterov, biasCorrection: correction))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let adadelta: OptimizerKind = {
        let specs = [
            Specs.learningRate(1.0), Specs.decayRate("rho", 0.9, "decay ρ of both running averages"),
            Specs.epsilon(1e-6, "ε added inside both square roots"), Specs.weightDecay(),
        ] + Specs.clipping
        return OptimizerKind(
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
            references: ["pytorch/pytorch:torch/optim/adadelta.py", "google-deepmind/optax:optax/_src/alias.py (adadelta)",
                         "Zeiler 2012"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "adadelta")
                let clipping = try GradientClipping(p)
                let rho = try p.number("rho"), eps = try p.number("eps"), weightDecay = try p.number("weight-decay")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.adadelta(
                        learningRate: rate, rho: rho, epsilon: eps, weightDecay: weightDecay))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    // MARK: Adam family

    static let adam: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8, "ε added to √v̂ after bias correction"),
            Specs.weightDecay(), Specs.flag("amsgrad", false, "AMSGrad: use the running max of the raw v"),
        ] + Specs.clipping
        return OptimizerKind(
            name: "adam", summary: "Adam (torch), with optional AMSGrad and coupled L2 weight decay",
            updateRule: """
                g ← g + λθ
                m_t = m_{t−1} + (1 − β₁)(g_t − m_{t−1});  v_t = β₂·v_{t−1} + (1 − β₂)·g_t²
                v̄_t = max(v̄_{t−1}, v_t) (amsgrad) or v_t
                θ ← θ − η/(1 − β₁^t) · m_t/(√v̄_t/√(1 − β₂^t) + ε)
                """,
            conventions: """
                torch: lerp form of m, ε added after the bias correction (Kingma & Ba Algorithm 1), AMSGrad on the raw \
                v. optax adam equals it with eps_root 0 (`adam-optax` adds eps_root); optax amsgrad takes the max of \
                the corrected v̂ (`amsgrad-optax`), which no torch setting reproduces (reference §A.5). \
                \(torchConventions)
                """,
            references: ["pytorch/pytorch:torch/optim/adam.py", "Kingma & Ba 2015", "Reddi et al. 2018"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "adam")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let weightDecay = try p.number("weight-decay"), amsgrad = try p.flag("amsgrad")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.adam(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, weightDecay: weightDecay,
                        amsgrad: amsgrad))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let adamOptax: OptimizerKind = {
        let specs = [Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.epsilonRoot()]
            + Specs.clipping
        return OptimizerKind(
            name: "adam-optax", summary: "Adam in optax's convention (EMA form, eps_root inside the root)",
            updateRule: """
                m_t = (1 − β₁)·g_t + β₁·m_{t−1};  v_t = (1 − β₂)·g_t² + β₂·v_{t−1}
                m̂ = m_t/(1 − β₁^t);  v̂ = v_t/(1 − β₂^t)
                θ ← θ − η·m̂/(√(v̂ + ε_root) + ε)
                """,
            conventions: """
                With eps-root 0 this is torch Adam up to rounding (reference §A.5); eps_root exists in optax so that \
                one can differentiate through the update. No weight decay (optax chains add_decayed_weights for that).
                """,
            references: ["google-deepmind/optax:optax/_src/transform.py (scale_by_adam)",
                         "google-deepmind/optax:optax/_src/alias.py (adam)", "Kingma & Ba 2015"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "adam-optax")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let epsRoot = try p.number("eps-root")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.adamOptax(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, epsilonRoot: epsRoot))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let amsgradOptax: OptimizerKind = {
        let specs = [Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.epsilonRoot()]
            + Specs.clipping
        return OptimizerKind(
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
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "amsgrad-optax")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let epsRoot = try p.number("eps-root")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.amsgradOptax(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, epsilonRoot: epsRoot))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let adamw: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8),
            Specs.weightDecay(1e-2, decoupled: true), Specs.flag("amsgrad", false, "AMSGrad on the raw v (torch)"),
        ] + Specs.clipping
        return OptimizerKind(
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
            references: ["pytorch/pytorch:torch/optim/adamw.py", "google-deepmind/optax:optax/_src/alias.py (adamw)",
                         "Loshchilov & Hutter 2019"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "adamw")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let weightDecay = try p.number("weight-decay"), amsgrad = try p.flag("amsgrad")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.adamw(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, weightDecay: weightDecay,
                        amsgrad: amsgrad))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let adamax: OptimizerKind = {
        let specs = [Specs.learningRate(2e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8, "ε added to |g|"),
                     Specs.weightDecay()] + Specs.clipping
        return OptimizerKind(
            name: "adamax", summary: "Adamax: Adam with the infinity norm in place of the root mean square",
            updateRule: """
                g ← g + λθ
                m_t = m_{t−1} + (1 − β₁)(g_t − m_{t−1});  r_t = max(β₂·r_{t−1}, |g_t| + ε)
                θ ← θ − η/(1 − β₁^t) · m_t/r_t
                """,
            conventions: "torch and optax agree (reference §A.7). \(torchConventions)",
            references: ["pytorch/pytorch:torch/optim/adamax.py", "google-deepmind/optax:optax/_src/alias.py (adamax)",
                         "Kingma & Ba 2015 (§7.1)"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "adamax")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let weightDecay = try p.number("weight-decay")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.adamax(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, weightDecay: weightDecay))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let nadam: OptimizerKind = {
        let specs = [
            Specs.learningRate(2e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.weightDecay(),
            Specs.nonNegative("momentum-decay", 4e-3, "ψ of Dozat's momentum schedule μ_t = β₁(1 − ½·0.96^{tψ})"),
        ] + Specs.clipping
        return OptimizerKind(
            name: "nadam", summary: "NAdam (torch): Adam with Nesterov momentum and Dozat's momentum schedule",
            updateRule: """
                g ← g + λθ
                μ_t = β₁(1 − ½·0.96^{tψ});  Π_t = Π_{t−1}·μ_t  (Π₀ = 1)
                m_t = m_{t−1} + (1 − β₁)(g_t − m_{t−1});  v_t = β₂·v_{t−1} + (1 − β₂)·g_t²;  a = √(v_t/(1 − β₂^t)) + ε
                θ ← θ − η(1 − μ_t)/(1 − Π_t)·g_t/a − η·μ_{t+1}/(1 − Π_t·μ_{t+1})·m_t/a
                """,
            conventions: """
                torch NAdam and optax nadam (`nadam-optax`) are different algorithms: optax has no μ-schedule and drops \
                Dozat's β₂ factor. Never compare them; momentum-decay 0 in torch does not make them equal (μ_t = β₁/2) \
                (reference §A.8). \(torchConventions)
                """,
            references: ["pytorch/pytorch:torch/optim/nadam.py", "Dozat 2016"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "nadam")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let weightDecay = try p.number("weight-decay"), momentumDecay = try p.number("momentum-decay")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.nadam(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, weightDecay: weightDecay,
                        momentumDecay: momentumDecay))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let nadamOptax: OptimizerKind = {
        let specs = [Specs.learningRate(2e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.epsilonRoot()]
            + Specs.clipping
        return OptimizerKind(
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
            references: ["google-deepmind/optax:optax/_src/transform.py (scale_by_adam, nesterov)",
                         "google-deepmind/optax:optax/_src/alias.py (nadam)", "Dozat 2016"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "nadam-optax")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let epsRoot = try p.number("eps-root")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.adamOptax(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, epsilonRoot: epsRoot,
                        nesterov: true))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let radam: OptimizerKind = {
        let specs = [Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8, "ε added to √v"),
                     Specs.weightDecay()] + Specs.clipping
        return OptimizerKind(
            name: "radam", summary: "RAdam (torch): Adam with the variance of the adaptive step rectified",
            updateRule: """
                g ← g + λθ
                m_t, v_t as in adam;  m̂ = m_t/(1 − β₁^t)
                ρ_∞ = 2/(1 − β₂) − 1;  ρ_t = ρ_∞ − 2t·β₂^t/(1 − β₂^t)
                ρ_t > 5:  r_t = √[(ρ_t − 4)(ρ_t − 2)ρ_∞/((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)],  θ ← θ − η·m̂·r_t·√(1 − β₂^t)/(√v_t + ε)
                else:     θ ← θ − η·m̂
                """,
            conventions: """
                torch: strict test ρ_t > 5, ε added to √v before the bias correction (effective ε/√bc₂). optax radam \
                (`radam-optax`): ρ_t ≥ threshold and ε after the correction. For β₂ = 0.999 the first rectified step \
                is t = 6; steps 1–5 are SGD with bias-corrected momentum (reference §A.9). \(torchConventions)
                """,
            references: ["pytorch/pytorch:torch/optim/radam.py", "Liu et al. 2020"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "radam")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let weightDecay = try p.number("weight-decay")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.radam(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, weightDecay: weightDecay))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let radamOptax: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-8), Specs.epsilonRoot(),
            ParameterSpec(
                "threshold", .number(minimum: 4, maximum: nil), default: .number(5),
                "rectify when ρ_t ≥ threshold (≥ 4 keeps r_t real)"),
        ] + Specs.clipping
        return OptimizerKind(
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
            references: ["google-deepmind/optax:optax/_src/transform.py (scale_by_radam)",
                         "google-deepmind/optax:optax/_src/alias.py (radam)", "Liu et al. 2020"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "radam-optax")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let epsRoot = try p.number("eps-root"), threshold = try p.number("threshold")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.radamOptax(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, epsilonRoot: epsRoot,
                        threshold: threshold))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    // MARK: Lion, AdaBelief (optax)

    static let lion: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-4), Specs.beta1(0.9), Specs.beta2(0.99),
            Specs.weightDecay(1e-3, decoupled: true),
        ] + Specs.clipping
        return OptimizerKind(
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
            references: ["google-deepmind/optax:optax/_src/transform.py (scale_by_lion)",
                         "google-deepmind/optax:optax/_src/alias.py (lion)", "Chen et al. 2023"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "lion")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2")
                let weightDecay = try p.number("weight-decay")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.lion(
                        learningRate: rate, beta1: beta1, beta2: beta2, weightDecay: weightDecay))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()

    static let adabelief: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-3), Specs.beta1(), Specs.beta2(), Specs.epsilon(1e-16),
            Specs.nonNegative("eps-root", 1e-16, "ε_root added to s at every step (it accumulates)"),
        ] + Specs.clipping
        return OptimizerKind(
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
            references: ["google-deepmind/optax:optax/_src/transform.py (scale_by_belief)",
                         "google-deepmind/optax:optax/_src/alias.py (adabelief)", "Zhuang et al. 2020"],
            parameters: specs, acceptsSchedule: true,
            make: { values, schedule, _ in
                let p = try ParameterReader(values, specs: specs, kind: "adabelief")
                let clipping = try GradientClipping(p)
                let beta1 = try p.number("beta1"), beta2 = try p.number("beta2"), eps = try p.number("eps")
                let epsRoot = try p.number("eps-root")
                func build<S: Schedule>(_ rate: S) -> any Method {
                    FirstOrderMethod.clipped(clipping, FirstOrderOptimizers.adabelief(
                        learningRate: rate, beta1: beta1, beta2: beta2, epsilon: eps, epsilonRoot: epsRoot))
                }
                if let schedule { return build(schedule) }
                return build(try p.number("lr"))
            })
    }()
}
