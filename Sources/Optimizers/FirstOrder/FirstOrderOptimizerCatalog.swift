import Objectives
import Parameters

/// Every named first-order optimizer that suites refer to by `kind:`, with torch's names and
/// defaults (optax's under an `-optax` name where the libraries differ), the text `gdbench describe`
/// prints, and one chain expression each (``FirstOrderOptimizers``), registered through
/// ``OptimizerKind/firstOrder(name:summary:updateRule:conventions:references:parameters:chain:)``,
/// which reads and validates the parameters, adds the clipping options and chooses between the
/// constant `lr` and the suite's schedule.
///
/// Clipping is an option of every optimizer: the parameters `clip-norm` (torch `clip_grad_norm_`),
/// `clip-norm-optax` (optax `clip_by_global_norm`) and `clip-value` (elementwise clamp) put the clip
/// transform in front of the update rule; 0, the default, means off, and at most one may be set.
public enum FirstOrderOptimizerCatalog {
    public static let kinds: [OptimizerKind] = [
        sgd, nesterov, momentumEMA, momentumVelocity, nesterovLookahead, adagrad, adagradOptax, rmsprop,
        rmspropOptax, adadelta, adam, adamOptax, amsgradOptax, adamw, adamax, nadam, nadamOptax, radam, radamOptax,
        lion, adabelief,
    ]

    typealias Specs = FirstOrderParameterSpecs

