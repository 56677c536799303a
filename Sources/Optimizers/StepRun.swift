/// What ``MethodBox/iterate(_:oracle:limit:)`` did.
public struct StepRun {
    /// Iterations done, the one that threw included.
    public var iterations: Int
    /// The report of the last iteration (of the last one that returned, when one threw).
    public var last: IterationReport
    /// The error of the iteration that threw (the last), nil when none did.
    public var failure: (any Error)?

    @inlinable
    public init(iterations: Int, last: IterationReport, failure: (any Error)?) {
        self.iterations = iterations
        self.last = last
        self.failure = failure
    }
}
