import Results

/// The comparison of one run id between the baseline and this run.
public struct RunComparison: Sendable, Equatable {
    public var id: String
    public var verdict: RunVerdict
    /// Most severe first, then in the order they were found.
    public var findings: [Finding]
    /// Where the trajectories first differ, when fingerprints were compared and differ.
    public var divergence: TraceDivergence?
    /// The tolerances used (nil for missing and new runs).
    public var tolerances: RunTolerances?

    public init(
        id: String, verdict: RunVerdict, findings: [Finding], divergence: TraceDivergence?,
        tolerances: RunTolerances?
    ) {
        self.id = id
        self.verdict = verdict
        self.findings = findings
        self.divergence = divergence
        self.tolerances = tolerances
    }

    /// The verdict of a run present on both sides: its most severe finding (notes alone: unchanged).
    public static func verdict(for findings: [Finding]) -> RunVerdict {
        switch findings.map(\.kind).min() {
        case .regression?: return .regression
        case .improvement?: return .improvement
        case .behaviourChange?: return .behaviourChange
        case .warning?: return .warning
        case .note?, nil: return .unchanged
        }
    }

    /// The findings of the run's own verdict and above, as one line each (notes left out unless the
    /// run has nothing else to say).
    public var headlineFindings: [Finding] {
        let serious = findings.filter { $0.kind != .note }
        return serious.isEmpty ? findings : serious
    }
}
