import Results

/// One entry of an allowed-differences file: tolerances that replace the command-line ones for the
/// runs whose id matches `runs` (and, if given, only when checking `suite`), with the reason they
/// are allowed. See ``AllowedDifferences`` for the file format.
public struct AllowedDifference: Sendable, Equatable {
    /// 0-based position in the file's `allowed` array (`allowed[2]` in messages).
    public var index: Int
    public var runs: GlobPattern
    /// Why the difference is acceptable (required, non-empty): shown in the report next to every
    /// run it loosens.
    public var reason: String
    /// Applies only when checking this suite; nil: any suite.
    public var suite: String?
    /// Replaces `--tolerance` for iteration and evaluation counts.
    public var counts: CountTolerance?
    /// Replaces `--gap-tolerance` (relative) for the final gap.
    public var finalGap: Double?
    /// `false`: final-iterate fingerprints of these runs are not compared.
    public var fingerprints: Bool?

    public init(
        index: Int, runs: GlobPattern, reason: String, suite: String? = nil, counts: CountTolerance? = nil,
        finalGap: Double? = nil, fingerprints: Bool? = nil
    ) {
        self.index = index
        self.runs = runs
        self.reason = reason
        self.suite = suite
        self.counts = counts
        self.finalGap = finalGap
        self.fingerprints = fingerprints
    }

    /// `allowed[2] (quadratic[*]/adam[*]/rep=*)`.
    public var label: String { "allowed[\(index)] (\(runs.pattern))" }

    public func applies(to id: String, suite checkedSuite: String) -> Bool {
        (suite == nil || suite == checkedSuite) && runs.matches(id)
    }
}
