import Analysis
import Results

/// Saddle escape: the distribution over repetitions of the iteration at which each optimizer first
/// reached the `escaped` milestone (f ≤ saddle value − margin), as box plots (median, quartiles,
/// whiskers to 1.5 IQR, outliers as dots) with the individual runs overlaid; the key and x labels
/// state how many runs escaped. Log y when the values span more than two decades. One figure per
/// problem that has the milestone.
public enum SaddleEscapeFigure {
    public static let milestone = "escaped"

    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        let runs = context.results.records.filter { $0.milestones.contains { $0.name == milestone } }
        return Array(Set(runs.map(\.problem.id))).sorted().map { problemID in
            figure(context, problemID: problemID, runs: runs.filter { $0.problem.id == problemID }, stems: &stems)
        }
    }

    static func figure(_ context: FigureContext, problemID: String, runs: [RunRecord], stems: inout FigureStem)
        -> Figure
    {
        let format = context.staticFormat
        let stem = stems.unique("saddle-escape", problemID)
        let optimizers = FigureContext.optimizers(runs)
        var blocks: [DataTable.Block] = []
        var labels: [String] = []
        var values: [Double] = []
        for (index, id) in optimizers.enumerated() {
            let mine = runs.filter { $0.optimizer.id == id }
            let escapes = mine.compactMap { run in
                run.milestones.first { $0.name == milestone }?.hit.map { Double($0.iteration) }
            }
            values += escapes
            blocks.append(DataTable.Block(comment: id, rows: escapes.sorted().map { [Double(index + 1), $0] }))
            labels.append("\(id) (\(escapes.count)/\(mine.count) escaped)")
        }
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "iterations to the `escaped` milestone on \(problemID)",
                "one block per optimizer; columns: position iterations (one row per escaped run)",
            ],
            blocks: blocks)
        let title = "\(problemID): iterations to escape the saddle"
        var script = GnuplotScript(
            kind: "saddle escape", stem: stem, format: format, title: title, xLabel: "optimizer",
            yLabel: "iterations to escape", dataFiles: [data.fileName], keyEntries: labels,
            provenance: context.provenance,
            styles: context.styles(optimizers), size: context.size)
        script.scaleYAxis(for: values)
        script.add("set style boxplot outliers pointtype 7")
        script.add("set style fill solid 0.25 border")
        script.add("set boxwidth 0.5")
        script.add("set xrange [0.4:\(DataTable.number(Double(optimizers.count) + 0.6))]")
        script.add(
            "set xtics ("
                + optimizers.indices.map { "\(script.text(optimizers[$0])) \($0 + 1)" }.joined(separator: ", ")
                + ") rotate by -20 left")
        var plots: [String] = []
        for index in optimizers.indices {
            guard !blocks[index].rows.isEmpty else {
                plots.append("NaN with boxes lt \(index + 1) title \(script.text(labels[index]))")
                continue
            }
            plots.append(
                "'\(data.fileName)' index \(index) using 1:2 with boxplot lt \(index + 1) title "
                    + "\(script.text(labels[index]))")
            plots.append("'\(data.fileName)' index \(index) using 1:2 with points lt \(index + 1) pt 6 ps 0.7 notitle")
        }
        script.plot(plots)
        return Figure(
            kind: "saddle-escape", stem: stem, format: format, title: title, script: script.text, data: [data])
    }
}
