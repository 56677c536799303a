import Results

/// The constants L (smoothness) and μ (strong convexity) of a record's problem, read from the record
/// alone (records carry the problem kind and its parameters as written, not the objective's
/// constants). Rules, in order:
/// 1. parameters `L` and `mu` both present → those;
/// 2. kind `quadratic` (reference §C.5): μ = `mu` (default 1), L = `kappa`·μ (`kappa` default 100);
/// 3. kind `narrow-valley`: ½(x² + 100y²) → L = 100, μ = 1;
/// 4. kind `shifted-bowl`: (x₀−2)² + (x₁−3)² → L = μ = 2;
/// otherwise unknown (nil). The defaults are those of the `quadratic` kind's parameter specs.
/// A problem for which these rules give constants is also a quadratic, which the theory checks need.
public struct KnownConstants: Sendable, Equatable {
    public var smoothness: Double
    public var strongConvexity: Double

    public var conditionNumber: Double { smoothness / strongConvexity }

    public init(smoothness: Double, strongConvexity: Double) {
        self.smoothness = smoothness
        self.strongConvexity = strongConvexity
    }

    public init?(_ problem: ProblemIdentity) {
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
}
