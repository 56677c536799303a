import Analysis
import Foundation
import Results

/// Trajectories on a 2-D problem: grey contours of f at log-spaced levels (from the harness's
/// ``ContourGridFile``), the known minima as black stars, and each optimizer's path (repetition 0,
/// or the lowest repetition present, from its ``TrajectoryFile``) with its start circled. A second
/// figure animates the same as a GIF ("watch the optimization"): frame k shows every path up to its
/// k-th stored iterate (at most 80 frames). Drawn for problems of dimension 2 whose run directory
/// holds the contour grid and at least one path.
///
/// Contour levels: f_min + (f_max − f_min)·10^s for 12 values of s evenly spaced in [−3, 0]
/// (f_min, f_max over the grid), so both the basin and the walls show.
public enum TrajectoryFigure {
    public static let maximumFrames = 80
    public static let levelCount = 12

    public static func figures(_ context: FigureContext, stems: inout FigureStem) throws -> [Figure] {
        guard let directory = context.results.directory else { return [] }
        var figures: [Figure] = []
        let twoD = context.results.records.filter { $0.problem.dimension == 2 }
        for problemID in Array(Set(twoD.map(\.problem.id))).sorted() {
            guard let grid = try ContourGridFile.read(problemID: problemID, in: directory) else { continue }
            var paths: [(String, TrajectoryFile)] = []
            let runs = twoD.filter { $0.problem.id == problemID }
            for id in FigureContext.optimizers(runs) {
                guard let run = runs.filter({ $0.optimizer.id == id }).min(by: { $0.repetition < $1.repetition }),
                      let path = try TrajectoryFile.read(runID: run.id, in: directory), !path.points.isEmpty
                else { continue }
                paths.append((id, path))
            }
            guard !paths.isEmpty else { continue }
            figures += build(context, problemID: problemID, grid: grid, paths: paths, stems: &stems)
        }
        return figures
    }

    /// The static figure for one problem, and its animation when the context asks for animations.
    public static func build(_ context: FigureContext, problemID: String, grid: ContourGridFile,
                             paths: [(optimizerID: String, path: TrajectoryFile)], stems: inout FigureStem) -> [Figure] {
        let stem = stems.unique("trajectory", problemID)
        let gridData = DataTable(
            fileName: stem + "-grid.dat",
            header: ["f of \(problemID) on a \(grid.xs.count)×\(grid.ys.count) grid (from contours/ in the run directory)",
                     "columns: x y f; one block per x value (gnuplot grid layout)"],
            blocks: grid.xs.indices.map { i in
                DataTable.Block(comment: "", rows: grid.ys.indices.map { j in [grid.xs[i], grid.ys[j], grid.values[i][j]] })
            },
            layout: .grid)
        var blocks = [DataTable.Block(comment: "known minima", rows: grid.minima.map { [$0[0], $0[1]] })]
        for (id, path) in paths {
            blocks.append(DataTable.Block(comment: "\(id) (\(path.runID))", rows: path.points.map { [Double($0.iteration), $0.x, $0.y, $0.value] }))
        }
        let pathData = DataTable(
            fileName: stem + ".dat",
            header: ["paths on \(problemID)", "index 0: known minima (x y); then one block per optimizer: iteration x y f"],
            blocks: blocks)
        let finite = grid.values.flatMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0
        let high = finite.max() ?? 1
        let levels = (0..<levelCount).map { low + (high - low) * pow(10, -3 + 3 * Double($0) / Double(levelCount - 1)) }
        let title = "\(problemID): optimizer paths"
        let frames = paths.map(\.path.points.count).max() ?? 1
        let step = max(1, Int((Double(frames) / Double(maximumFrames)).rounded(.up)))

        func script(_ format: FigureFormat, stem: String, animated: Bool) -> String {
            var script = GnuplotScript(
                kind: animated ? "trajectory animation" : "trajectory", stem: stem, format: format, title: title,
                xLabel: "x₁", yLabel: "x₂", dataFiles: [gridData.fileName, pathData.fileName], keyEntries: paths.map(\.optimizerID) + ["minimum"],
                provenance: context.provenance)
            script.add("set xrange [\(DataTable.number(grid.xs.first ?? 0)):\(DataTable.number(grid.xs.last ?? 1))]")
            script.add("set yrange [\(DataTable.number(grid.ys.first ?? 0)):\(DataTable.number(grid.ys.last ?? 1))]")
            script.add("set size ratio -1")
            script.add("set contour base; unset surface; set view map")
            script.add("set cntrparam levels discrete " + levels.map { String(format: "%.6g", $0) }.joined(separator: ","))
            script.add("set table $contours")
            script.add("splot '\(gridData.fileName)' using 1:2:3 with lines notitle")
            script.add("unset table")
            script.add("unset contour")
            var plots = ["$contours using 1:2 with lines lc rgb '#b0b0b0' lw 1 notitle"]
            if !grid.minima.isEmpty {
                plots.append("'\(pathData.fileName)' index 0 using 1:2 with points pt 3 ps 2.5 lc rgb '#000000' title \(script.text("minimum"))")
            }
            for index in paths.indices {
                let every = animated ? " every ::0::frame" : ""
                plots.append("'\(pathData.fileName)' index \(index + 1)\(every) using 2:3 with linespoints lt \(index + 1) pt 7 ps 0.5 title \(script.text(paths[index].optimizerID))")
                plots.append("'\(pathData.fileName)' index \(index + 1) every ::0::0 using 2:3 with points lt \(index + 1) pt 6 ps 1.8 notitle")
            }
            if animated {
                script.add("do for [frame = 0:\(max(frames - 1, 0)):\(step)] {")
                script.add("set title \(GnuplotScript.titleExpression(title, .gif, width: 90)) . \"\\n\" . sprintf('stored iterate %d', frame)")
                script.plot(plots)
                script.add("}")
            } else {
                script.plot(plots)
            }
            return script.text
        }

        let staticFigure = Figure(
            kind: "trajectory", stem: stem, format: context.staticFormat, title: title,
            script: script(context.staticFormat, stem: stem, animated: false), data: [gridData, pathData])
        let animationStem = stem + "-animation"
        let animation = Figure(
            kind: "trajectory-animation", stem: animationStem, format: .gif, title: title,
            script: script(.gif, stem: animationStem, animated: true), data: [gridData, pathData])
        return context.animations ? [staticFigure, animation] : [staticFigure]
    }
}
