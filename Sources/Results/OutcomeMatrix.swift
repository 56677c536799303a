/// The compact view of an ``OutcomeTable``: one row per optimizer, one column per problem (numbered, with a
/// legend of the problem ids below), each cell the median iterations to the final target followed by a mark
/// for the runs that did not converge — `b` budget, `s` stalled, `d` diverged, `t` timeout, `e` error — and `—` when
/// half or more missed. Rows and columns are in ``NaturalOrder``; columns that do not fit `width` continue in
/// further blocks.
extension OutcomeTable {
    /// The cell text: `142`, `150 b`, `— d`, `— de`.
    static func matrixCell(_ row: Row) -> String {
        let iterations = row.medianIterations.map { compact($0) } ?? "—"
        var marks = ""
        if row.budget > 0 { marks += "b" }
        if row.stalled > 0 { marks += "s" }
        if row.diverged > 0 { marks += "d" }
        if row.timeout > 0 { marks += "t" }
        if row.error > 0 { marks += "e" }
        return marks.isEmpty ? iterations : "\(iterations) \(marks)"
    }

    /// The matrix text at most `width` characters wide (a row label wider than that is elided).
    public func matrixText(width: Int = 100) -> String {
        let problems = rows.map(\.problem).uniqued().sorted(by: NaturalOrder.less)
        let optimizers = rows.map(\.optimizer).uniqued().sorted(by: NaturalOrder.less)
        var cells: [String: String] = [:]
        for row in rows { cells[row.optimizer + "\u{0}" + row.problem] = OutcomeTable.matrixCell(row) }
        let labels = optimizers.map { TerminalText.elide($0, to: max(12, width / 2)) }
        let labelWidth = max("optimizer".count, labels.map(\.count).max() ?? 0)
        let headers = problems.indices.map { "P\($0 + 1)" }
        let columnWidths = problems.indices.map { column in
            max(headers[column].count, optimizers.map { cells[$0 + "\u{0}" + problems[column]]?.count ?? 1 }.max() ?? 1)
        }
        var text =
            finalTarget.map {
                "median iterations to \($0) over repetitions; b budget, s stalled, d diverged, t timeout, e error; "
                    + "— half or more missed\n"
            } ?? ""
        var start = 0
        while start < problems.count {
            var end = start
            var used = labelWidth
            while end < problems.count, end == start || used + 2 + columnWidths[end] <= width {
                used += 2 + columnWidths[end]
                end += 1
            }
            func pad(_ cell: String, _ width: Int, right: Bool) -> String {
                let space = String(repeating: " ", count: max(0, width - cell.count))
                return right ? space + cell : cell + space
            }
            let headerCells = (start..<end).map { pad(headers[$0], columnWidths[$0], right: true) }
            var lines = [([pad("optimizer", labelWidth, right: false)] + headerCells).joined(separator: "  ")]
            let rules = (start..<end).map { String(repeating: "─", count: columnWidths[$0]) }
            lines.append(([String(repeating: "─", count: labelWidth)] + rules).joined(separator: "  "))
            for (index, optimizer) in optimizers.enumerated() {
                lines.append(
                    ([pad(labels[index], labelWidth, right: false)]
                        + (start..<end).map {
                            pad(cells[optimizer + "\u{0}" + problems[$0]] ?? "", columnWidths[$0], right: true)
                        }).joined(separator: "  "))
            }
            text += (start > 0 ? "\n" : "") + lines.joined(separator: "\n") + "\n"
            start = end
        }
        let legend = problems.enumerated().map { "P\($0.offset + 1)  \(TerminalText.elide($0.element, to: width - 5))" }
        text += "\n" + legend.joined(separator: "\n") + "\n"
        return text + totalsLine() + errorText()
    }

    /// The summary printed after a run: the matrix when it has fewer lines than the long table (both fitted
    /// to `width`), else the long table.
    public func summaryText(width: Int = 100) -> String {
        let long = text(width: width)
        let matrix = matrixText(width: width)
        return matrix.split(separator: "\n", omittingEmptySubsequences: false).count
            < long.split(separator: "\n", omittingEmptySubsequences: false).count ? matrix : long
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// Text for a terminal of a given width.
public enum TerminalText {
    /// `text` when it fits, else its start and end around `…`, keeping more of the end (where the
    /// parameters that tell runs apart are) — `quadratic[d=100,kap…rotation=random]/adam[lr=0.01]`.
    public static func elide(_ text: String, to width: Int) -> String {
        guard text.count > width, width >= 5 else { return text }
        let head = (width - 1) / 3
        let tail = width - 1 - head
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }
}
