import Analysis
import Foundation
import Results

/// Where runs end on multimodal problems (records with `final.basin`): per problem, the share of each
/// optimizer's runs in each basin (stacked bars: the known minimisers most often reached, the rest of
/// the known minimisers together, and `other`, near none), the global minimisers' share named in the
/// key; and for 2-D problems whose run directory holds a contour grid, the start points on the
/// contour plot coloured by the basin the run ended in, one panel per optimizer (at most
/// ``maximumPanels``, in id order).
public enum BasinFigure {
    /// Basins drawn with their own colour; the rest are pooled as "other known minima".
    public static let namedBasins = 6
    public static let maximumPanels = 8
    static let levelCount = 12

    public static func figures(_ context: FigureContext, stems: inout FigureStem) throws -> [Figure] {
        let runs = context.results.records.filter { $0.final.basin != nil }
        var figures: [Figure] = []
        for problemID in Array(Set(runs.map(\.problem.id))).sorted() {
            let mine = runs.filter { $0.problem.id == problemID }
            let categories = categories(mine)
            figures.append(shares(context, problemID: problemID, runs: mine, categories: categories, stems: &stems))
            if let directory = context.results.directory, mine.allSatisfy({ $0.final.basin?.start?.count == 2 }),
                let grid = try ContourGridFile.read(problemID: problemID, in: directory)
            {
                figures.append(
                    starts(context, problemID: problemID, runs: mine, categories: categories, grid: grid, stems: &stems)
                )
            }
        }
        return figures
    }

    /// The basins in colour order: global ones first, then by how many runs end there (ties by name),
    /// the first ``namedBasins`` named, then "other known minima" and "other" when present.
    static func categories(_ runs: [RunRecord]) -> [String] {
        var counts: [String: (count: Int, global: Bool)] = [:]
        for run in runs {
            guard let basin = run.final.basin, basin.name != "other" else { continue }
            counts[basin.name, default: (0, basin.isGlobal)].count += 1
        }
        let ordered = counts.sorted { a, b in
            a.value.global != b.value.global
                ? a.value.global : a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key
        }.map(\.key)
        var names = Array(ordered.prefix(namedBasins))
        if ordered.count > namedBasins { names.append(pooled) }
        if runs.contains(where: { $0.final.basin?.name == "other" }) { names.append("other") }
        return names
    }

    static let pooled = "other known minima"

    static func category(_ run: RunRecord, _ categories: [String]) -> Int {
        let name = run.final.basin?.name ?? "other"
        return categories.firstIndex(of: name) ?? categories.firstIndex(of: pooled) ?? 0
    }

    static func label(_ name: String, _ runs: [RunRecord]) -> String {
        runs.contains { $0.final.basin?.name == name && $0.final.basin?.isGlobal == true } ? name + " (global)" : name
    }

