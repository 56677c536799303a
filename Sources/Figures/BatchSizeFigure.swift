import Analysis
import Results

/// Batch size: iterations and epochs (passes over the data) to the last target against the batch
/// size, log–log, one line per optimizer, the median over repetitions with failures counted as +∞
/// (a median failure leaves a gap). A full-batch run counts at batch size n. One pair of figures per
/// problem family (the problem without its batch size) with at least two batch sizes.
public enum BatchSizeFigure {
    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        let records = context.results.records.filter { $0.problem.batchSize != nil || $0.problem.sampleCount != nil }
        let target = max(context.results.thresholds.count - 1, 0)
        let families = Dictionary(grouping: records, by: family)
        var figures: [Figure] = []
        for name in families.keys.sorted() {
            let runs = families[name] ?? []
            let sizes = Array(Set(runs.compactMap(batch))).sorted()
            guard sizes.count >= 2 else { continue }
            for measure in [Measure.iterations, .epochs] {
                if let figure = figure(
                    context, family: name, runs: runs, sizes: sizes, target: target, measure: measure, stems: &stems)
                {
                    figures.append(figure)
                }
            }
        }
        return figures
    }

    enum Measure: String {
        case iterations, epochs

        func value(_ checkpoint: Checkpoint) -> Double? {
            self == .iterations ? Double(checkpoint.iteration) : checkpoint.epochs
        }
    }

    static func batch(_ record: RunRecord) -> Double? {
        (record.problem.batchSize ?? record.problem.sampleCount).map(Double.init)
    }

    static func family(_ record: RunRecord) -> String {
        let parameters = record.problem.parameters.keys.sorted().map { "\($0)=\(record.problem.parameters[$0] ?? "")" }
        return record.problem.kind + (parameters.isEmpty ? "" : "[" + parameters.joined(separator: ",") + "]")
            + (record.problem.gradientNoise != 0 ? " noise=\(record.problem.gradientNoise)" : "")
    }

    static func figure(
        _ context: FigureContext, family: String, runs: [RunRecord], sizes: [Double], target: Int, measure: Measure,
        stems: inout FigureStem
    ) -> Figure? {
        let format = context.staticFormat
        let stem = stems.unique("batch-size-\(measure.rawValue)", family)
        let optimizers = FigureContext.optimizers(runs)
        var values: [Double] = []
        let allBlocks = optimizers.map { id in
            DataTable.Block(
                comment: id,
                rows: sizes.map { size in
                    let costs = runs.filter { $0.optimizer.id == id && batch($0) == size }.map { run -> Double in
                        guard run.targets.ladder.indices.contains(target), let hit = run.targets.ladder[target].hit
                        else { return .infinity }
                        return measure.value(hit) ?? .infinity
                    }
                    let median = costs.isEmpty ? Double.nan : Median.of(costs)
                    if median.isFinite { values.append(median) }
                    return [size, median.isFinite ? median : nil]
                })
        }
        let blocks = allBlocks.filter { $0.rows.contains { $0[1] != nil } }
        guard !blocks.isEmpty else { return nil }
        let threshold = context.results.thresholds.indices.contains(target) ? context.results.thresholds[target] : .nan
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "\(measure.rawValue) to target \(DataTable.number(threshold)) against batch size on \(family)",
                "one block per optimizer; columns: batch_size median_\(measure.rawValue) (? where the median run "
                    + "missed the target)",
            ],
            blocks: blocks)
        let title = "\(family): \(measure.rawValue) to target against batch size"
        var script = GnuplotScript(
            kind: "batch size", stem: stem, format: format, title: title, xLabel: "batch size",
            yLabel: "\(measure.rawValue) to target (median)", dataFiles: [data.fileName],
            keyEntries: blocks.map(\.comment),
            provenance: context.provenance,
            styles: context.styles(blocks.map(\.comment)), size: context.size)
        script.add("set logscale x 2")
        script.add("set format x '%g'")
        // Every batch size of the family keeps its place on the axis, even where no median reached the target.
        script.add(
            "set xrange [\(DataTable.number((sizes.first ?? 1) / 1.25)):\(DataTable.number((sizes.last ?? 2) * 1.25))]")
        script.add("set offsets 0, 0, graph 0.05, graph 0.05")
        script.scaleYAxis(for: values)
        script.plot(
            series: blocks.map(\.comment),
            clauses: blocks.indices.map { index in
                [
                    "'\(data.fileName)' index \(index) using 1:2 with linespoints lt \(index + 1) title "
                        + "\(script.text(blocks[index].comment))"
                ]
            })
        return Figure(kind: "batch-size", stem: stem, format: format, title: title, script: script.text, data: [data])
    }
}
