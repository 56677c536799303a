import Analysis
import Results

/// Convergence: the gap f − f* (or ‖∇f‖ when f* is unknown) against iterations, gradient evaluations
/// and optimizer seconds, log y, one line per optimizer: the median over repetitions with the
/// interquartile band (``ConvergenceBand`` on a 60-point grid; values below 10⁻¹⁶ × the largest
/// initial value, such as the exact 0 after a Newton step, are drawn at that floor). One figure per problem and x axis;
/// the x axis is logarithmic when it spans more than two decades (always for seconds). The seconds
/// figure is drawn only when every trace point was timed. A dot marks where each median line ends
/// (the last run of the cell stopped there), so a method that finishes in one step still shows.
public enum ConvergenceFigure {
    public static let gridPoints = 60

    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        var figures: [Figure] = []
        let byProblem = Dictionary(grouping: context.results.records, by: \.problem.id)
        for problemID in byProblem.keys.sorted() {
            let runs = byProblem[problemID] ?? []
            guard runs.contains(where: { $0.trace.count > 1 }) else { continue }
            for axis in [CostMeasure.iterations, .gradientEvaluations, .seconds] {
                if axis == .seconds && !runs.allSatisfy({ $0.trace.allSatisfy { $0.seconds != nil } }) { continue }
                if let figure = figure(context, problemID: problemID, runs: runs, axis: axis, stems: &stems) {
                    figures.append(figure)
                }
            }
        }
        return figures
    }

    static func figure(
        _ context: FigureContext, problemID: String, runs: [RunRecord], axis: CostMeasure,
        stems: inout FigureStem
    ) -> Figure? {
        let format = context.staticFormat
        let quantity = ConvergenceBand.Quantity.best(for: runs)
        let xs = runs.flatMap { $0.trace.compactMap { axis.value($0) } }
        let logX = axis == .seconds || FigureContext.spansDecades(xs.filter { $0 > 0 } + [1])
        let grid = ConvergenceBand.grid(runs: runs, x: axis, count: gridPoints, logarithmic: logX)
        guard grid.count > 1 else { return nil }
        let optimizers = FigureContext.optimizers(runs)
        let stem = stems.unique("convergence-\(axis.rawValue)", problemID)
        let floor = 1e-16 * (runs.compactMap { $0.trace.first.flatMap(quantity.value) }.filter(\.isFinite).max() ?? 1)
        var blocks: [DataTable.Block] = []
        for id in optimizers {
            let band = ConvergenceBand(
                runs: runs.filter { $0.optimizer.id == id }, x: axis, quantity: quantity, grid: grid, floor: floor)
            guard band.median.contains(where: { $0 != nil }) else { continue }
            let rows = grid.indices.map {
                [grid[$0], band.median[$0], band.lowerQuartile[$0], band.upperQuartile[$0], Double(band.counts[$0])]
            }
            blocks.append(DataTable.Block(comment: id, rows: rows))
        }
        guard !blocks.isEmpty else { return nil }
        let ends = blocks.map { block in
            DataTable.Block(
                comment: "\(block.comment): end", rows: block.rows.last { $0[1] != nil }.map { [[$0[0], $0[1]]] } ?? [])
        }
        let yName = quantity == .gap ? "f − f*" : "‖∇f‖"
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "convergence of \(problemID): \(yName) against \(axis.label)",
                "blocks 0…\(blocks.count - 1): one per optimizer (in the order of the key); columns: \(axis.rawValue) "
                    + "median q1 q3 runs",
                "blocks \(blocks.count)…\(2 * blocks.count - 1): the last point of each median line; columns: "
                    + "\(axis.rawValue) median",
                "median and quartiles over repetitions, traces interpolated linearly in log y; a run holds its last "
                    + "value after it ends",
            ],
            blocks: blocks + ends)
        let title = "\(problemID): convergence in \(axis.label)" + (context.selection.map { " — \($0)" } ?? "")
        var script = GnuplotScript(
            kind: "convergence", stem: stem, format: format, title: title, xLabel: axis.label,
            yLabel: "\(yName) (median, interquartile band)", dataFiles: [data.fileName],
            keyEntries: blocks.map(\.comment),
            provenance: context.provenance,
            styles: context.styles(blocks.map(\.comment)), size: context.size)
        if logX { script.logAxis("x") }
        script.logAxis("y")
        script.widenDegenerateRange("y", values: blocks.flatMap { $0.rows.compactMap { $0[1] } }, logarithmic: true)
        script.add("set style fill transparent solid 0.18 noborder")
        let clauses = blocks.enumerated().map { index, block in
            [
                "'\(data.fileName)' index \(index) using 1:3:4 with filledcurves lt \(index + 1) notitle",
                "'\(data.fileName)' index \(index) using 1:2 with lines lt \(index + 1) title "
                    + "\(script.text(block.comment))",
                "'\(data.fileName)' index \(blocks.count + index) using 1:2 with points lt \(index + 1) pt 7 ps 1 "
                    + "notitle",
            ]
        }
        script.plot(series: blocks.map(\.comment), clauses: clauses)
        return Figure(kind: "convergence", stem: stem, format: format, title: title, script: script.text, data: [data])
    }
}
