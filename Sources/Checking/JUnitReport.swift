import Results

/// The JUnit XML rendering of a ``ComparisonReport``, for CI test reporters: one `<testsuite>`
/// named after the gdbench suite, one `<testcase>` per run id (`classname` `gdbench.check.SUITE`),
/// a `<failure type="regression|missing|behaviour-change">` for every failing run, `<skipped>`
/// for new runs (nothing to compare), and the findings of passing runs that changed in
/// `<system-out>`. Attribute and text content are escaped per XML 1.0, and characters XML 1.0
/// cannot carry are dropped.
public enum JUnitReport {
    public static func render(_ report: ComparisonReport) -> String {
        let tests = report.runs.count
        let failures = report.runs.filter { report.fails($0.verdict) }.count
        let skipped = report.count(.new)
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\""
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"gdbench check\" \(counts)>",
            "  <testsuite name=\"\(escape(report.suite))\" \(counts)>",
            "    <properties>",
            "      <property name=\"baseline\" value=\"\(escape(report.baselineLabel))\"/>",
            "      <property name=\"current\" value=\"\(escape(report.currentLabel))\"/>",
            "      <property name=\"cross-platform\" value=\"\(report.isCrossPlatform)\"/>",
            "    </properties>",
        ]
        let classname = escape("gdbench.check.\(report.suite)")
        for run in report.runs.sorted(by: { $0.id < $1.id }) {
            let opening = "    <testcase name=\"\(escape(run.id))\" classname=\"\(classname)\""
            let details = (run.headlineFindings.map(\.text) + ReportTable.allowanceLines(run)).joined(separator: "\n")
            if report.fails(run.verdict) {
                let message = run.headlineFindings.first?.text ?? run.verdict.label
                lines.append(opening + ">")
                lines.append(
                    "      <failure type=\"\(run.verdict.label)\" "
                        + "message=\"\(escape(message))\">\(escape(details))</failure>")
                lines.append("    </testcase>")
            } else if run.verdict == .new {
                lines.append(opening + ">")
                lines.append("      <skipped message=\"not in the baseline: nothing to compare\"/>")
                lines.append("    </testcase>")
            } else if run.verdict != .unchanged {
                lines.append(opening + ">")
                lines.append("      <system-out>\(escape("\(run.verdict.label): " + details))</system-out>")
                lines.append("    </testcase>")
            } else {
                lines.append(opening + "/>")
            }
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// XML 1.0 escaping for attributes and text; characters outside XML 1.0's `Char` production
    /// (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
