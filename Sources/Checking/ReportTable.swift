import Results

/// The plain-text rendering of a ``ComparisonReport`` for a terminal or a CI log: a headline, the
/// preamble, then one table row per finding of every run that is not unchanged, most severe
/// first, and the unchanged count.
///
/// ```
/// gdbench check smoke: FAIL — 1 regression; 11 unchanged
/// Baseline: results/baseline/smoke.jsonl (gdbench 0.1.0 at 1a2b3c4d5e6f, Swift 6.3, Linux x86_64, release)
/// …
/// VERDICT     RUN                  CHANGE
/// regression  rosenbrock/gd/rep=0  iterations to 1e-06: 40 → 41 (+1; tolerance exact)
///                                  final iterate changed (…); first differs between iteration 32 (equal) and 40 (…)
///
/// 11 unchanged.
/// ```
public enum ReportTable {
    public static func render(_ report: ComparisonReport) -> String {
        var lines = ["\(CommandName.current) check \(report.suite): \(report.headline)"]
        lines += report.preamble
        let listed = report.runs.filter { $0.verdict != .unchanged }
        if !listed.isEmpty {
            let verdictWidth = max("VERDICT".count, listed.map { label($0, in: report).count }.max() ?? 0)
            let idWidth = max("RUN".count, listed.map(\.id.count).max() ?? 0)
            func pad(_ text: String, _ width: Int) -> String {
                text + String(repeating: " ", count: max(0, width - text.count))
            }
            lines.append("")
            lines.append(pad("VERDICT", verdictWidth) + "  " + pad("RUN", idWidth) + "  CHANGE")
            for run in listed {
                var details = run.headlineFindings.map(\.text)
                details += allowanceLines(run)
                for (index, detail) in details.enumerated() {
                    let left =
                        index == 0
                        ? pad(label(run, in: report), verdictWidth) + "  " + pad(run.id, idWidth)
                        : String(repeating: " ", count: verdictWidth + 2 + idWidth)
                    lines.append(left + "  " + detail)
                }
            }
        }
        lines.append("")
        lines.append(report.unchangedSummary + ".")
        if let hint = updateHint(report) { lines.append(hint) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `regression`, or `behaviour-change (allowed)` when behaviour changes do not fail.
    static func label(_ run: RunComparison, in report: ComparisonReport) -> String {
        run.verdict == .behaviourChange && !report.fails(.behaviourChange)
            ? "behaviour-change (allowed)" : run.verdict.label
    }

    /// `allowed[1] (rosenbrock*): reason` for each allowed difference that set this run's tolerances.
    static func allowanceLines(_ run: RunComparison) -> [String] {
        (run.tolerances?.allowances ?? []).map { "tolerance from \($0.label): \($0.reason)" }
    }

    /// A reminder to record an intended change, when anything differs.
    static func updateHint(_ report: ComparisonReport) -> String? {
        guard report.runs.contains(where: { $0.verdict != .unchanged && $0.verdict != .warning }) else { return nil }
        return "If the changes are intended, record them: \(CommandName.current) check --suite \(report.suite) "
            + "--update-baseline"
    }
}
