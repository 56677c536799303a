import LinearAlgebra
import Objectives
import Parameters
import Randomness

/// The optimizer kinds of gdbench that need more than one gradient per iteration (line searches,
/// Newton, quasi-Newton, CG, Barzilai–Borwein, momentum with theory-optimal constants) or that
/// wrap other methods (`switch`, `random-restarts`).
///
/// `kinds` holds the self-contained kinds. `switch` and `random-restarts` (``switchKind``,
/// ``randomRestartsKind``) build their inner methods by name from the catalog they are bound to
/// (``OptimizerKind/resolving(in:)``), so a kind a library user appends works inside them. Their
/// inner parameters are the outer keys with a
/// prefix: `first.lr`, `second.momentum`, `inner.convention`; every kind reads its parameters through
/// ``ParameterReader`` against its own `parameters` list.
///
/// Evaluation conventions shared by these methods: f always comes from `oracle.value` or
/// `oracle.valueAndGradient` (exact, full batch). Where an iteration already knows f at the new
/// iterate (the accepted Armijo trial), it asks only for ∇f (`oracle.gradient`), which is the
/// oracle's estimate when the run is stochastic; the Wolfe-search methods always use exact f and ∇f.
/// Each method's doc comment lists what `prepare` and one iteration spend.
public enum MethodCatalog {
    public static let kinds: [OptimizerKind] = [
        gradientDescentArmijo, steepestDescentExact, newton, newtonConjugateGradient, lbfgs, bfgs,
        nonlinearConjugateGradient,
        conjugateGradient, barzilaiBorwein, heavyBall, nesterovConstant, nesterovAccelerated,
        preconditionedGradientDescent,
        noisyGradientDescent, onlineGradientDescent,
    ]

    // MARK: kinds

