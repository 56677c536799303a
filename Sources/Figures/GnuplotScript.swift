import Foundation

/// Builds the text of a figure's `.gp` script: a provenance comment, the terminal and output for the
/// format, title and axis labels, the Okabe–Ito line styles (``Palette``), the key placement and
/// then the figure's own lines. Every script reads its data files by relative name, so it runs with
/// `gnuplot <stem>.gp` inside the figures folder.
public struct GnuplotScript {
    public var format: FigureFormat
    public var size: FigureSize
    public private(set) var lines: [String] = []
    var title: String
    var keyEntries: [String]

    /// - Parameters:
    ///   - keyEntries: the titles the key will show, one line style each (in order).
    public init(
        kind: String, stem: String, format: FigureFormat, title: String, xLabel: String, yLabel: String,
        dataFiles: [String], keyEntries: [String], provenance: String?, styles: [SeriesStyle] = [],
        size: FigureSize = .screen
    ) {
        self.format = format
        self.size = size
        self.title = title
        self.keyEntries = keyEntries
        lines.append("# gdbench figure (\(kind)): \(title)")
        if let provenance { lines.append("# from \(provenance)") }
        lines.append("# data: \(dataFiles.joined(separator: ", "))")
        lines.append("# render: gnuplot \(stem).gp  (writes \(stem).\(format.outputExtension))")
        lines.append(format.terminal(size: size, columns: 1, rows: 1, keyRows: keyEntries.count))
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
            let style = index < styles.count ? styles[index] : SeriesStyle(index: index)
            lines.append(
                "set linetype \(index + 1) lc rgb '\(style.color)' lw 2 dt \(style.dashType) pt \(style.pointType) ps "
                    + "0.8")
        }
        // Paper figures are narrow: their key is a vertical list, the terminal grown to hold it.
        key(keyEntries, oneColumn: size != .screen)
    }

    /// The key goes below the plot area (it never covers data). Two columns when there are more than
    /// three entries and two of the longest fit side by side — gnuplot estimates about 8 px a character
    /// at 10 pt on 800 px (100 characters), 6.5 px at 8 pt (124) — with the smaller font for more than
    /// eight entries; else one column (8 pt beyond eight entries or for entries over 80 characters). A LaTeX
    /// column at 8 pt holds about 64 characters.
    /// `oneColumn`: a panel's key (at most eight entries), always one column.
    mutating func key(_ entries: [String], oneColumn: Bool = false) {
        let longest = entries.map(\.count).max() ?? 0
        let needed = 2 * (longest + 6)
        let many = entries.count > 8 || (oneColumn && longest > 50)
        var columns = 1
        var size = many ? 8 : 10
        if entries.count > 3 && !oneColumn {
            if format.isLaTeX {
                columns = needed <= 64 ? 2 : 1
            } else if needed <= 100 {
                columns = 2
                size = 10
            } else if many && needed <= 124 {
                columns = 2
            }
        }
        if columns == 1 && longest > 80 { size = 8 } // one long entry (a nested optimizer's id)
        let font = format.isLaTeX ? "" : " font ',\(size)'"
        // A panel's key is a vertical list (gnuplot warns about fitting a long horizontal one).
        let direction = oneColumn ? "vertical" : "horizontal"
        lines.append(
            "set key outside below center \(direction) Left reverse maxcols \(columns) samplen 2.5 spacing 1.1\(font)")
    }

    /// The plot command from its clauses (one per line, continued with backslashes).
    public mutating func plot(_ clauses: [String]) {
        lines.append("plot " + clauses.joined(separator: ", \\\n     "))
    }

    /// Small multiples: one panel per group of ``SeriesPanels`` over `series` (the figure's series
    /// ids), each drawing the clauses of its series plus `shared` (reference lines), with its own key
    /// below its plot area (outside the data). One panel is a plain `plot`. Several are a gnuplot
    /// multiplot in `columns` columns, on a canvas grown by panel (``FigureFormat/terminal(size:columns:rows:)``);
    /// the figure title goes above the panels, each panel is titled by its families.
    ///
    /// Panels share their axes: a first pass plots everything into a table (no picture) and
    /// fixes the ranges it found, so panels compare at a glance and none is degenerate.
    /// `titleExpression` replaces the figure title (a gnuplot string expression, e.g. with the frame's
    /// iteration in an animation).
    public mutating func plot(
        series: [String], clauses: [[String]], shared: [String] = [], titleExpression: String? = nil
    ) {
        let panels = SeriesPanels.group(series)
        guard panels.count > 1 else {
            plot(clauses.flatMap { $0 } + shared)
            return
        }
        lines.append("set table $ranges")
        lines.append("unset key")
        plot(clauses.flatMap { $0 } + shared)
        lines.append("unset table")
        lines.append("set xrange [GPVAL_X_MIN:GPVAL_X_MAX]")
        lines.append("set yrange [GPVAL_Y_MIN:GPVAL_Y_MAX]")
        let columns = size.columns(panels: panels.count)
        let rows = (panels.count + columns - 1) / columns
        if let terminal = lines.firstIndex(where: { $0.hasPrefix("set terminal") }) {
            lines[terminal] = format.terminal(size: size, columns: columns, rows: rows)
        }
        lines.removeAll { $0.hasPrefix("set title") && titleExpression == nil }
        let font = format.isLaTeX ? "" : " font ',\(size == .screen ? 12 : 9)'"
        let heading = titleExpression ?? GnuplotScript.titleExpression(title, format, width: 100)
        lines.append("set multiplot layout \(rows),\(columns) title \(heading)\(font)")
        for panel in panels {
            // Long ids share a prefix within a panel (`adam[lr=0.01,schedule=`): the panel title says it once.
            let entries = panel.series.map { keyEntries.indices.contains($0) ? keyEntries[$0] : "" }
            let prefix = GnuplotScript.sharedPrefix(entries)
            lines.append("set title \(text(prefix.isEmpty ? panel.title : prefix + "…"))")
            key(entries.map { String($0.dropFirst(prefix.count)) }, oneColumn: true)
            plot(
                panel.series.flatMap { index in
                    clauses[index].map { clause in
                        prefix.isEmpty
                            ? clause
                            : clause.replacingOccurrences(
                                of: "title " + text(entries[panel.series.firstIndex(of: index) ?? 0]),
                                with: "title "
                                    + text(
                                        "…" + entries[panel.series.firstIndex(of: index) ?? 0].dropFirst(prefix.count)))
                    }
                } + shared)
        }
        lines.append("unset multiplot")
    }

    public mutating func add(_ line: String) { lines.append(line) }

    /// The prefix that key entries longer than 40 characters share, cut after its last `[`, `,` or `=`
    /// (empty when the entries are short, fewer than two, or share no such prefix).
    static func sharedPrefix(_ entries: [String]) -> String {
        guard entries.count >= 2, (entries.map(\.count).max() ?? 0) > 40, var prefix = entries.first else { return "" }
        for entry in entries.dropFirst() {
            while !entry.hasPrefix(prefix) { prefix.removeLast() }
        }
        guard let cut = prefix.lastIndex(where: { $0 == "[" || $0 == "," || $0 == "=" }) else { return "" }
        return String(prefix[...cut])
    }

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

    /// The y axis for `values`: logarithmic when they span more than two decades
    /// (``FigureContext/spansDecades(_:)``), and widened where they are all equal
    /// (``widenDegenerateRange(_:values:logarithmic:)``).
    public mutating func scaleYAxis(for values: [Double]) {
        let logarithmic = FigureContext.spansDecades(values)
        if logarithmic { logAxis("y") }
        widenDegenerateRange("y", values: values, logarithmic: logarithmic)
    }

    /// A plain string literal for this format (titles, labels).
    public func text(_ text: String) -> String { GnuplotText.literal(text, format) }

    public var text: String { lines.joined(separator: "\n") + "\n" }
}
