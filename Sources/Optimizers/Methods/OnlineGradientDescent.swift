import Foundation
import Objectives

/// Online (projected) gradient descent (`online-gd`; Zinkevich 2003; Hazan, *Introduction to Online
/// Convex Optimization*, 2nd ed., Alg. 6): at round t = 1, 2, … play x_t, see f_t, then
///
///     x_{t+1} = Π_K(x_t − η_t∇f_t(x_t)),   Π_K(y) = y·min(1, R/‖y‖) (the ball of radius R),
///
/// from x₁ = 0, with one of the step rules
/// - `sqrt` (default): η_t = scale·D/(G√t) — Thm 3.1: R_T ≤ (3/2)·D·G·√T at scale 1;
/// - `constant`: η_t = lr, by default D/(G√T) for the stream's T — then R_T ≤ D·G·√T (the fixed-horizon
///   form of the same proof);
/// - `strongly-convex`: η_t = scale/(αt) for α-strongly convex losses — Thm 3.3: R_T ≤ G²/(2α)·(1 + ln T).
///
/// D, G, α and T come from the ``OnlineObjective`` in `prepare`; any other problem is refused there.
/// Evaluations: one round gradient (``Oracle/roundGradient(_:at:into:)``) per iteration.
public struct OnlineGradientDescent: Method {
    public enum StepRule: String, Sendable, CaseIterable {
        case sqrt, constant
        case stronglyConvex = "strongly-convex"
    }

    public var rule: StepRule
    /// The constant η of `constant` (nil: D/(G√T)).
    public var learningRate: Double?
    /// The factor on η_t of `sqrt` and `strongly-convex`.
    public var scale: Double
    @usableFromInline var round = 0
    @usableFromInline var radius = 0.0
    @usableFromInline var base = 0.0
    @usableFromInline var gradient: [Double] = []

    public init(rule: StepRule = .sqrt, learningRate: Double? = nil, scale: Double = 1) {
        self.rule = rule
        self.learningRate = learningRate
        self.scale = scale
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        guard let stream = oracle.objective as? any OnlineObjective else {
            throw MethodError(
                "online-gd plays the rounds of an online problem (online-least-squares, online-logistic, "
                    + "online-linear), and this problem is not one")
        }
        radius = stream.radius
        let d = stream.diameter, g = stream.gradientBound
        switch rule {
        case .sqrt: base = scale * d / g
        case .constant: base = learningRate ?? d / (g * Double(stream.rounds).squareRoot())
        case .stronglyConvex:
            guard stream.roundStrongConvexity > 0 else {
                throw MethodError("online-gd with step strongly-convex needs strongly convex losses (lambda > 0)")
            }
            base = scale / stream.roundStrongConvexity
        }
        round = 0
        gradient = [Double](repeating: 0, count: x.count)
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        let t = Double(round + 1)
        let step: Double
        switch rule {
        case .sqrt: step = base / t.squareRoot()
        case .constant: step = base
        case .stronglyConvex: step = base / t
        }
        oracle.roundGradient(round, at: x, into: &gradient)
        round += 1
        var squared = 0.0
        for i in 0..<x.count {
            x[i] -= step * gradient[i]
            squared += x[i] * x[i]
        }
        if squared > radius * radius {
            let shrink = radius / squared.squareRoot()
            for i in 0..<x.count { x[i] *= shrink }
        }
        return IterationReport(learningRate: step)
    }
}

extension MethodCatalog {
    public static let onlineGradientDescent: OptimizerKind = OptimizerKind(
        name: "online-gd",
        summary: "online projected gradient descent over a stream of losses (η_t = D/(G√t), constant, or 1/(αt))",
        updateRule: """
            x_{t+1} = Π_K(x_t − η_t∇f_t(x_t)), K = {‖x‖ ≤ R}, D = 2R, x₁ = 0
            sqrt: η_t = scale·D/(G√t), R_T ≤ (3/2)DG√T;  constant: η = lr (default D/(G√T)), R_T ≤ DG√T;
            strongly-convex: η_t = scale/(αt), R_T ≤ G²/(2α)(1 + ln T)
            """,
        conventions: """
            For the online problem kinds only (online-least-squares, online-logistic, online-linear): they \
            supply D, G, α and T, and the run records the regret R_T at every trace point.
            """,
        references: [
            "Zinkevich 2003, Online convex programming and generalized infinitesimal gradient ascent",
            "Hazan 2022, Introduction to Online Convex Optimization, 2nd ed., Thm 3.1 and Thm 3.3",
        ],
        parameters: [
            ParameterSpec(
                "step", .choice(OnlineGradientDescent.StepRule.allCases.map(\.rawValue)), default: .text("sqrt"),
                "the step rule"),
            ParameterSpec(
                "lr", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .text("auto"),
                "η of step constant (auto: D/(G√T))"),
            ParameterSpec(
                "scale", .number(minimum: 0, maximum: nil, minimumIsOpen: true), default: .number(1),
                "factor on η_t of steps sqrt and strongly-convex"),
        ],
        acceptsSchedule: false,
        make: { parameters, _, _ in
            let reader = try ParameterReader(parameters, specs: onlineGradientDescent.parameters, kind: "online-gd")
            return OnlineGradientDescent(
                rule: OnlineGradientDescent.StepRule(rawValue: try reader.choice("step")) ?? .sqrt,
                learningRate: try reader.optionalNumber("lr"), scale: try reader.number("scale"))
        }
    ).benchmarked(on: .onlineStream)
}
