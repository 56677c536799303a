/// Builds the text of a figure's `.gp` script: a provenance comment, the terminal and output for the
/// format, title and axis labels, the Okabe–Ito line styles (``Palette``), the key placement and
/// then the figure's own lines. Every script reads its data files by relative name, so it runs with
/// `gnuplot <stem>.gp` inside the figures folder.
public struct GnuplotScript {
    public var format: FigureFormat
    public private(set) var lines: [String] = []

    /// - Parameters:
    ///   - series: number of line styles to define (one per optimizer).
    public init(kind: String, stem: String, format: FigureFormat, title: String, xLabel: String, yLabel: String,
                dataFiles: [String], series: Int, provenance: String?) {
        self.format = format
        lines.append("# gdbench figure (\(kind)): \(title)")
        if let provenance { lines.append("# from \(provenance)") }
        lines.append("# data: \(dataFiles.joined(separator: ", "))")
        lines.append("# render: gnuplot \(stem).gp  (writes \(stem).\(format.outputExtension))")
        lines.append(format.terminal)
        lines.append("set output '\(stem).\(format.outputExtension)'")
        lines.append("set encoding utf8")
        lines.append("set datafile missing '?'")
        lines.append("set title \(GnuplotText.literal(title, format))")
        lines.append("set xlabel \(GnuplotText.literal(xLabel, format))")
        lines.append("set ylabel \(GnuplotText.literal(yLabel, format))")
        lines.append("set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5")
        lines.append("set border 3 lw 1")
        lines.append("set tics nomirror out scale 0.6")
        for index in 0..<max(series, 1) {
            lines.append("set linetype \(index + 1) lc rgb '\(Palette.color(index))' lw 2 dt \(Palette.dashType(index)) pt \(1 + index % 7) ps 0.8")
        }
        key(entries: series)
    }

    /// The key goes below the plot area (it never covers data), in one column for up to three
    /// entries, else in two columns.
    mutating func key(entries: Int) {
        let columns = entries <= 3 ? 1 : 2
        let font = format.isLaTeX ? "" : " font ',10'"
        lines.append("set key outside below center horizontal Left reverse maxcols \(columns) samplen 2.5 spacing 1.1\(font)")
    }

    public mutating func add(_ line: String) { lines.append(line) }

    /// A log-scaled axis labelled with powers of ten.
    public mutating func logAxis(_ axis: String) {
        lines.append("set logscale \(axis)")
        lines.append("set format \(axis) '\(format.powerOfTenFormat)'")
    }

    /// A plain string literal for this format (titles, labels).
    public func text(_ text: String) -> String { GnuplotText.literal(text, format) }

    public var text: String { lines.joined(separator: "\n") + "\n" }
}
