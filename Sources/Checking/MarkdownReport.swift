import Results

/// The GitHub-flavoured Markdown rendering of a ``ComparisonReport``, ready to paste into a pull
/// request or to append to `$GITHUB_STEP_SUMMARY`: a heading with the verdict, the preamble as a
/// list (the cross-platform relaxation as a warning alert), one table per verdict in severity
/// order, and the unchanged count.
public enum MarkdownReport {
    public static func render(_ report: ComparisonReport) -> String {
        var lines = ["## gdbench check `\(report.suite)`: \(report.failed ? "❌" : "✅") \(report.headline)", ""]
        for line in report.preamble {
            lines.append("- " + escape(line))
        }
        if report.isCrossPlatform {
            lines += [
                "", "> [!WARNING]",
                "> The baseline comes from another platform "
                    + "(\(escape(report.platformChanges.joined(separator: ", ")))): exact comparisons were relaxed.",
            ]
        }
        for verdict in RunVerdict.allCases where verdict != .unchanged {
            let runs = report.runs(verdict)
            guard !runs.isEmpty else { continue }
            let status = report.fails(verdict) ? "failing" : "not failing"
            lines += ["", "### \(verdict.title) (\(runs.count), \(status))", "", "| Run | Change |", "|---|---|"]
            for run in runs {
                let details = run.headlineFindings.map(\.text) + ReportTable.allowanceLines(run)
                lines.append(
                    "| `\(run.id.replacingOccurrences(of: "|", with: "\\|"))` | "
                        + "\(details.map(escape).joined(separator: "<br>")) |")
            }
        }
        lines += ["", report.unchangedSummary + "."]
        if let hint = ReportTable.updateHint(report) {
            lines += ["", escape(hint)]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes text for a table cell or list item: `&`, `<`, `>` as entities, `|` as `\|`, and
    /// `*`, `_`, backtick and `[` so run ids and globs inside a sentence stay literal.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "*", "_", "`", "[", "]", "\\": out += "\\\(character)"
            case "\n": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }
}
