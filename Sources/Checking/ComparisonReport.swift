import Diagnostics
import Results

/// The outcome of ``BaselineComparison/compare(baseline:current:suite:policy:allowed:)``: every run
/// id with its verdict and findings, sorted by severity (regressions, missing runs, improvements,
/// behaviour changes, new runs, warnings, unchanged) and then by id.
///
/// The check fails (exit code 1) on any regression or missing run, and on any behaviour change
/// unless the policy allows them; improvements, new runs and time warnings pass.
public struct ComparisonReport: Sendable, Equatable {
    public var suite: String
    public var baselineLabel: String
    public var currentLabel: String
    public var baselineProvenance: RunProvenance?
    public var currentProvenance: RunProvenance?
    /// How the platform changed from the baseline's to this run's (`OS Darwin → Linux`); not
    /// empty means the comparison was relaxed to the cross-platform defaults.
    public var platformChanges: [String]
    /// Other remarks shown at the top (no provenance, mixed build configurations).
    public var notes: [String]
    public var policy: ComparisonPolicy
    public var runs: [RunComparison]
    /// The allowed-differences file, when one was given.
    public var allowedFile: String?
    /// Entries of the allowed-differences file whose glob matches no run id of either side.
    public var unusedAllowances: [AllowedDifference]

    public init(
        suite: String, baselineLabel: String, currentLabel: String, baselineProvenance: RunProvenance?,
        currentProvenance: RunProvenance?, platformChanges: [String], notes: [String], policy: ComparisonPolicy,
        runs: [RunComparison], allowedFile: String?, unusedAllowances: [AllowedDifference]
    ) {
        self.suite = suite
        self.baselineLabel = baselineLabel
        self.currentLabel = currentLabel
        self.baselineProvenance = baselineProvenance
        self.currentProvenance = currentProvenance
        self.platformChanges = platformChanges
        self.notes = notes
        self.policy = policy
        self.runs = runs
        self.allowedFile = allowedFile
        self.unusedAllowances = unusedAllowances
    }

    public var isCrossPlatform: Bool { !platformChanges.isEmpty }

    public func runs(_ verdict: RunVerdict) -> [RunComparison] { runs.filter { $0.verdict == verdict } }

    public func count(_ verdict: RunVerdict) -> Int { runs.reduce(0) { $0 + ($1.verdict == verdict ? 1 : 0) } }

    /// Whether runs with this verdict fail the check.
    public func fails(_ verdict: RunVerdict) -> Bool {
        switch verdict {
        case .regression, .missing: return true
        case .behaviourChange: return !policy.allowBehaviourChanges
        case .improvement, .new, .warning, .unchanged: return false
        }
    }

    /// `12 unchanged` or `12 unchanged (2 with differences within tolerance)`.
    public var unchangedSummary: String {
        let unchanged = runs(.unchanged)
        let tolerated = unchanged.filter { !$0.findings.isEmpty }.count
        return "\(unchanged.count) unchanged"
            + (tolerated > 0 ? " (\(tolerated) with differences within tolerance)" : "")
    }

    public var failed: Bool { runs.contains { fails($0.verdict) } || (everyRunIsNew && !policy.allowNewBaseline) }

    /// Every run is new: nothing was compared (a baseline of another suite or of renamed runs).
    public var everyRunIsNew: Bool { !runs.isEmpty && runs.allSatisfy { $0.verdict == .new } }

    public var exitCode: ExitStatus { failed ? .regression : .success }

    /// `FAIL — 2 regressions, 1 behaviour change; 1 improvement, 12 unchanged` (zero counts left out).
    public var headline: String {
        func phrase(_ verdict: RunVerdict) -> String? {
            let n = count(verdict)
            guard n > 0 else { return nil }
            let noun: String
            switch verdict {
            case .regression: noun = n == 1 ? "regression" : "regressions"
            case .missing: noun = n == 1 ? "missing run" : "missing runs"
            case .improvement: noun = n == 1 ? "improvement" : "improvements"
            case .behaviourChange: noun = n == 1 ? "behaviour change" : "behaviour changes"
            case .new: noun = n == 1 ? "new run" : "new runs"
            case .warning: noun = n == 1 ? "time warning" : "time warnings"
            case .unchanged: noun = "unchanged"
            }
            return "\(n) \(noun)"
        }
        let failing = RunVerdict.allCases.filter { fails($0) }.compactMap(phrase)
        let passing = RunVerdict.allCases.filter { !fails($0) }.compactMap(phrase)
        if everyRunIsNew {
            let verdict = policy.allowNewBaseline ? "PASS" : "FAIL"
            let hint =
                policy.allowNewBaseline
                ? "allowed by --allow-new-baseline" : "pass --allow-new-baseline if that is intended"
            return
                "\(verdict) — all \(runs.count) runs are new: the baseline shares no run id with this run, so nothing "
                + "was compared (\(hint))"
        }
        let parts = [failing.joined(separator: ", "), passing.joined(separator: ", ")].filter { !$0.isEmpty }
        return (failed ? "FAIL" : "PASS") + " — " + (parts.isEmpty ? "no runs" : parts.joined(separator: "; "))
    }

    /// The lines every rendering shows above the runs: what was compared, the tolerances, the
    /// cross-platform relaxation, other notes, and unused allowed differences.
    public var preamble: [String] {
        var lines: [String] = []
        lines.append("Baseline: \(baselineLabel)" + (baselineProvenance.map { " (\($0.summary))" } ?? ""))
        lines.append("This run: \(currentLabel)" + (currentProvenance.map { " (\($0.summary))" } ?? ""))
        if isCrossPlatform {
            lines.append(
                "Cross-platform comparison (\(platformChanges.joined(separator: ", "))): exact comparisons are "
                    + "relaxed — counts within \(policy.counts.loosened(by: .crossPlatform)), final gap within "
                    + "\(ReportNumber.plain(max(policy.finalGap, ComparisonPolicy.crossPlatformFinalGapTolerance))) "
                    + "relative, fingerprints not compared.")
        }
        var tolerance =
            "Tolerances: counts \(policy.counts), final gap \(ReportNumber.plain(policy.finalGap)) relative, "
            + "fingerprints \(policy.compareFingerprints ? "compared" : "not compared")"
        if let ratio = policy.timeRatio {
            tolerance += ", wall time ×\(ReportNumber.plain(ratio)) (\(policy.failOnTime ? "fails" : "warns"))"
        }
        if policy.allowBehaviourChanges { tolerance += ", behaviour changes allowed" }
        if let allowedFile { tolerance += "; per-run overrides from \(allowedFile)" }
        lines.append(tolerance + ".")
        lines += notes
        for entry in unusedAllowances {
            lines.append("Unused allowed difference \(entry.label): matches no run (reason: \(entry.reason)).")
        }
        return lines
    }
}
