import Results

/// The algorithm family of a record's optimizer, for theory: how iterations to a fixed accuracy on
/// a μ-strongly convex L-smooth quadratic grow with κ = L/μ (reference §D, A.18): gradient descent
/// O(κ), heavy ball with optimal parameters, Nesterov with constant momentum and conjugate gradients
/// O(√κ), Newton O(1) (one step). Rules on the record's optimizer kind and resolved parameters:
/// - gradient descent: `sgd` without schedule, `momentum` absent or 0, `nesterov` absent or false;
///   `gd-armijo`; `steepest-descent-exact`;
/// - heavy ball: `heavy-ball` (defaults are the optimal η, β of A.18);
/// - Nesterov: `nesterov-constant` (defaults 1/L and (√κ−1)/(√κ+1));
/// - conjugate gradient: `conjugate-gradient`, `nonlinear-cg`;
/// - Newton: `newton`, `newton-cg`;
/// anything else has no κ-exponent (adaptive methods, stochastic gradients, schedules).
public enum OptimizerFamily: String, Sendable, CaseIterable {
    case gradientDescent = "gradient descent"
    case heavyBall = "heavy ball"
    case nesterov = "Nesterov"
    case conjugateGradient = "conjugate gradient"
    case newton = "Newton"

    /// The exponent p of iterations ∝ κᵖ.
    public var kappaExponent: Double {
        switch self {
        case .gradientDescent: return 1
        case .heavyBall, .nesterov, .conjugateGradient: return 0.5
        case .newton: return 0
        }
    }

    public init?(_ optimizer: OptimizerIdentity) {
        let parameters = optimizer.parameters
        switch optimizer.kind {
        case "sgd":
            let momentum = parameters["momentum"].flatMap(Double.init) ?? 0
            let nesterov = parameters["nesterov"] == "true"
            guard optimizer.schedule == nil, momentum == 0, !nesterov else { return nil }
            self = .gradientDescent
        case "gd-armijo", "steepest-descent-exact": self = .gradientDescent
        case "heavy-ball": self = .heavyBall
        case "nesterov-constant": self = .nesterov
        case "conjugate-gradient", "nonlinear-cg": self = .conjugateGradient
        case "newton", "newton-cg": self = .newton
        default: return nil
        }
    }
}