    static let torchConventions = """
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
        ]
        return OptimizerKind.firstOrder(
            name: "sgd",
            summary: "Stochastic gradient descent with optional heavy-ball or Nesterov momentum (torch SGD)",
            updateRule: """
                g ← g + λθ
                b₁ = g₁;  b_t = μ·b_{t−1} + (1 − τ)·g_t          (when μ > 0)
                d = g + μ·b (nesterov) or b (μ > 0) or g (μ = 0)
                θ ← θ − η·d
                """,
            conventions: """
                torch SGD: the first momentum buffer is g₁ itself (no dampening, no μ·0 term). optax sgd's trace is \
                the case τ = 0 and has no weight decay. The heavy-ball form \
                x_{k+1} = x_k − α∇f + β(x_k − x_{k−1}) and the CS231n velocity form give the same iterates at a \
                constant lr (reference §A.1). \(torchConventions)
                """,
            references: [
                "pytorch/pytorch:torch/optim/sgd.py", "google-deepmind/optax:optax/_src/alias.py (sgd)", "Polyak 1964",
                "Sutskever et al. 2013",
            ],
            parameters: specs,
            chain: { p, rate in
                let momentum = try p.number("momentum"), dampening = try p.number("dampening")
                let nesterov = try p.flag("nesterov"), weightDecay = try p.number("weight-decay")
                if nesterov {
                    guard momentum > 0 else {
                        throw ParameterError(
                            key: "nesterov", expected: "momentum > 0 when nesterov is true", found: "momentum 0")
                    }
                    guard dampening == 0 else {
                        throw ParameterError(
                            key: "nesterov", expected: "dampening 0 when nesterov is true",
                            found: "dampening \(ParameterValue.format(dampening))")
                    }
                }
                return FirstOrderOptimizers.sgd(
                    learningRate: rate, momentum: momentum, dampening: dampening, nesterov: nesterov,
                    weightDecay: weightDecay)
            })
    }().benchmarked("{kind: sgd, lr: 1e-3}", jaxReference: true)

    static let nesterov: OptimizerKind = {
        let specs = [Specs.learningRate(1e-3), Specs.decayRate("momentum", 0.9, "momentum μ"), Specs.weightDecay()]
        return OptimizerKind.firstOrder(
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
            references: [
                "pytorch/pytorch:torch/optim/sgd.py", "Nesterov 1983", "Sutskever et al. 2013",
                "Bengio et al. 2013 (Advances in optimizing recurrent networks)",
            ],
            parameters: specs,
            chain: { p, rate in
                let momentum = try p.number("momentum"), weightDecay = try p.number("weight-decay")
                guard momentum > 0 else {
                    throw ParameterError(
                        key: "momentum", expected: "a number in (0, 1) for Nesterov momentum", found: "0")
                }
                return FirstOrderOptimizers.sgd(
                    learningRate: rate, momentum: momentum, nesterov: true, weightDecay: weightDecay)
            })
    }().benchmarked("{kind: nesterov, lr: 1e-4}", jaxReference: true)

    static let momentumEMA: OptimizerKind = {
        let specs = [
            Specs.learningRate(1e-2), Specs.decayRate("beta", 0.9, "decay β of the gradient average"),
            Specs.weightDecay(),
        ]
        return OptimizerKind.firstOrder(
            name: "momentum-ema",
            summary: "Momentum as an exponential moving average of gradients (\"Andrew Ng\" form)",
            updateRule: """
                g ← g + λθ
                v₀ = 0;  v_t = β·v_{t−1} + (1 − β)·g_t
                θ ← θ − η·v_t
                """,
            conventions: """
                Not a library optimizer. At a constant lr it equals torch momentum with lr·(1 − β) and momentum β \
                (v = (1 − β)·b_torch; the default lr 1e−2 with β = 0.9 matches torch's 1e−3). With a schedule they \
                differ. It is not torch's dampened momentum either: torch does not dampen the first step (reference \
                §A.1).
                """,
            references: ["Ng, Deep Learning Specialization (gradient descent with momentum)", "reference §A.1"],
            parameters: specs,
            chain: { p, rate in
                let beta = try p.number("beta"), weightDecay = try p.number("weight-decay")
                return FirstOrderOptimizers.momentumEMA(
                    learningRate: rate, beta: beta, weightDecay: weightDecay)
            })
    }().benchmarked("{kind: momentum-ema, lr: 1e-3}")

    static let momentumVelocity: OptimizerKind = {
        let specs = [Specs.learningRate(1e-3), Specs.decayRate("momentum", 0.9, "momentum μ"), Specs.weightDecay()]
        return OptimizerKind.firstOrder(
            name: "momentum-velocity",
            summary: "Momentum in the CS231n / Sutskever velocity form, lr inside the velocity",
            updateRule: """
                g ← g + λθ
                v₀ = 0;  v_{k+1} = μ·v_k − η_k·g_k
                θ ← θ + v_{k+1}
                """,
            conventions: """
                At a constant lr the iterates equal torch SGD with the same lr and momentum. With a schedule, past \
                learning rates stay inside v, whereas torch multiplies the whole buffer by the current η (reference \
                §A.1).
                """,
            references: ["CS231n (cs231n.github.io/neural-networks-3)", "Sutskever et al. 2013", "reference §A.1"],
            parameters: specs,
            chain: { p, rate in
                let momentum = try p.number("momentum"), weightDecay = try p.number("weight-decay")
                return FirstOrderOptimizers.momentumVelocity(
                    learningRate: rate, momentum: momentum, weightDecay: weightDecay)
            })
    }().benchmarked("{kind: momentum-velocity, lr: 1e-4}", jaxReference: true)

    static let nesterovLookahead: OptimizerKind = {
        let specs = [Specs.learningRate(1e-3), Specs.decayRate("momentum", 0.9, "momentum μ")]
        return OptimizerKind.firstOrderMethod(
            name: "nesterov-lookahead",
            summary: "Nesterov momentum in Sutskever's look-ahead form (gradient at x + μv)",
            updateRule: """
                v₀ = 0;  g_k = ∇f(x_k + μ·v_k)
                v_{k+1} = μ·v_k − η_k·g_k
                x_{k+1} = x_k + v_{k+1}
                """,
            conventions: """
                The reported iterate is x_k; torch's Nesterov iterate is the look-ahead point x_k + μ·v_k of this \
                form, so at a constant lr the two trace the same algorithm seen at different points (reference \
                §A.1). One \
                gradient per iteration, at the look-ahead point.
                """,
            references: ["Sutskever et al. 2013", "Nesterov 1983", "reference §A.1"],
            parameters: specs,
            method: { p, rate, clipping in
                LookaheadNesterovMethod(momentum: try p.number("momentum"), schedule: rate, clipping: clipping)
            })
    }().benchmarked("{kind: nesterov-lookahead, lr: 1e-4}")
}
