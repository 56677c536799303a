/// What is known exactly about an objective: the optimal value f*, a minimiser x*, the smoothness
/// constant L (largest Hessian eigenvalue bound), the strong-convexity constant μ, and for saddle
/// problems the value at the saddle the runs start near. nil means unknown or not applicable.
///
/// Suites may use these in hyperparameter expressions (`lr: 1/L`); a constant that is nil there is
/// a validation error.
public struct ObjectiveConstants: Sendable, Equatable {
    public var optimalValue: Double?
    public var minimizer: [Double]?
    public var smoothness: Double?
    public var strongConvexity: Double?
    public var saddleValue: Double?

    public init(
        optimalValue: Double? = nil, minimizer: [Double]? = nil, smoothness: Double? = nil,
        strongConvexity: Double? = nil, saddleValue: Double? = nil
    ) {
        self.optimalValue = optimalValue
        self.minimizer = minimizer
        self.smoothness = smoothness
        self.strongConvexity = strongConvexity
        self.saddleValue = saddleValue
    }

    /// κ = L/μ when both are known and μ > 0.
    public var conditionNumber: Double? {
        guard let l = smoothness, let m = strongConvexity, m > 0 else { return nil }
        return l / m
    }
}
