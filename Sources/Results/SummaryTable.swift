import Foundation

/// `summary.csv`: one row per run (columns documented on ``RunRecord``), RFC 4180 quoting.
public enum SummaryTable {
    /// The whole table of `records` (in the given order); the threshold columns are those of the first.
    public static func csv(_ records: [RunRecord]) -> String {
        let thresholds = records.first.map(thresholds(of:)) ?? []
        return header(thresholds: thresholds) + records.map { row($0, thresholds: thresholds) }.joined()
    }

    /// The ladder's thresholds of `record`: one group of columns each.
    public static func thresholds(of record: RunRecord) -> [Double] {
        record.targets.ladder.map(\.threshold)
    }

    /// The header line, `\n`-terminated.
    public static func header(thresholds: [Double]) -> String {
        var header = [
            "id", "problem", "problem_kind", "optimizer", "optimizer_kind", "schedule", "repetition", "status",
        ]
        for threshold in thresholds {
            let t = format(threshold)
            header += ["iterations@\(t)", "gradient_evaluations@\(t)", "seconds@\(t)"]
        }
        header += [
            "final_iterations", "final_gradient_evaluations", "final_function_evaluations", "final_value",
            "final_gap", "final_relative_gap", "final_gradient_norm", "final_distance", "held_out_accuracy",
            "final_epochs", "median_seconds", "message",
        ]
        return header.map(quote).joined(separator: ",") + "\n"
    }

    /// The row of one record, `\n`-terminated.
    public static func row(_ record: RunRecord, thresholds: [Double]) -> String {
        var row = [
            record.id, record.problem.id, record.problem.kind, record.optimizer.id, record.optimizer.kind,
            record.optimizer.schedule?.kind ?? "", String(record.repetition), record.status.rawValue,
        ]
        for index in thresholds.indices {
            let hit = index < record.targets.ladder.count ? record.targets.ladder[index].hit : nil
            row += [
                hit.map { String($0.iteration) } ?? "", hit.map { String($0.gradientEvaluations) } ?? "",
                hit?.seconds.map(format) ?? "",
            ]
        }
        let final = record.final
        row += [
            String(final.progress.iteration), String(final.progress.gradientEvaluations),
            String(final.progress.functionEvaluations), format(final.value), final.gap.map(format) ?? "",
            final.relativeGap.map(format) ?? "", format(final.gradientNorm), final.distance.map(format) ?? "",
            final.heldOutAccuracy.map(format) ?? "", final.progress.epochs.map(format) ?? "",
            format(record.wallTime.medianSeconds), record.message ?? "",
        ]
        return row.map(quote).joined(separator: ",") + "\n"
    }

    /// Shortest round-trip form; `nan`, `inf`, `-inf` for non-finite values.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return "\(value)"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
