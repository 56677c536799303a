import Analysis
import Results

/// The figures of training runs (records whose trace has held-out losses, i.e. neural networks):
///
/// - `training-curves`: training loss (solid) and held-out loss (dashed) against epochs, one colour
///   per optimizer, the median over repetitions with its interquartile band; each run's trace is
///   interpolated linearly in epochs on a 40-point grid and holds its last value after it ends.
/// - `generalisation-gap`: the final held-out loss minus the final training loss per optimizer
///   (one colour each, named in the key), median with interquartile bars, one figure per problem.
/// - `sharpness-batch-size`: the final sharpness (largest Hessian eigenvalue, suite key
///   `sharpness`) against the batch size, median with interquartile bars, one line per optimizer,
///   for a problem family run at two or more batch sizes.
public enum TrainingFigure {
    static let gridPoints = 40

    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        let trained = context.results.records.filter { $0.trace.contains { $0.heldOutLoss != nil } }
        var figures: [Figure] = []
        let byProblem = Dictionary(grouping: trained, by: \.problem.id)
        for problemID in byProblem.keys.sorted() {
            let runs = byProblem[problemID] ?? []
            if let figure = curves(context, problemID: problemID, runs: runs, stems: &stems) { figures.append(figure) }
            if let figure = gap(context, problemID: problemID, runs: runs, stems: &stems) { figures.append(figure) }
        }
        let withSharpness = trained.filter { $0.final.sharpness != nil }
        let families = Dictionary(grouping: withSharpness, by: BatchSizeFigure.family)
        for family in families.keys.sorted() {
            if let figure = sharpness(context, family: family, runs: families[family] ?? [], stems: &stems) {
                figures.append(figure)
            }
        }
        return figures
    }

    /// Median and quartiles of `values` (non-finite values dropped), nil when none is left.
    static func spread(_ values: [Double]) -> (median: Double, lower: Double, upper: Double)? {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return nil }
        return (Median.of(finite), Quantiles.quantile(finite, 0.25), Quantiles.quantile(finite, 0.75))
    }

    /// y of a trace at epoch x: linear between trace points, the last value after the end, nil before the start.
    static func interpolate(_ trace: [TracePoint], at x: Double, _ y: @Sendable (TracePoint) -> Double?) -> Double? {
        let points = trace.compactMap { point -> (Double, Double)? in
            guard let epochs = point.epochs, let value = y(point), value.isFinite else { return nil }
            return (epochs, value)
        }
        guard let first = points.first, x >= first.0, let last = points.last else { return nil }
        if x >= last.0 { return last.1 }
        let upper = points.firstIndex { $0.0 >= x } ?? points.count - 1
        let (x1, y1) = points[upper]
        guard upper > 0 else { return y1 }
        let (x0, y0) = points[upper - 1]
        return x1 > x0 ? y0 + (y1 - y0) * (x - x0) / (x1 - x0) : y1
    }

    static func curves(_ context: FigureContext, problemID: String, runs: [RunRecord], stems: inout FigureStem)
        -> Figure?
    {
        let end = runs.compactMap { $0.trace.last?.epochs }.max() ?? 0
        guard end > 0 else { return nil }
        let grid = (0..<gridPoints).map { end * Double($0) / Double(gridPoints - 1) }
        let optimizers = FigureContext.optimizers(runs)
        var blocks: [DataTable.Block] = []
        var values: [Double] = []
        let quantities: [(String, @Sendable (TracePoint) -> Double?)] = [
            ("training", { $0.value }), ("held-out", { $0.heldOutLoss }),
        ]
        for (name, quantity) in quantities {
            for id in optimizers {
                let cell = runs.filter { $0.optimizer.id == id }
                let rows: [[Double?]] = grid.map { x in
                    guard let s = spread(cell.compactMap { interpolate($0.trace, at: x, quantity) }) else {
                        return [x, nil, nil, nil]
                    }
                    values.append(s.median)
                    return [x, s.median, s.lower, s.upper]
                }
                blocks.append(DataTable.Block(comment: "\(id) \(name)", rows: rows))
            }
        }
        guard values.contains(where: { $0 > 0 }) else { return nil }
        let format = context.staticFormat
        let stem = stems.unique("training-curves", problemID)
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "training and held-out loss of \(problemID) against epochs",
                "blocks 0…\(optimizers.count - 1): training loss per optimizer; blocks \(optimizers.count)…: held-out "
                    + "loss",
                "columns: epochs median q1 q3 over repetitions (traces interpolated linearly in epochs)",
            ],
            blocks: blocks)
        let title = "\(problemID): training (solid) and held-out (dashed) loss"
        var script = GnuplotScript(
            kind: "training curves", stem: stem, format: format, title: title, xLabel: "epochs",
            yLabel: "loss (median, interquartile band)", dataFiles: [data.fileName], keyEntries: optimizers,
            provenance: context.provenance, styles: context.styles(optimizers), size: context.size)
        script.scaleYAxis(for: values)
        script.add("set style fill transparent solid 0.15 noborder")
        var plots: [String] = []
        for (index, id) in optimizers.enumerated() {
            let heldOut = optimizers.count + index
            plots.append("'\(data.fileName)' index \(index) using 1:3:4 with filledcurves lt \(index + 1) notitle")
            plots.append(
                "'\(data.fileName)' index \(index) using 1:2 with lines lt \(index + 1) title \(script.text(id))")
            plots.append("'\(data.fileName)' index \(heldOut) using 1:3:4 with filledcurves lt \(index + 1) notitle")
            plots.append("'\(data.fileName)' index \(heldOut) using 1:2 with lines lt \(index + 1) dt 2 notitle")
        }
        script.plot(plots)
        return Figure(
            kind: "training-curves", stem: stem, format: format, title: title, script: script.text, data: [data])
    }

    static func gap(_ context: FigureContext, problemID: String, runs: [RunRecord], stems: inout FigureStem) -> Figure?
    {
        let optimizers = FigureContext.optimizers(runs)
        var values: [Double] = []
        let blocks = optimizers.enumerated().compactMap { index, id -> DataTable.Block? in
            let gaps = runs.filter { $0.optimizer.id == id }.compactMap { run in
                run.final.heldOutLoss.map { $0 - run.final.value }
            }
            guard let s = spread(gaps) else { return nil }
            values.append(s.median)
            return DataTable.Block(comment: id, rows: [[Double(index), s.median, s.lower, s.upper]])
        }
        guard !blocks.isEmpty else { return nil }
        return quartileSeries(
            context, kind: "generalisation-gap", scriptKind: "generalisation gap",
            stem: stems.unique("generalisation-gap", problemID),
            title: "\(problemID): generalisation gap per optimizer",
            header: [
                "final held-out loss − final training loss on \(problemID), one block per optimizer",
                "columns: optimizer_index median q1 q3 over repetitions",
            ],
            blocks: blocks, values: values, xLabel: "optimizer",
            yLabel: "held-out − training loss (median, quartiles)",
            axis: [
                "set xtics 1 format ''",
                "set xrange [-0.5:\(DataTable.number(Double(optimizers.count) - 0.5))]",
            ],
            style: "yerrorbars")
    }

    static func sharpness(_ context: FigureContext, family: String, runs: [RunRecord], stems: inout FigureStem)
        -> Figure?
    {
        let sizes = Array(Set(runs.compactMap(BatchSizeFigure.batch))).sorted()
        guard sizes.count >= 2 else { return nil }
        let optimizers = FigureContext.optimizers(runs)
        var values: [Double] = []
        let blocks = optimizers.map { id in
            DataTable.Block(
                comment: id,
                rows: sizes.map { size in
                    let s = spread(
                        runs.filter { $0.optimizer.id == id && BatchSizeFigure.batch($0) == size }.compactMap(
                            \.final.sharpness))
                    if let s { values.append(s.median) }
                    return [size, s?.median, s?.lower, s?.upper]
                })
        }.filter { $0.rows.contains { $0[1] != nil } }
        guard !blocks.isEmpty else { return nil }
        return quartileSeries(
            context, kind: "sharpness-batch-size", scriptKind: "sharpness",
            stem: stems.unique("sharpness-batch-size", family),
            title: "\(family): sharpness against batch size",
            header: [
                "final sharpness (largest Hessian eigenvalue) against batch size on \(family)",
                "one block per optimizer; columns: batch_size median q1 q3 over repetitions",
            ],
            blocks: blocks, values: values, xLabel: "batch size",
            yLabel: "largest Hessian eigenvalue at the end (median, quartiles)",
            axis: [
                "set logscale x 2", "set format x '%g'",
                "set xrange [\(DataTable.number((sizes.first ?? 1) / 1.25)):"
                    + "\(DataTable.number((sizes.last ?? 2) * 1.25))]",
            ],
            style: "yerrorlines")
    }

    /// A figure of one series per optimizer, each a ``DataTable/Block`` of rows (x, median, q1, q3): the data
    /// file with `header`, the script's `axis` lines, the y range widened around `values`, and each block
    /// drawn `style` (`yerrorbars` or `yerrorlines`) in its optimizer's colour, named in the key.
    static func quartileSeries(
        _ context: FigureContext, kind: String, scriptKind: String, stem: String, title: String, header: [String],
        blocks: [DataTable.Block], values: [Double], xLabel: String, yLabel: String, axis: [String], style: String
    ) -> Figure {
        let format = context.staticFormat
        let data = DataTable(fileName: stem + ".dat", header: header, blocks: blocks)
        var script = GnuplotScript(
            kind: scriptKind, stem: stem, format: format, title: title, xLabel: xLabel, yLabel: yLabel,
            dataFiles: [data.fileName], keyEntries: blocks.map(\.comment), provenance: context.provenance,
            styles: context.styles(blocks.map(\.comment)), size: context.size)
        for line in axis { script.add(line) }
        script.widenDegenerateRange("y", values: values, logarithmic: false)
        script.plot(
            blocks.indices.map { index in
                "'\(data.fileName)' index \(index) using 1:2:3:4 with \(style) lt \(index + 1) "
                    + "title \(script.text(blocks[index].comment))"
            })
        return Figure(kind: kind, stem: stem, format: format, title: title, script: script.text, data: [data])
    }
}
