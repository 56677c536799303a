import Foundation

/// Builds the text of a figure's `.gp` script: a provenance comment, the terminal and output for the
/// format, title and axis labels, the Okabe–Ito line styles (``Palette``), the key placement and
/// then the figure's own lines. Every script reads its data files by relative name, so it runs with
/// `gnuplot <stem>.gp` inside the figures folder.
public struct GnuplotScript {
    public var format: FigureFormat
    public private(set) var lines: [String] = []

    /// - Parameters:
    ///   - keyEntries: the titles the key will show, one line style each (in order).
    public init(kind: String, stem: String, format: FigureFormat, title: String, xLabel: String, yLabel: String,
                dataFiles: [String], keyEntries: [String], provenance: String?) {
        self.format = format
        lines.append("# gdbench figure (\(kind)): \(title)")
        if let provenance { lines.append("# from \(provenance)") }
        lines.append("# data: \(dataFiles.joined(separator: ", "))")
        lines.append("# render: gnuplot \(stem).gp  (writes \(stem).\(format.outputExtension))")
        lines.append(format.terminal)
        lines.append("set output '\(stem).\(format.outputExtension)'")
        lines.append("set encoding utf8")
        lines.append("set datafile missing '?'")
        lines.append("set title \(GnuplotScript.titleExpression(title, format, width: format.isLaTeX ? 64 : 90))")
        lines.append("set xlabel \(GnuplotText.literal(xLabel, format))")
        lines.append("set ylabel \(GnuplotText.literal(yLabel, format))")
        lines.append("set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5")
        lines.append("set border 3 lw 1")
        lines.append("set tics nomirror out scale 0.6")
        for index in 0..<max(keyEntries.count, 1) {
            lines.append("set linetype \(index + 1) lc rgb '\(Palette.color(index))' lw 2 dt \(Palette.dashType(index)) pt \(1 + index % 7) ps 0.8")
        }
        key(keyEntries)
    }

    /// The key goes below the plot area (it never covers data). Two columns when there are more than
    /// three entries and two of the longest fit side by side — gnuplot estimates about 8 px a character
    /// at 10 pt on 800 px (100 characters), 6.5 px at 8 pt (124) — with the smaller font for more than
    /// eight entries; else one column (8 pt beyond eight entries or for entries over 80 characters). A LaTeX
    /// column at 8 pt holds about 64 characters.
    mutating func key(_ entries: [String]) {
        let longest = entries.map(\.count).max() ?? 0
        let needed = 2 * (longest + 6)
        let many = entries.count > 8
        var columns = 1
        var size = many ? 8 : 10
        if entries.count > 3 {
            if format.isLaTeX {
                columns = needed <= 64 ? 2 : 1
            } else if needed <= 100 {
                columns = 2
                size = 10
            } else if many && needed <= 124 {
                columns = 2
            }
        }
        if columns == 1 && longest > 80 { size = 8 }  // one long entry (a nested optimizer's id)
        let font = format.isLaTeX ? "" : " font ',\(size)'"
        lines.append("set key outside below center horizontal Left reverse maxcols \(columns) samplen 2.5 spacing 1.1\(font)")
    }

    /// The plot command from its clauses (one per line, continued with backslashes).
    public mutating func plot(_ clauses: [String]) {
        lines.append("plot " + clauses.joined(separator: ", \\\n     "))
    }

    public mutating func add(_ line: String) { lines.append(line) }

    /// A log-scaled axis labelled with powers of ten.
    public mutating func logAxis(_ axis: String) {
        lines.append("set logscale \(axis)")
        lines.append("set format \(axis) '\(format.powerOfTenFormat)'")
    }

    /// A title as a gnuplot string expression, broken into lines of at most `width` characters: first
    /// after `": "` (titles read "subject: what"), then after commas, so long problem ids stay readable.
    public static func titleExpression(_ title: String, _ format: FigureFormat, width: Int) -> String {
        wrap(title, width: width).map { GnuplotText.literal($0, format) }.joined(separator: " . \"\\n\" . ")
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        if let colon = text.range(of: ": ", options: .backwards) {
            let head = String(text[..<colon.lowerBound]) + ":"
            let tail = String(text[colon.upperBound...])
            if tail.count <= width { return wrap(head, width: width) + [tail] }
        }
        var lines: [String] = []
        var current = ""
        for piece in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? piece : current + "," + piece
            if candidate.count > width && !current.isEmpty {
                lines.append(current + ",")
                current = piece
            } else {
                current = candidate
            }
        }
        lines.append(current)
        return lines
    }

    /// Sets an explicit range on `axis` when the finite values drawn on it are all equal (gnuplot
    /// would warn "empty range" and pick one itself): a factor 2 either way on a log axis, ±1 (or ±10%)
    /// on a linear one. Nothing is set otherwise, or when there are no values.
    public mutating func widenDegenerateRange(_ axis: String, values: [Double], logarithmic: Bool) {
        let finite = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        guard let low = finite.min(), let high = finite.max(), low == high else { return }
        let margin = low == 0 ? 1 : abs(low) / 10
        let range = logarithmic ? (low / 2, high * 2) : (low - margin, high + margin)
        lines.append("set \(axis)range [\(DataTable.number(range.0)):\(DataTable.number(range.1))]")
    }

    /// A plain string literal for this format (titles, labels).
    public func text(_ text: String) -> String { GnuplotText.literal(text, format) }

    public var text: String { lines.joined(separator: "\n") + "\n" }
}
