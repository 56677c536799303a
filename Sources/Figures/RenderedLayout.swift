import Diagnostics
import Foundation

/// What a figure's picture shows, read back from gnuplot's SVG output: for each panel (each plot
/// that draws), the plot area's box and every series with its key entry (text and sample), colour
/// and marker. The plot area comes from gnuplot itself: a probe copy of the script prints
/// `GPVAL_TERM_XMIN…YMAX` (terminal units over `GPVAL_TERM_SCALE`) after each plot; the key from
/// the SVG, where each series is a group `gnuplot_plot_N<panel>` holding its key text (a
/// `translate(x,y)` text group with its font size) and, first in its first path, the key sample.
/// Text width is estimated at 0.6 em per character (DejaVu Sans averages about 0.55).
public struct RenderedLayout: Sendable {
    /// A box in SVG pixels, y downwards.
    public struct Box: Sendable, Equatable {
        public var left, right, top, bottom: Double

        /// True when the boxes share more than `tolerance` pixels in both directions.
        public func overlaps(_ other: Box, tolerance: Double = 1.5) -> Bool {
            min(right, other.right) - max(left, other.left) > tolerance
                && min(bottom, other.bottom) - max(top, other.top) > tolerance
        }

        func union(_ other: Box) -> Box {
            Box(
                left: min(left, other.left), right: max(right, other.right), top: min(top, other.top),
                bottom: max(bottom, other.bottom))
        }
    }

    /// One series as drawn: its number in its plot command (1-based, gnuplot's `gnuplot_plot_N`).
    public struct Series: Sendable, Equatable {
        public var number: Int
        /// The key text (nil for `notitle`).
        public var title: String?
        /// The key entry's box (text and sample), nil for `notitle`.
        public var key: Box?
        /// First stroke or point colour, `#RRGGBB`.
        public var color: String?
        /// gnuplot point type of its markers (nil when it draws none).
        public var pointType: Int?
    }

    public struct Panel: Sendable, Equatable {
        public var plotArea: Box
        public var series: [Series]

        /// The union of the key entries (nil without titled series).
        public var key: Box? {
            series.compactMap(\.key).reduce(nil as Box?) { union, box in union.map { $0.union(box) } ?? box }
        }

        /// Titled series.
        public var entries: [Series] { series.filter { $0.title != nil } }
    }

    public var panels: [Panel]

    /// Panels whose key box overlaps their plot area, described.
    public var overlaps: [String] {
        panels.enumerated().compactMap { index, panel in
            guard let key = panel.key, key.overlaps(panel.plotArea) else { return nil }
            return String(
                format: "panel %d: key [%.0f…%.0f]×[%.0f…%.0f] overlaps the plot area "
                    + "[%.0f…%.0f]×[%.0f…%.0f]",
                index + 1, key.left, key.right, key.top, key.bottom, panel.plotArea.left,
                panel.plotArea.right, panel.plotArea.top, panel.plotArea.bottom)
        }
    }

    public enum Failure: GdbenchError {
        case notSVG(String)
        case unreadable(String)
        public var message: String {
            switch self {
            case .notSVG(let stem): return "\(stem): the layout is read from SVG; build the figure with format svg"
            case .unreadable(let what): return "rendered layout: \(what)"
            }
        }
    }

