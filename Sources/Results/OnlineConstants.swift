import Foundation

/// What the regret bounds of an online problem need (``ProblemIdentity/online``): the diameter D of
/// the ball the learner plays in, the gradient bound G over it, the strong convexity α of every
/// round's loss (0: merely convex) and the number of rounds T.
public struct OnlineConstants: Codable, Sendable, Equatable {
    public var diameter: Double
    public var gradientBound: Double
    public var roundStrongConvexity: Double
    public var rounds: Int

    public init(diameter: Double, gradientBound: Double, roundStrongConvexity: Double, rounds: Int) {
        self.diameter = diameter
        self.gradientBound = gradientBound
        self.roundStrongConvexity = roundStrongConvexity
        self.rounds = rounds
    }

    /// (3/2)·D·G·√T: online gradient descent with η_t = D/(G√t) (Hazan 2022, Thm 3.1).
    public func sqrtStepBound(rounds t: Int) -> Double { 1.5 * diameter * gradientBound * Double(t).squareRoot() }

    /// D·G·√T: a constant step η = D/(G√T) for a horizon of T rounds (the same proof).
    public func constantStepBound(rounds t: Int) -> Double { diameter * gradientBound * Double(t).squareRoot() }

    /// G²/(2α)·(1 + ln T): η_t = 1/(αt) on α-strongly convex losses (Hazan 2022, Thm 3.3); nil for α = 0.
    public func stronglyConvexBound(rounds t: Int) -> Double? {
        guard roundStrongConvexity > 0 else { return nil }
        return gradientBound * gradientBound / (2 * roundStrongConvexity) * (1 + log(Double(t)))
    }
}
