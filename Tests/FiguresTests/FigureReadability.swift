import Figures
import Foundation

/// Whether a figure is readable, judged on its rendered SVG (``RenderedLayout``): gnuplot renders it
/// without a warning, every panel's key lies outside its plot area, a panel's key shows at most
/// ``SeriesPanels/maxSeries`` series besides the shared reference entries, and the key entry of every
/// optimizer of the run (a series drawn from a data block named by its id) has that optimizer's
/// colour and marker (``SeriesStyle``), the same in every figure of the run.
enum FigureReadability {
    /// Key entries every panel may repeat besides its series.
    static let shared = ["minimum", "slope 1 (κ)", "slope ½ (√κ)", "diverged"]

    /// The problems of every figure, rendered two at a time, in figure order.
    static func problems(_ figures: [Figure], in folder: URL, renderer: FigureRenderer, styles: [String: SeriesStyle])
        -> [String]
    {
        let found = Found(count: figures.count)
        DispatchQueue.concurrentPerform(iterations: figures.count) { index in
            let problems =
                (try? problems(figures[index], in: folder, renderer: renderer, styles: styles)) ?? [
                    "\(figures[index].stem): not written"
                ]
            found.set(index, problems)
        }
        return found.all
    }

    final class Found: @unchecked Sendable {
        private var lists: [[String]]
        private let lock = NSLock()
        init(count: Int) { lists = Array(repeating: [], count: count) }
        func set(_ index: Int, _ list: [String]) { lock.withLock { lists[index] = list } }
        var all: [String] { lock.withLock { lists.flatMap { $0 } } }
    }

    /// What is wrong with the figure (empty when readable); `styles` are the run's.
    static func problems(_ figure: Figure, in folder: URL, renderer: FigureRenderer, styles: [String: SeriesStyle])
        throws -> [String]
    {
        let layout: RenderedLayout
        do {
            layout = try RenderedLayout.render(figure, in: folder, renderer: renderer)
        } catch {
            return ["\(figure.stem): \(error)"]
        }
        return problems(figure, layout: layout, styles: styles)
    }

    static func problems(_ figure: Figure, layout: RenderedLayout, styles: [String: SeriesStyle]) -> [String] {
        var problems = layout.overlaps.map { "\(figure.stem): \($0)" }
        let plots = RenderedLayout.drawingPlots(figure.script)
        if plots.count != layout.panels.count {
            problems.append(
                "\(figure.stem): \(plots.count) plot commands, \(layout.panels.count) plot areas in the picture")
        }
        for (index, panel) in layout.panels.enumerated() {
            let series = panel.entries.filter { entry in !shared.contains { (entry.title ?? "").contains($0) } }
            if series.count > SeriesPanels.maxSeries {
                problems.append("\(figure.stem): panel \(index + 1) has \(series.count) series in its key")
            }
            guard plots.indices.contains(index) else { continue }
            let clauses = plots[index].dropFirst("plot ".count).components(separatedBy: ", ")
            let titled = clauses.filter { $0.contains(" title ") }.count
            if panel.entries.count != titled {
                problems.append(
                    "\(figure.stem): panel \(index + 1) shows \(panel.entries.count) key entries for "
                        + "\(titled) titled series")
            }
            for entry in panel.entries {
                guard let id = optimizerID(clauses: clauses, number: entry.number, figure: figure),
                    let style = styles[id]
                else { continue }
                if entry.color != style.color.uppercased() {
                    problems.append(
                        "\(figure.stem): \(id) drawn in \(entry.color ?? "no colour"), its colour is \(style.color)")
                }
                if let marker = entry.pointType, marker != style.pointType {
                    problems.append(
                        "\(figure.stem): \(id) marked with point type \(marker), its marker is \(style.pointType)")
                }
            }
        }
        return problems
    }

    /// The optimizer ids of the entries of `layout` that name one of `styles` (what the colour check covers).
    static func styledEntries(_ figure: Figure, layout: RenderedLayout, styles: [String: SeriesStyle]) -> [String] {
        let plots = RenderedLayout.drawingPlots(figure.script)
        return zip(plots, layout.panels).flatMap { plot, panel in
            panel.entries.compactMap { entry in
                optimizerID(
                    clauses: plot.dropFirst("plot ".count).components(separatedBy: ", "), number: entry.number,
                    figure: figure)
            }.filter { styles[$0] != nil }
        }
    }

    /// The data block a series reads (`'FILE' index I`, its `number`-th clause), when its comment is an id.
    static func optimizerID(clauses: [String], number: Int, figure: Figure) -> String? {
        // Clauses are split at ", " outside quotes: rejoin pieces until the quotes balance.
        var whole: [String] = []
        for piece in clauses {
            if let last = whole.last, last.filter({ $0 == "'" }).count % 2 == 1 {
                whole[whole.count - 1] += ", " + piece
            } else {
                whole.append(piece)
            }
        }
        guard whole.indices.contains(number - 1) else { return nil }
        let clause = whole[number - 1].trimmingCharacters(in: .whitespaces)
        guard clause.hasPrefix("'"), let close = clause.dropFirst().firstIndex(of: "'") else { return nil }
        let file = String(clause[clause.index(after: clause.startIndex)..<close])
        let rest = clause[clause.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard rest.hasPrefix("index "), let block = Int(rest.dropFirst(6).prefix { $0.isNumber }),
            let table = figure.data.first(where: { $0.fileName == file }), table.blocks.indices.contains(block)
        else { return nil }
        return table.blocks[block].comment
    }
}