    static func shares(
        _ context: FigureContext, problemID: String, runs: [RunRecord], categories: [String],
        stems: inout FigureStem
    ) -> Figure {
        let stem = stems.unique("basins", problemID)
        let optimizers = FigureContext.optimizers(runs)
        let rows = optimizers.enumerated().map { index, id -> [Double] in
            let mine = runs.filter { $0.optimizer.id == id }
            var shares = [Double](repeating: 0, count: categories.count)
            for run in mine { shares[category(run, categories)] += 1 / Double(mine.count) }
            return [Double(index + 1)] + shares
        }
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "share of runs per basin on \(problemID) (known minimiser within 1e-2 of the final iterate)",
                "columns: position then one share per basin: " + categories.joined(separator: " | "),
            ],
            blocks: [
                DataTable.Block(comment: "one row per optimizer: " + optimizers.joined(separator: " | "), rows: rows)
            ])
        let labels = categories.map { label($0, runs) }
        let title = "\(problemID): where the runs end (share per basin)"
        var script = GnuplotScript(
            kind: "basins", stem: stem, format: context.staticFormat, title: title, xLabel: "optimizer",
            yLabel: "share of runs", dataFiles: [data.fileName], keyEntries: labels, provenance: context.provenance,
            size: context.size)
        script.add("set style data histograms")
        script.add("set style histogram rowstacked")
        script.add("set style fill solid 0.8 border rgb '#ffffff'")
        script.add("set boxwidth 0.7")
        script.add("set yrange [0:1]")
        // Long ids (a wrapper's inner settings) are cut to 28 characters so the tick labels fit; the
        // data file's comment has them whole.
        let ticks = optimizers.map { $0.count > 28 ? String($0.prefix(27)) + "…" : $0 }
        script.add(
            "set xtics (" + ticks.indices.map { "\(script.text(ticks[$0])) \($0)" }.joined(separator: ", ")
                + ") rotate by -20 left")
        script.plot(
            categories.indices.map { index in
                "'\(data.fileName)' using \(index + 2) lt \(index + 1) title \(script.text(labels[index]))"
            })
        return Figure(
            kind: "basins", stem: stem, format: context.staticFormat, title: title, script: script.text, data: [data])
    }

    static func starts(
        _ context: FigureContext, problemID: String, runs: [RunRecord], categories: [String],
        grid: ContourGridFile, stems: inout FigureStem
    ) -> Figure {
        let stem = stems.unique("basin-starts", problemID)
        let optimizers = Array(FigureContext.optimizers(runs).prefix(maximumPanels))
        let gridData = DataTable.contours(grid, of: problemID, fileName: stem + "-grid.dat")
        let xRange = (grid.xs.min() ?? -1)...(grid.xs.max() ?? 1), yRange = (grid.ys.min() ?? -1)...(grid.ys.max() ?? 1)
        var outside = 0
        let blocks = optimizers.map { id -> DataTable.Block in
            let rows = runs.filter { $0.optimizer.id == id }.sorted { $0.repetition < $1.repetition }.compactMap {
                run -> [Double]? in
                guard let start = run.final.basin?.start, start.count == 2 else { return nil }
                guard xRange.contains(start[0]), yRange.contains(start[1]) else {
                    outside += 1
                    return nil
                }
                return [start[0], start[1], Double(category(run, categories) + 1)]
            }
            return DataTable.Block(comment: id, rows: rows)
        }
        let data = DataTable(
            fileName: stem + ".dat",
            header: [
                "start points on \(problemID) and the basin each run ended in",
                "one block per optimizer: x y basin (1-based: " + categories.joined(separator: " | ") + ")",
            ],
            blocks: blocks)
        let finite = grid.values.flatMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let levels = (0..<levelCount).map { low + (high - low) * pow(10, -3 + 3 * Double($0) / Double(levelCount - 1)) }
        let labels = categories.map { label($0, runs) }
        let title =
            "\(problemID): start points coloured by the basin the run ended in"
            + (outside > 0 ? " (\(outside) starts outside the view)" : "")
        var script = GnuplotScript(
            kind: "basin starts", stem: stem, format: context.staticFormat, title: title, xLabel: "x₁", yLabel: "x₂",
            dataFiles: [gridData.fileName, data.fileName], keyEntries: labels, provenance: context.provenance,
            size: context.size)
        script.add("set xrange [\(DataTable.number(xRange.lowerBound)):\(DataTable.number(xRange.upperBound))]")
        script.add("set yrange [\(DataTable.number(yRange.lowerBound)):\(DataTable.number(yRange.upperBound))]")
        script.add("set contour base; unset surface; set view map")
        script.add("set cntrparam levels discrete " + levels.map { String(format: "%.6g", $0) }.joined(separator: ","))
        script.add("set table $contours")
        script.add("splot '\(gridData.fileName)' using 1:2:3 with lines notitle")
        script.add("unset table")
        script.add("unset contour")
        let columns = context.size.columns(panels: optimizers.count)
        let rowCount = (optimizers.count + columns - 1) / columns
        if optimizers.count > 1 {
            script.add(context.staticFormat.terminal(size: context.size, columns: columns, rows: rowCount))
            script.add("set output '\(stem).\(context.staticFormat.outputExtension)'")
            script.add(
                "set multiplot layout \(rowCount),\(columns) title "
                    + GnuplotScript.titleExpression(title, context.staticFormat, width: 100)
            )
        }
        for (index, id) in optimizers.enumerated() {
            if optimizers.count > 1 { script.add("set title \(script.text(id))") }
            var clauses = ["$contours using 1:2 with lines lc rgb '#d4d4d4' lw 0.8 notitle"]
            if !blocks[index].rows.isEmpty {
                clauses.append(
                    "'\(data.fileName)' index \(index) using 1:2:3 with points pt 7 ps 0.9 lc variable notitle")
            }
            if index == 0 {
                clauses += labels.indices.map { "NaN with points pt 7 lt \($0 + 1) title \(script.text(labels[$0]))" }
            } else {
                script.add("unset key")
            }
            script.plot(clauses)
        }
        if optimizers.count > 1 { script.add("unset multiplot") }
        return Figure(
            kind: "basin-starts", stem: stem, format: context.staticFormat, title: title, script: script.text,
            data: [gridData, data])
    }
}
