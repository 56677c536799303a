/// An online convex learning problem (Hazan, *Introduction to Online Convex Optimization*, 2nd ed.,
/// §1.1, §3.1): a seeded stream of convex losses f₁, …, f_T on the ball K = {x : ‖x‖ ≤ radius}
/// (diameter D = 2·radius), each with ‖∇f_t‖ ≤ G on K. A learner plays x_t ∈ K, then sees f_t; its
/// regret after T rounds is R_T = Σ_{t≤T} f_t(x_t) − min_{x∈K} Σ_{t≤T} f_t(x).
///
/// As an ``Objective`` the stream is the finite sum f = (1/T)Σ f_t (row t is round t, 0-based), so
/// offline methods run on it too; its f* and x* are the minimum over K. The harness records R_T at
/// every trace point of a run on such a problem (``comparator(rounds:warmStart:)``), and
/// `online-gd` plays the rounds in order through ``Oracle/roundGradient(_:at:into:)``.
public protocol OnlineObjective: Objective {
    /// T, the number of rounds of the stream.
    var rounds: Int { get }
    /// The radius of the ball K centred at 0 that the learner plays in.
    var radius: Double { get }
    /// G: max over the rounds and over K of ‖∇f_t(x)‖ (an exact bound, computed from the stream).
    var gradientBound: Double { get }
    /// α ≥ 0 such that every f_t is α-strongly convex (0 when they are merely convex).
    var roundStrongConvexity: Double { get }
    /// f_t(x) for round `round` (0-based).
    func roundLoss(_ round: Int, at x: [Double]) -> Double
    /// min_{x∈K} Σ_{t<rounds} f_t(x), computed exactly (closed form, Newton, or the projection of the
    /// linear case), and its minimiser. `warmStart` is a previous minimiser (for Newton), updated.
    func comparator(rounds: Int, warmStart: inout [Double]) -> (value: Double, minimizer: [Double])
}

extension OnlineObjective {
    /// D = 2·radius, the diameter of K.
    public var diameter: Double { 2 * radius }
}
