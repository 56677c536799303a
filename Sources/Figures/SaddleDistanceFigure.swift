import Analysis
import Foundation
import Results

/// Saddle escape against the start distance (the `saddles` suite's `start-distance` sweep, runs with
/// the `escaped` milestone on `double-well` at three or more distances): iterations to escape
/// against the distance on a log x axis, one series per optimizer — every escaped run as a dot and
/// the median per distance as a line — with each optimizer's fitted slope in the key
/// (``SaddleSweep``, iterations per decade of 1/distance). Plain GD's escape time rises by
/// 1/log₁₀(1 + η|λ_min|) per decade; gradient noise flattens the line.
public enum SaddleDistanceFigure {
    public static func figures(_ context: FigureContext, stems: inout FigureStem) -> [Figure] {
        let runs = SaddleSweep.runs(context.results, optimizer: "*")
        guard Set(runs.compactMap(SaddleSweep.distance)).count >= 3 else { return [] }
        let stem = stems.unique("saddle-escape-distance", "double-well")
        let optimizers = FigureContext.optimizers(runs)
        var blocks: [DataTable.Block] = []
        var labels: [String] = []
        var values: [Double] = []
        for id in optimizers {
            let mine = runs.filter { $0.optimizer.id == id }
            let escaped = mine.compactMap { run -> (Double, Double)? in
                guard let delta = SaddleSweep.distance(run),
                    let hit = run.milestones.first(where: { $0.name == "escaped" })?.hit
                else { return nil }
                return (delta, Double(hit.iteration))
            }
            values += escaped.map(\.1)
            let distances = Array(Set(escaped.map(\.0))).sorted()
            blocks.append(
                DataTable.Block(
                    comment: id + ": distance iterations (every escaped run)",
                    rows: escaped.sorted { $0 < $1 }.map { [$0.0, $0.1] }))
            blocks.append(
                DataTable.Block(
                    comment: id + ": distance median-iterations",
                    rows: distances.map { delta in
                        [delta, Median.of(escaped.filter { $0.0 == delta }.map(\.1))]
                    }))
            let slope = SaddleSweep.fit(mine).map { "slope \(String(format: "%.3g", $0.slope)) per decade" } ?? "no fit"
            labels.append("\(id) (\(escaped.count)/\(mine.count) escaped, \(slope))")
        }
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "iterations to the `escaped` milestone against the start distance on double-well",
                "two blocks per optimizer: every escaped run (distance iterations), then the median per distance",
            ],
            blocks: blocks)
        let title = "double-well: iterations to escape the saddle against the start distance"
        var script = GnuplotScript(
            kind: "saddle escape against distance", stem: stem, format: context.staticFormat, title: title,
            xLabel: "start distance from the saddle", yLabel: "iterations to escape", dataFiles: [data.fileName],
            keyEntries: labels, provenance: context.provenance, styles: context.styles(optimizers), size: context.size)
        script.logAxis("x")
        script.add("set xrange [*:*] reverse")
        script.widenDegenerateRange("y", values: values, logarithmic: false)
        script.plot(
            optimizers.indices.flatMap { index in
                [
                    "'\(data.fileName)' index \(2 * index) using 1:2 with points lt \(index + 1) pt 6 ps 0.5 notitle",
                    "'\(data.fileName)' index \(2 * index + 1) using 1:2 with linespoints lt \(index + 1) pt 7 ps 0.8 "
                        + "title \(script.text(labels[index]))",
                ]
            })
        return [
            Figure(
                kind: "saddle-escape-distance", stem: stem, format: context.staticFormat, title: title,
                script: script.text, data: [data])
        ]
    }
}
