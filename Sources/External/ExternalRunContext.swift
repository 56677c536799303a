/// What gdbench tells a client about the run besides its hyperparameters (the `RUN ` frame): bound
/// by the runner around a run, because a method is built from its parameters and seed alone.
public struct ExternalRunContext: Sendable {
    public var runID: String
    public var maxIterations: Int
    public var maxGradientEvaluations: Int?
    public var timeoutSeconds: Double?

    public init(runID: String, maxIterations: Int, maxGradientEvaluations: Int?, timeoutSeconds: Double?) {
        self.runID = runID
        self.maxIterations = maxIterations
        self.maxGradientEvaluations = maxGradientEvaluations
        self.timeoutSeconds = timeoutSeconds
    }

    /// The run being built or run on this thread, if the runner bound one.
    @TaskLocal public static var current: ExternalRunContext?
}

/// Where the wall time of one pass of an external run went: the client's own computing (as it
/// reports in `ITER`), gdbench's oracle calls, and the rest (pipes, encoding, scheduling).
public final class ExternalTiming: @unchecked Sendable {
    public internal(set) var optimizerSeconds = 0.0
    public internal(set) var oracleNanoseconds: UInt64 = 0
    /// False when the client did not report its own time (a NaN in `ITER`).
    public internal(set) var clientReportsTime = true

    public var oracleSeconds: Double { Double(oracleNanoseconds) * 1e-9 }

    func reset() {
        optimizerSeconds = 0
        oracleNanoseconds = 0
        clientReportsTime = true
    }
}
