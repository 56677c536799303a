import Analysis
import Results

/// Learning-rate schedules: the lr the method used at each traced step (the trace's lr column)
/// against the step, lines through the traced steps (marked: the trace is log-spaced, so the lr between
/// marks is not shown), one line per optimizer that has a schedule, from its first problem and lowest
/// repetition (a schedule does not depend on the problem). The lr axis is logarithmic when the values
/// span more than two decades. One figure per suite.
public enum ScheduleFigure {
    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        let scheduled = context.results.records.filter { $0.optimizer.schedule != nil }
        let optimizers = FigureContext.optimizers(scheduled)
        var blocks: [DataTable.Block] = []
        var values: [Double] = []
        for id in optimizers {
            let runs = scheduled.filter { $0.optimizer.id == id }
            guard let run = runs.min(by: { ($0.problem.id, $0.repetition) < ($1.problem.id, $1.repetition) }) else {
                continue
            }
            let rows = run.trace.compactMap { point in
                point.learningRate.map { [Double(point.iteration), $0] as [Double?] }
            }
            values += rows.compactMap { $0[1] }
            if !rows.isEmpty { blocks.append(DataTable.Block(comment: id, rows: rows)) }
        }
        guard !values.isEmpty else { return [] }
        let format = context.staticFormat
        let stem = stems.unique("schedules", context.results.records.first?.suite ?? "")
        let data = DataTable(
            fileName: stem + ".dat",
            header: ["learning rate against step", "one block per optimizer; columns: step lr"], blocks: blocks)
        let title = "learning-rate schedules"
        var script = GnuplotScript(
            kind: "schedules", stem: stem, format: format, title: title, xLabel: "step (iteration)",
            yLabel: "learning rate η", dataFiles: [data.fileName], keyEntries: blocks.map(\.comment),
            provenance: context.provenance,
            styles: context.styles(blocks.map(\.comment)), size: context.size)
        script.scaleYAxis(for: values)
        script.plot(
            series: blocks.map(\.comment),
            clauses: blocks.indices.map { index in
                [
                    "'\(data.fileName)' index \(index) using 1:2 with linespoints lt \(index + 1) ps 0.5 title "
                        + "\(script.text(blocks[index].comment))"
                ]
            })
        return [Figure(kind: "schedules", stem: stem, format: format, title: title, script: script.text, data: [data])]
    }
}
