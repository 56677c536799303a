import LinearAlgebra
import Objectives
import Parameters
import Randomness

/// The momentum kinds with theory-optimal constants (heavy ball, Nesterov), preconditioned GD and
/// noisy GD; see ``MethodCatalog``.
extension MethodCatalog {
    public static let heavyBall: OptimizerKind = OptimizerKind(
        name: "heavy-ball",
        summary: "Polyak heavy ball, optimal constants from L and μ by default",
        updateRule: """
            x_{k+1} = x_k − η∇f(x_k) + β(x_k − x_{k−1})
            optimal: η = 4/(√L + √μ)², β = ((√κ−1)/(√κ+1))²; asymptotic rate (√κ−1)/(√κ+1) on quadratics
            """,
        conventions: """
            Same iteration as torch SGD(momentum=β, lr=η). lr/momentum `optimal` are computed from the \
            objective's L and μ in prepare; a run errors when they are needed and unknown.
            """,
        references: ["Polyak 1964", "Polyak 1987, Introduction to Optimization §3.2"],
        parameters: [
            ParameterSpec(
                "lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .text("optimal"),
                "η (optimal: 4/(√L+√μ)²)"),
            ParameterSpec(
                "momentum", .number(minimum: 0, maximum: 1, maximumIsOpen: true), default: .text("optimal"),
                "β (optimal: ((√κ−1)/(√κ+1))²)"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(parameters, specs: heavyBall.parameters, kind: "heavy-ball")
            return HeavyBall(
                learningRate: try reader.optionalNumber("lr"),
                momentum: try reader.optionalNumber("momentum"))
        }
    ).benchmarked("{kind: heavy-ball, lr: 1e-4, momentum: 0.9}", jaxReference: true)

    public static let nesterovConstant: OptimizerKind = OptimizerKind(
        name: "nesterov-constant",
        summary: "Nesterov's method with constant momentum for strongly convex functions",
        updateRule: """
            y_k = x_k + β(x_k − x_{k−1});  x_{k+1} = y_k − η∇f(y_k)
            optimal: η = 1/L, β = (√κ−1)/(√κ+1);  f(x_k) − f* ≤ (1 − 1/√κ)^k(f(x₀) − f* + μ/2‖x₀ − x*‖²)
            """,
        conventions: """
            The (x, y) form of Nesterov 2004 scheme 2.2.19; the iterate is x_k (torch's nesterov=True \
            stores the look-ahead point instead). `optimal` values come from the objective's L and μ.
            """,
        references: ["Nesterov 2004, Introductory Lectures on Convex Optimization, scheme 2.2.19", "Nesterov 1983"],
        parameters: [
            ParameterSpec(
                "lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .text("optimal"),
                "η (optimal: 1/L)"),
            ParameterSpec(
                "momentum", .number(minimum: 0, maximum: 1, maximumIsOpen: true), default: .text("optimal"),
                "β (optimal: (√κ−1)/(√κ+1))"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(parameters, specs: nesterovConstant.parameters, kind: "nesterov-constant")
            return NesterovConstantMomentum(
                learningRate: try reader.optionalNumber("lr"),
                momentum: try reader.optionalNumber("momentum"))
        }
    ).benchmarked("{kind: nesterov-constant, lr: 1e-4, momentum: 0.9}")

    public static let nesterovAccelerated: OptimizerKind = OptimizerKind(
        name: "nesterov-accelerated",
        summary: "Nesterov/FISTA accelerated gradient with the t_k sequence and adaptive restart",
        updateRule: """
            t₁ = 1, t_{k+1} = (1 + √(1 + 4t_k²))/2, β_k = (t_k − 1)/t_{k+1}
            y_k = x_k + β_k(x_k − x_{k−1});  x_{k+1} = y_k − η∇f(y_k);  f(x_k) − f* ≤ 2L‖x₀ − x*‖²/(k+1)²
            restart (t ← 1): gradient: ∇f(y_k)ᵀ(x_{k+1} − x_k) > 0;  function: f(x_{k+1}) > f(x_k)
            """,
        conventions:
            "η = 1/L from the objective's constants unless lr is given. The function scheme costs one f per iteration.",
        references: [
            "Nesterov 1983", "Beck & Teboulle 2009, Thm 4.4",
            "O'Donoghue & Candès 2015, Adaptive restart for accelerated gradient schemes",
        ],
        parameters: [
            ParameterSpec(
                "lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .text("optimal"),
                "η (optimal: 1/L)"),
            ParameterSpec(
                "restart", .choice(["none", "gradient", "function"]), default: .text("none"),
                "adaptive restart scheme"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(
                parameters, specs: nesterovAccelerated.parameters, kind: "nesterov-accelerated")
            return NesterovAccelerated(
                learningRate: try reader.optionalNumber("lr"),
                restart: NesterovAccelerated.Restart(rawValue: try reader.choice("restart")) ?? .none)
        }
    ).benchmarked("{kind: nesterov-accelerated, lr: 1e-4}")

    public static let preconditionedGradientDescent: OptimizerKind = OptimizerKind(
        name: "preconditioned-gd",
        summary: "gradient descent preconditioned by the Hessian diagonal (Jacobi)",
        updateRule: """
            x ← x − η·D⁻¹∇f(x),  D = diag(max(Hᵢᵢ, floor)) refreshed every refresh-every iterations
            """,
        conventions:
            "diagonal: hessian (one dense Hessian per refresh) or hessian-vector (d unit-vector products per refresh).",
        references: [
            "Nocedal & Wright 2006 §5.1 (preconditioning)", "Bekas, Kokiopoulou & Saad 2007 (diagonal estimation)",
        ],
        parameters: [
            ParameterSpec("lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1), "η"),
            ParameterSpec(
                "refresh-every", .integer(minimum: 1), default: .number(10), "iterations between diagonal refreshes"),
            ParameterSpec(
                "floor", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1e-8),
                "lower clamp of Hᵢᵢ"),
            ParameterSpec(
                "diagonal", .choice(["hessian", "hessian-vector"]), default: .text("hessian"),
                "how the diagonal is computed"),
        ],
        acceptsSchedule: true,
        make: { parameters, schedule, _ in
            let reader = try ParameterReader(
                parameters, specs: preconditionedGradientDescent.parameters, kind: "preconditioned-gd")
            let lr = try reader.number("lr")
            return PreconditionedGradientDescent(
                learningRate: schedule?.base ?? lr,
                refreshEvery: try reader.integer("refresh-every"),
                floor: try reader.number("floor"),
                usesDenseHessian: try reader.choice("diagonal") == "hessian")
        }
    ).benchmarked("{kind: preconditioned-gd, lr: 0.1}", on: .rotatedQuadratic)

    public static let noisyGradientDescent: OptimizerKind = OptimizerKind(
        name: "noisy-gd",
        summary: "gradient descent with injected Gaussian gradient noise (saddle escape)",
        updateRule: "x_{k+1} = x_k − η_k(∇f(x_k) + σ_k ξ_k),  ξ_k ~ N(0, I),  σ_k = σ/(1 + k)^γ",
        conventions:
            "Noise from the method's own Xoshiro256** stream seeded with the run seed, independent of the oracle's "
            + "stream.",
        references: [
            "Ge, Huang, Jin & Yuan 2015, Escaping from saddle points",
            "Jin et al. 2017, How to escape saddle points efficiently",
            "Neelakantan et al. 2015, Adding gradient noise",
        ],
        parameters: [
            ParameterSpec(
                "lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(0.01),
                "η (or a schedule)"),
            ParameterSpec("sigma", .number(minimum: 0, maximum: nil), default: .number(0.01), "noise scale σ"),
            ParameterSpec("decay", .number(minimum: 0, maximum: nil), default: .number(0), "decay exponent γ"),
        ],
        acceptsSchedule: true,
        make: { parameters, schedule, seed in
            let reader = try ParameterReader(parameters, specs: noisyGradientDescent.parameters, kind: "noisy-gd")
            let lr = try reader.number("lr")
            return NoisyGradientDescent(
                learningRate: schedule?.base ?? lr, noise: try reader.number("sigma"),
                decay: try reader.number("decay"), seed: seed)
        }
    ).benchmarked("{kind: noisy-gd, lr: 1e-3}")
}
