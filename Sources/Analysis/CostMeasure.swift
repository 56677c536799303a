import Results

/// What a cost counts: iterations, gradient evaluations, function evaluations or optimizer seconds.
public enum CostMeasure: String, Sendable, CaseIterable {
    case iterations
    case gradientEvaluations = "gradient-evaluations"
    case functionEvaluations = "function-evaluations"
    case seconds

    /// The value at a checkpoint (nil for seconds when the run was not timed).
    public func value(_ checkpoint: Checkpoint) -> Double? {
        switch self {
        case .iterations: return Double(checkpoint.iteration)
        case .gradientEvaluations: return Double(checkpoint.gradientEvaluations)
        case .functionEvaluations: return Double(checkpoint.functionEvaluations)
        case .seconds: return checkpoint.seconds
        }
    }

    /// The value at a trace point.
    public func value(_ point: TracePoint) -> Double? {
        switch self {
        case .iterations: return Double(point.iteration)
        case .gradientEvaluations: return Double(point.gradientEvaluations)
        case .functionEvaluations: return Double(point.functionEvaluations)
        case .seconds: return point.seconds
        }
    }

    /// Human-readable name for tables and axis labels.
    public var label: String {
        switch self {
        case .iterations: return "iterations"
        case .gradientEvaluations: return "gradient evaluations"
        case .functionEvaluations: return "function evaluations"
        case .seconds: return "seconds"
        }
    }
}