    public static let gradientDescentArmijo: OptimizerKind = OptimizerKind(
        name: "gd-armijo",
        summary: "gradient descent with Armijo backtracking line search",
        updateRule: """
            p = −∇f(x);  α = α₀ρʲ for the smallest j ≥ 0 with f(x + αp) ≤ f(x) + c₁α∇f(x)ᵀp;  x ← x + αp
            α₀ = initial-step every iteration, or (warm-start) previous α × growth
            """,
        conventions: """
            Nocedal & Wright Alg. 3.1 with halving (ρ = ½), as in Boyd & Vandenberghe §9.2; not scipy's \
            line_search_armijo, which interpolates instead of halving (reference §A.13). Costs one f per trial \
            and one ∇f per iteration.
            """,
        references: [
            "Nocedal & Wright 2006, Numerical Optimization, Alg. 3.1",
            "Boyd & Vandenberghe 2004, Convex Optimization §9.2–9.3", "Armijo 1966",
        ],
        parameters: [
            c1Spec, rhoSpec, maxBacktracksSpec,
            ParameterSpec(
                "initial-step", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
                "first trial step α₀"),
            ParameterSpec(
                "warm-start", .flag, default: .flag(false),
                "start each search from the previous step × growth instead of α₀"),
            ParameterSpec(
                "growth", .number(minimum: 1, maximum: nil), default: .number(2),
                "factor on the previous step with warm-start"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(parameters, specs: gradientDescentArmijo.parameters, kind: "gd-armijo")
            return GradientDescentArmijo(
                lineSearch: try armijo(reader),
                initialStep: try reader.number("initial-step"),
                warmStart: try reader.flag("warm-start"),
                growth: try reader.number("growth"))
        })

    public static let steepestDescentExact: OptimizerKind = OptimizerKind(
        name: "steepest-descent-exact",
        summary: "steepest descent with exact line search (quadratics)",
        updateRule: """
            g = ∇f(x);  α = gᵀg / gᵀHg (one Hessian-vector product);  x ← x − αg
            on quadratics f − f* shrinks by at most ((κ−1)/(κ+1))² per step
            """,
        conventions: """
            Exact for quadratics only; on other objectives α is a Newton step along −g. Throws when gᵀHg ≤ 0.
            """,
        references: ["Boyd & Vandenberghe 2004 §9.3", "Nocedal & Wright 2006 §3.3 (eq. 3.26)"],
        parameters: [],
        acceptsSchedule: false,
        make: { _, _, _ in SteepestDescentExact() }
    ).benchmarked(on: .rotatedQuadratic)

    public static let newton: OptimizerKind = OptimizerKind(
        name: "newton",
        summary: "Newton's method with Cholesky, Levenberg shift and Armijo damping",
        updateRule: """
            (H + τI)d = −g by Cholesky; τ = 0 if H ≻ 0, else the smallest of τ₀, 2τ₀, … that factorises (N&W Alg. 3.3)
            x ← x + t·d, t from Armijo backtracking starting at 1 (damping: armijo) or t = 1 (damping: none)
            """,
        conventions: """
            Dense Hessian, one per iteration. τ₀ = shift − min Hᵢᵢ when some Hᵢᵢ ≤ 0, else τ₀ = 0 then shift. \
            scipy has no dense-Newton minimiser; its Newton-CG is the newton-cg kind.
            """,
        references: ["Boyd & Vandenberghe 2004 §9.5", "Nocedal & Wright 2006 §3.4, Alg. 3.3"],
        parameters: [
            ParameterSpec(
                "damping", .choice(["armijo", "none"]), default: .text("armijo"),
                "Armijo backtracking from t = 1, or pure Newton"),
            c1Spec, rhoSpec, maxBacktracksSpec,
            ParameterSpec(
                "shift", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1e-3),
                "β of the Levenberg shift τ"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(parameters, specs: newton.parameters, kind: "newton")
            return NewtonMethod(
                damping: try reader.choice("damping") == "armijo",
                lineSearch: try armijo(reader),
                shift: try reader.number("shift"))
        })

    public static let newtonConjugateGradient: OptimizerKind = OptimizerKind(
        name: "newton-cg",
        summary: "line-search Newton-CG (truncated CG on Hessian-vector products)",
        updateRule: """
            d ≈ −H⁻¹g by linear CG, stopped when ‖Hd + g‖ ≤ ηₖ‖g‖ or at negative curvature (then −g if first)
            ηₖ = min(½, √‖g‖) (superlinear), 0.9(‖gₖ‖/‖gₖ₋₁‖)² safeguarded (eisenstat-walker) or forcing-term (fixed)
            x ← x + t·d, Armijo backtracking from t = 1
            """,
        conventions: """
            Nocedal & Wright Alg. 7.1. scipy's method='Newton-CG' uses the forcing term min(½, √‖g‖₁) and \
            a Wolfe line search, so its counts differ. At most 2d inner CG iterations.
            """,
        references: [
            "Nocedal & Wright 2006, Alg. 7.1",
            "Eisenstat & Walker 1996, Choosing the forcing terms in an inexact Newton method",
            "scipy/scipy:scipy/optimize/_optimize.py _minimize_newtoncg",
        ],
        parameters: [
            ParameterSpec(
                "forcing", .choice(["superlinear", "eisenstat-walker", "fixed"]), default: .text("superlinear"),
                "forcing sequence of the inner CG"),
            ParameterSpec(
                "forcing-term", .number(minimum: 0, maximum: 1, minimumIsOpen: true, maximumIsOpen: true),
                default: .number(0.5), "ηₖ with forcing: fixed"),
            c1Spec, rhoSpec, maxBacktracksSpec,
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(parameters, specs: newtonConjugateGradient.parameters, kind: "newton-cg")
            let choice = try reader.choice("forcing")
            let term = try reader.number("forcing-term")
            let forcing: NewtonConjugateGradient.Forcing =
                choice == "fixed" ? .fixed(term) : choice == "eisenstat-walker" ? .eisenstatWalker : .superlinear
            return NewtonConjugateGradient(forcing: forcing, lineSearch: try armijo(reader))
        })

    public static let lbfgs: OptimizerKind = OptimizerKind(
        name: "lbfgs",
        summary: "limited-memory BFGS, torch or scipy convention",
        updateRule: """
            d = −H_k g by the two-loop recursion over the last m pairs (s, y), H₀ = γI, γ = sᵀy/yᵀy
            x ← x + t·d; t = lr (torch, no line search) or from a strong Wolfe search
            """,
        conventions: """
            convention: torch — history 100, first step min(1, 1/‖g‖₁)·lr, pair kept only if yᵀs > 1e−10, \
            fixed step lr unless line-search: strong-wolfe (c₁ 1e−4, c₂ 0.9, 25 evaluations), stalls when \
            gᵀd > −1e−9. convention: scipy — history 10, strong Wolfe with c₁ 1e−3, c₂ 0.9 (dcsrch ftol/gtol), \
            20 evaluations, first trial 1/‖d‖₂ when the memory is empty, pair skipped when yᵀs ≤ ε·(−gᵀs), \
            memory cleared and −g tried when the search fails. The Wolfe search is gdbench's N&W Alg. 3.5/3.6, \
            neither torch's minFunc port nor MINPACK dcsrch, so counts agree with the libraries only roughly.
            """,
        references: [
            "Nocedal & Wright 2006, Alg. 7.4, 7.5", "Liu & Nocedal 1989", "pytorch/pytorch:torch/optim/lbfgs.py",
            "scipy/scipy:scipy/optimize/_lbfgsb_py.py, scipy/optimize/src/lbfgsb.c",
        ],
        parameters: [
            ParameterSpec(
                "convention", .choice(["torch", "scipy"]), default: .text("torch"),
                "library whose defaults and rules to follow"),
            ParameterSpec(
                "history", .integer(minimum: 1), default: .text("convention"), "memory m (100 torch, 10 scipy)"),
            ParameterSpec(
                "lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
                "torch's lr (step without line search, first trial with one); scipy: must stay 1"),
            ParameterSpec(
                "line-search", .choice(["convention", "none", "strong-wolfe"]), default: .text("convention"),
                "none (torch default) or strong-wolfe (scipy always)"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(parameters, specs: lbfgs.parameters, kind: "lbfgs")
            let convention = LBFGS.Convention(rawValue: try reader.choice("convention")) ?? .torch
            let history = try reader.optionalInteger("history")
            let lr = try reader.number("lr")
            let search = try reader.choice("line-search")
            if convention == .scipy {
                guard lr == 1 else {
                    throw ParameterError(
                        key: "lr", expected: "1 with convention: scipy (its steps come from the line search)",
                        found: ParameterValue.format(lr))
                }
                guard search != "none" else {
                    throw ParameterError(
                        key: "line-search", expected: "strong-wolfe or convention with convention: scipy", found: search
                    )
                }
            }
            return LBFGS(
                convention: convention, memory: history, learningRate: lr,
                usesLineSearch: search == "convention" ? nil : search == "strong-wolfe")
        }
    ).benchmarked("{kind: lbfgs, convention: scipy}")

    public static let bfgs: OptimizerKind = OptimizerKind(
        name: "bfgs",
        summary: "BFGS with a dense inverse Hessian (scipy convention)",
        updateRule: """
            d = −Hg;  x ← x + αd (strong Wolfe);  s = αd, y = g_new − g, ρ = 1/yᵀs
            H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ,  H₀ = I
            """,
        conventions: """
            scipy method='BFGS': H₀ = I without initial scaling, c₁ = 1e−4, c₂ = 0.9, ρ = 1000 when yᵀs = 0, \
            first trial min(1, 1.01·2(f_k − f_{k−1})/gᵀd). The Wolfe search is gdbench's N&W Alg. 3.5/3.6, \
            not scipy's dcsrch/wolfe2 pair. O(d²) memory and work per iteration.
            """,
        references: [
            "Nocedal & Wright 2006, Alg. 6.1", "Broyden 1970, Fletcher 1970, Goldfarb 1970, Shanno 1970",
            "scipy/scipy:scipy/optimize/_optimize.py _minimize_bfgs",
        ],
        parameters: [
            c1Spec,
            ParameterSpec(
                "c2", .number(minimum: 0, maximum: 1, minimumIsOpen: true, maximumIsOpen: true), default: .number(0.9),
                "curvature constant c₂"),
            ParameterSpec(
                "max-evaluations", .integer(minimum: 1), default: .number(25), "line-search trials per iteration"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(parameters, specs: bfgs.parameters, kind: "bfgs")
            let c1 = try reader.number("c1")
            return BFGS(
                lineSearch: StrongWolfeLineSearch(
                    sufficientDecrease: c1,
                    curvature: try reader.number(
                        "c2", within: .number(minimum: c1, maximum: 1, minimumIsOpen: true, maximumIsOpen: true)),
                    maxEvaluations: try reader.integer("max-evaluations")))
        })

    public static let nonlinearConjugateGradient: OptimizerKind = OptimizerKind(
        name: "nonlinear-cg",
        summary: "nonlinear conjugate gradient (FR, PR+, HS, DY) with strong Wolfe line search",
        updateRule: """
            d₀ = −g₀;  x ← x + αd;  d ← −g_new + βd, y = g_new − g
            FR β = ‖g_new‖²/‖g‖²;  PR+ β = max(0, g_newᵀy/‖g‖²);  HS β = g_newᵀy/dᵀy;  DY β = ‖g_new‖²/dᵀy
            β = 0 every restart-every iterations and when |g_newᵀg| ≥ 0.1‖g_new‖² (Powell)
            """,
        conventions: """
            Default PR+ with c₂ = 0.1 (scipy method='CG' is PR+ with c₂ = 0.4 and a sufficient-descent test). \
            First trial step min(1, 1.01·2(f_k − f_{k−1})/gᵀd) as in scipy. line-search: exact uses \
            α = −gᵀd/dᵀHd (quadratics), which makes FR/PR+ linear CG.
            """,
        references: [
            "Nocedal & Wright 2006 §5.2 (Alg. 5.4)", "Fletcher & Reeves 1964", "Polak & Ribière 1969",
            "Gilbert & Nocedal 1992",
            "Hestenes & Stiefel 1952", "Dai & Yuan 1999", "Powell 1977",
            "scipy/scipy:scipy/optimize/_optimize.py _minimize_cg",
        ],
        parameters: [
            ParameterSpec(
                "beta", .choice(NonlinearConjugateGradient.Beta.allCases.map(\.rawValue)),
                default: .text("polak-ribiere-plus"), "formula for β"),
            ParameterSpec(
                "line-search", .choice(["strong-wolfe", "exact"]), default: .text("strong-wolfe"),
                "strong Wolfe, or exact for quadratics"),
            c1Spec,
            ParameterSpec(
                "c2", .number(minimum: 0, maximum: 1, minimumIsOpen: true, maximumIsOpen: true), default: .number(0.1),
                "curvature constant c₂ (< ½ for fletcher-reeves)"),
            ParameterSpec(
                "max-evaluations", .integer(minimum: 1), default: .number(25), "line-search trials per iteration"),
            ParameterSpec(
                "restart-every", .integer(minimum: 1), default: .text("dimension"), "iterations between restarts (d)"),
            ParameterSpec("powell-restart", .flag, default: .flag(true), "restart when |g_newᵀg| ≥ 0.1‖g_new‖²"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(
                parameters, specs: nonlinearConjugateGradient.parameters, kind: "nonlinear-cg")
            let beta = NonlinearConjugateGradient.Beta(rawValue: try reader.choice("beta")) ?? .polakRibierePlus
            let exact = try reader.choice("line-search") == "exact"
            let c1 = try reader.number("c1")
            let c2 = try reader.number(
                "c2",
                within: .number(
                    minimum: c1, maximum: beta == .fletcherReeves ? 0.5 : 1, minimumIsOpen: true, maximumIsOpen: true))
            return NonlinearConjugateGradient(
                beta: beta, exactLineSearch: exact,
                restartEvery: try reader.optionalInteger("restart-every"),
                powellRestart: try reader.flag("powell-restart"),
                lineSearch: StrongWolfeLineSearch(
                    sufficientDecrease: c1, curvature: c2, maxEvaluations: try reader.integer("max-evaluations")))
        })

    public static let conjugateGradient: OptimizerKind = OptimizerKind(
        name: "conjugate-gradient",
        summary: "linear conjugate gradient for quadratics (Hessian-vector products)",
        updateRule: """
            r₀ = −∇f(x₀), p₀ = r₀;  α = rᵀr/pᵀAp;  x ← x + αp;  r ← r − αAp;  β = r_newᵀr_new/rᵀr;  p ← r_new + βp
            finishes in ≤ d iterations (≤ number of distinct eigenvalues of A) in exact arithmetic
            """,
        conventions: "Ap is a Hessian-vector product; meaningful for quadratics only; throws when pᵀAp ≤ 0.",
        references: ["Hestenes & Stiefel 1952", "Nocedal & Wright 2006, Alg. 5.2"],
        parameters: [],
        acceptsSchedule: false,
        make: { _, _, _ in LinearConjugateGradient() }
    ).benchmarked(on: .rotatedQuadratic)

    public static let barzilaiBorwein: OptimizerKind = OptimizerKind(
        name: "barzilai-borwein",
        summary: "Barzilai–Borwein step sizes (long/short), optional non-monotone safeguard",
        updateRule: """
            x_{k+1} = x_k − α_k g_k;  s = x_k − x_{k−1}, y = g_k − g_{k−1}
            long (BB1) α = sᵀs/sᵀy;  short (BB2) α = sᵀy/yᵀy;  previous α kept when sᵀy ≤ 0
            """,
        conventions: """
            α₀ = initial-step, else 1/L from the objective's constants, else one Armijo search from 1. \
            nonmonotone: Raydan 1997 / GLL backtracking against the max of the last `memory` values.
            """,
        references: ["Barzilai & Borwein 1988", "Raydan 1997", "Grippo, Lampariello & Lucidi 1986"],
        parameters: [
            ParameterSpec("variant", .choice(["long", "short"]), default: .text("long"), "BB1 (long) or BB2 (short)"),
            ParameterSpec(
                "initial-step", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .text("auto"),
                "α₀ (auto: 1/L, else an Armijo search)"),
            ParameterSpec("nonmonotone", .flag, default: .flag(false), "GLL non-monotone backtracking safeguard"),
            ParameterSpec("memory", .integer(minimum: 1), default: .number(10), "values in the non-monotone reference"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(parameters, specs: barzilaiBorwein.parameters, kind: "barzilai-borwein")
            return BarzilaiBorwein(
                variant: BarzilaiBorwein.Variant(rawValue: try reader.choice("variant")) ?? .long,
                initialStep: try reader.optionalNumber("initial-step"),
                nonmonotone: try reader.flag("nonmonotone"),
                memory: try reader.integer("memory"))
        }
    ).benchmarked("{kind: barzilai-borwein, nonmonotone: true}")
}
