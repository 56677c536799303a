import Results

/// The constants L (smoothness) and μ (strong convexity) of a record's problem: the values the
/// harness recorded from the objective (``ProblemIdentity/smoothness``,
/// ``ProblemIdentity/strongConvexity``), nil when the objective does not know both (μ > 0).
///
/// Fallback, for records written before the constants were recorded (the fields are optional in
/// schema 1, so such records remain valid input): parameters `L` and `mu` when both are given; the
/// quadratic kinds' closed forms — `quadratic` (reference §C.5: μ = `mu`, default 1, L = `kappa`·μ,
/// `kappa` default 100), `narrow-valley` (L = 100, μ = 1), `shifted-bowl` (L = μ = 2). A record
/// that carries either recorded field never falls back.
public struct KnownConstants: Sendable, Equatable {
    public var smoothness: Double
    public var strongConvexity: Double

    public var conditionNumber: Double { smoothness / strongConvexity }

    public init(smoothness: Double, strongConvexity: Double) {
        self.smoothness = smoothness
        self.strongConvexity = strongConvexity
    }

    public init?(_ problem: ProblemIdentity) {
        if problem.smoothness != nil || problem.strongConvexity != nil {
            guard let l = problem.smoothness, let mu = problem.strongConvexity, l > 0, mu > 0 else { return nil }
            self.init(smoothness: l, strongConvexity: mu)
            return
        }
        let parameters = problem.parameters
        if let l = parameters["L"].flatMap(Double.init), let mu = parameters["mu"].flatMap(Double.init), l > 0, mu > 0 {
            self.init(smoothness: l, strongConvexity: mu)
            return
        }
        switch problem.kind {
        case "quadratic":
            let mu = parameters["mu"].flatMap(Double.init) ?? 1
            let kappa = parameters["kappa"].flatMap(Double.init) ?? 100
            guard mu > 0, kappa >= 1 else { return nil }
            self.init(smoothness: kappa * mu, strongConvexity: mu)
        case "narrow-valley":
            self.init(smoothness: 100, strongConvexity: 1)
        case "shifted-bowl":
            self.init(smoothness: 2, strongConvexity: 2)
        default:
            return nil
        }
    }

    /// Kinds whose objective is a quadratic ½(x − x*)ᵀA(x − x*) + f*, where the theory checks'
    /// predictions (GD's rate (1 − 1/κ)², divergence above 2/L) are exact rather than bounds.
    public static let quadraticKinds: Set<String> = ["quadratic", "narrow-valley", "shifted-bowl", "booth"]
}