    /// Renders `figure` (format svg) in the figures folder `folder` (``FigureScripts``: its data in
    /// `scripts/`) through a probe copy of its script, `scripts/STEM.layout.gp`, which writes the
    /// picture `svg/STEM.svg` and the plot areas `scripts/STEM.areas`, and reads the picture back.
    public static func render(_ figure: Figure, in folder: URL, renderer: FigureRenderer) throws -> RenderedLayout {
        guard figure.format == .svg else { throw Failure.notSVG(figure.stem) }
        let scripts = FigureScripts.scriptsFolderName
        let areasName = figure.stem + ".areas"
        let probe = Figure(
            kind: figure.kind, stem: figure.stem + ".layout", format: .svg, title: figure.title,
            script: "set loadpath '../\(scripts)'\n"
                + probeScript(figure.script, areasFile: "../\(scripts)/\(areasName)"),
            data: figure.data)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(scripts), withIntermediateDirectories: true)
        try probe.script.write(to: folder.appendingPathComponent(probe.scriptPath), atomically: true, encoding: .utf8)
        try renderer.render(probe, in: folder)
        let svg = try String(contentsOf: folder.appendingPathComponent(figure.outputFileName), encoding: .utf8)
        let areas = try String(contentsOf: folder.appendingPathComponent(scripts + "/" + areasName), encoding: .utf8)
        return try parse(svg: svg, areas: areas)
    }

    /// The plot statements of a script that draw (not those inside `set table … unset table`), in
    /// order, each with continuation lines joined.
    public static func drawingPlots(_ script: String) -> [String] {
        statements(script).filter { $0.drawing && $0.text.hasPrefix("plot ") }.map(\.text)
    }

    static func statements(_ script: String) -> [(text: String, drawing: Bool)] {
        var result: [(String, Bool)] = []
        var tabulating = false
        for statement in script.replacingOccurrences(of: "\\\n", with: "").split(separator: "\n").map(String.init) {
            if statement.hasPrefix("set table") { tabulating = true }
            if statement.hasPrefix("unset table") { tabulating = false }
            result.append((statement, !tabulating))
        }
        return result
    }

    /// The script with `set print` to `areasFile` and one line of plot-area bounds after each drawing plot.
    static func probeScript(_ script: String, areasFile: String) -> String {
        var lines = ["set print '\(areasFile)'"]
        for statement in statements(script) {
            lines.append(statement.text)
            if statement.drawing && (statement.text.hasPrefix("plot ") || statement.text.hasPrefix("splot ")) {
                lines.append(
                    "print sprintf('%g %g %g %g %g %g %g', GPVAL_TERM_XMIN, GPVAL_TERM_XMAX, GPVAL_TERM_YMIN, "
                        + "GPVAL_TERM_YMAX, GPVAL_TERM_XSIZE, GPVAL_TERM_YSIZE, GPVAL_TERM_SCALE)")
            }
        }
        lines.append("set print")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the SVG text and the probe's plot-area lines.
    public static func parse(svg: String, areas: String) throws -> RenderedLayout {
        guard let width = attribute("width", in: svg), let height = attribute("height", in: svg) else {
            throw Failure.unreadable("no width and height on the svg element")
        }
        var plotAreas: [Box] = []
        for line in areas.split(separator: "\n") {
            let v = line.split(separator: " ").compactMap { Double($0) }
            guard v.count == 7, v[4] > 0, v[5] > 0 else { throw Failure.unreadable("plot-area line '\(line)'") }
            let sx = width / (v[4] / v[6]), sy = height / (v[5] / v[6])
            plotAreas.append(
                Box(
                    left: v[0] * sx, right: v[1] * sx, top: height - v[3] * sy,
                    bottom: height - v[2] * sy))
        }
        var series: [String: [Series]] = [:]
        var panelOrder: [String] = []
        let groups = svg.components(separatedBy: "<g id=\"gnuplot_plot_").dropFirst()
        for group in groups {
            let id = String(group.prefix { $0 != "\"" })
            let digits = id.prefix { $0.isNumber }
            guard let number = Int(digits) else { continue }
            let panel = String(id.dropFirst(digits.count))
            if !panelOrder.contains(panel) { panelOrder.append(panel) }
            series[panel, default: []].append(parseSeries(number: number, group: closed(String(group))))
        }
        // A single plot has no panel letter; a multiplot's panels are a, b, … in drawing order. A panel
        // without any series (nothing drawn) has no group: panels are matched to areas only when they pair.
        let panels = plotAreas.enumerated().map { index, area in
            Panel(plotArea: area, series: panelOrder.count == plotAreas.count ? series[panelOrder[index]] ?? [] : [])
        }
        if panelOrder.count != plotAreas.count && !panelOrder.isEmpty {
            throw Failure.unreadable("\(panelOrder.count) panels of series for \(plotAreas.count) plot areas")
        }
        return RenderedLayout(panels: panels)
    }

    static func parseSeries(number: Int, group: String) -> Series {
        let titled = group.range(of: "<title>").flatMap { start in
            group.range(of: "</title>", range: start.upperBound..<group.endIndex).map {
                String(group[start.upperBound..<$0.lowerBound])
            }
        }
        var result = Series(number: number, title: nil, key: nil, color: nil, pointType: nil)
        // The key text: the first text group (gnuplot writes the entry before the data).
        if let textStart = group.range(of: "<g transform=\"translate("), let tspan = group.range(of: "</tspan>"),
            textStart.lowerBound < tspan.lowerBound,
            let point = numbers(String(group[textStart.upperBound...].prefix { $0 != ")" })).pairs.first
        {
            let header = String(group[textStart.upperBound..<tspan.lowerBound])
            let size = attribute("font-size", in: header) ?? 11
            let anchor = quoted("text-anchor", in: header) ?? "start"
            let text = decode(titled ?? "")
            let width = 0.6 * size * Double(text.count)
            let left = anchor == "end" ? point.0 - width : anchor == "middle" ? point.0 - width / 2 : point.0
            var box = Box(left: left, right: left + width, top: point.1 - 0.9 * size, bottom: point.1 + 0.25 * size)
            // The sample: the first sub-path of the first path after the text, when level with it.
            let rest = group[tspan.upperBound...]
            if let path = rest.range(of: " d='M") {
                let first = String(rest[path.upperBound...].prefix { $0 != "M" && $0 != "'" })
                let pairs = numbers(first.replacingOccurrences(of: "L", with: " ")).pairs
                let level = abs(pairs.first.map { $0.1 - (point.1 - 0.33 * size) } ?? .infinity) < size
                if pairs.count == 2, abs(pairs[0].1 - pairs[1].1) < 0.5, level {
                    box = box.union(
                        Box(
                            left: min(pairs[0].0, pairs[1].0), right: max(pairs[0].0, pairs[1].0),
                            top: pairs[0].1 - 1, bottom: pairs[0].1 + 1))
                }
            }
            result.title = text
            result.key = box
        }
        if let stroke = group.range(of: "stroke='rgb(") ?? group.range(of: "color='rgb(") {
            let values = numbers(String(group[stroke.upperBound...].prefix { $0 != ")" })).values
            if values.count == 3 { result.color = "#" + values.map { String(format: "%02X", Int($0)) }.joined() }
        }
        // A point's marker (gnuplot draws a white backing point behind error-bar points: not it).
        let uses = group.components(separatedBy: "<use xlink:href='#gpPt").dropFirst()
        if let use = uses.first(where: { $0.prefix(while: { $0 != ">" }).contains("color='rgb(") }) {
            result.pointType = Int(use.prefix { $0.isNumber }).map { $0 + 1 }
        }
        return result
    }

    /// The text of a group up to its closing `</g>` (the text after `<g id="…` of its opening tag).
    static func closed(_ group: String) -> String {
        var depth = 1
        var index = group.startIndex
        while let next = group.range(of: "<", range: index..<group.endIndex) {
            let tag = group[next.upperBound...]
            if tag.hasPrefix("/g>") {
                depth -= 1
                if depth == 0 { return String(group[..<next.lowerBound]) }
            } else if tag.hasPrefix("g ") || tag.hasPrefix("g>") {
                depth += 1
            }
            index = next.upperBound
        }
        return group
    }

    static func numbers(_ text: String) -> (values: [Double], pairs: [(Double, Double)]) {
        let values = text.split(whereSeparator: { " ,\t\n".contains($0) }).compactMap { Double($0) }
        return (values, stride(from: 0, to: values.count - 1, by: 2).map { (values[$0], values[$0 + 1]) })
    }

    static func quoted(_ name: String, in text: String) -> String? {
        guard let start = text.range(of: " \(name)=\"") else { return nil }
        return String(text[start.upperBound...].prefix { $0 != "\"" })
    }

    static func attribute(_ name: String, in text: String) -> Double? {
        quoted(name, in: text).flatMap { Double($0.prefix { $0.isNumber || $0 == "." }) }
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
