import Analysis
import Foundation
import Results

/// Trajectories on a 2-D problem: grey contours of f at log-spaced levels (from the harness's
/// ``ContourGridFile``), the known minima as black stars, and each optimizer's path (repetition 0,
/// or the lowest repetition present, from its ``TrajectoryFile``) with its start circled. A second
/// figure animates the same as a GIF ("watch the optimization"): each frame shows every path up to
/// one iteration, named in the frame's title (at most 80 frames over the stored iterations). Drawn for
/// problems of dimension 2 whose run directory holds the contour grid and at least one path; with
/// more than eight paths the static figure is small multiples (``SeriesPanels``).
///
/// The view is the contour grid's box: a path that leaves it (a diverging learning rate) is cut
/// where it crosses the edge and marked there with a ×, so the axes never stretch to follow it
/// (``TrajectoryView``). Scales are equal unless the box is more than 4:1, which would squeeze the
/// plot to a sliver. Contours are light grey; paths are drawn over a white halo in their run colour.
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
    public static func build(
        _ context: FigureContext, problemID: String, grid: ContourGridFile,
        paths: [(optimizerID: String, path: TrajectoryFile)], stems: inout FigureStem
    ) -> [Figure] {
        let stem = stems.unique("trajectory", problemID)
        let gridData = DataTable.contours(grid, of: problemID, fileName: stem + "-grid.dat")
        let view = View(xs: grid.xs, ys: grid.ys)
        let clipped = paths.map { view.clip($0.path.points) }
        var blocks = [DataTable.Block(comment: "known minima", rows: grid.minima.map { [$0[0], $0[1]] })]
        for (index, (id, path)) in paths.enumerated() {
            blocks.append(
                DataTable.Block(
                    comment: "\(id) (\(path.runID))",
                    rows: clipped[index].points.map { [Double($0.iteration), $0.x, $0.y, $0.value] }))
        }
        for (index, (id, _)) in paths.enumerated() {
            let exit = clipped[index].exit
            blocks.append(
                DataTable.Block(
                    comment: "\(id): where the path leaves the view",
                    rows: exit.map { [[Double($0.iteration), $0.x, $0.y]] } ?? []))
        }
        let pathData = DataTable(
            fileName: stem + ".dat",
            header: [
                "paths on \(problemID), clipped at the view (the contour grid's box)",
                "index 0: known minima (x y); then one block per optimizer: iteration x y f (up to the view's edge)",
                "then one block per optimizer: iteration x y of the point where the path leaves the view (empty when "
                    + "it stays)",
            ],
            blocks: blocks)
        let finite = grid.values.flatMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0
        let high = finite.max() ?? 1
        let levels = (0..<levelCount).map { low + (high - low) * pow(10, -3 + 3 * Double($0) / Double(levelCount - 1)) }
        let leaving = clipped.filter { $0.exit != nil }.count
        let title =
            "\(problemID): optimizer paths" + (leaving > 0 ? " (× where a path leaves the view: \(leaving))" : "")
        let iterations = Array(Set(clipped.flatMap { $0.points.map(\.iteration) })).sorted()
        let step = max(1, Int((Double(iterations.count) / Double(maximumFrames)).rounded(.up)))
        var frames = stride(from: 0, to: iterations.count, by: step).map { iterations[$0] }
        if let last = iterations.last, frames.last != last { frames.append(last) }
        let ids = paths.map(\.optimizerID)

        func script(_ format: FigureFormat, stem: String, animated: Bool) -> String {
            var script = GnuplotScript(
                kind: animated ? "trajectory animation" : "trajectory", stem: stem, format: format, title: title,
                xLabel: "x₁", yLabel: "x₂", dataFiles: [gridData.fileName, pathData.fileName], keyEntries: ids,
                provenance: context.provenance, styles: context.styles(ids), size: context.size)
            script.add("set xrange [\(DataTable.number(view.xMin)):\(DataTable.number(view.xMax))]")
            script.add("set yrange [\(DataTable.number(view.yMin)):\(DataTable.number(view.yMax))]")
            // Equal scales when the box is not too elongated; otherwise the axes are scaled to fill the plot.
            script.add(view.equalScales ? "set size ratio -1" : "set size noratio")
            script.add("set contour base; unset surface; set view map")
            script.add(
                "set cntrparam levels discrete " + levels.map { String(format: "%.6g", $0) }.joined(separator: ","))
            script.add("set table $contours")
            script.add("splot '\(gridData.fileName)' using 1:2:3 with lines notitle")
            script.add("unset table")
            script.add("unset contour")
            var shared = ["$contours using 1:2 with lines lc rgb '#d4d4d4' lw 0.8 notitle"]
            if !grid.minima.isEmpty {
                shared.append(
                    "'\(pathData.fileName)' index 0 using 1:2 with points pt 3 ps 2.5 lc rgb '#000000' title "
                        + "\(script.text("minimum"))")
            }
            let upTo = animated ? "($1 <= it ? $2 : NaN)" : "2"
            let clauses = ids.indices.map { index -> [String] in
                let block = "'\(pathData.fileName)' index \(index + 1) using \(upTo):3"
                var drawn = [
                    block + " with lines lc rgb 'white' lw 4.5 notitle",
                    block + " with linespoints lt \(index + 1) lw 2 ps 0.5 title \(script.text(ids[index]))",
                    "'\(pathData.fileName)' index \(index + 1) every ::0::0 using 2:3 with points lt \(index + 1) pt "
                        + "6 ps 1.8 notitle",
                ]
                if clipped[index].exit != nil {
                    drawn.append(
                        "'\(pathData.fileName)' index \(ids.count + index + 1) using \(upTo):3 with points lt "
                            + "\(index + 1) pt 2 ps 2.5 lw 3 notitle")
                }
                return drawn
            }
            if animated {
                script.add("frames = \"\(frames.map(String.init).joined(separator: " "))\"")
                script.add("do for [frame = 1:words(frames)] {")
                script.add("it = int(word(frames, frame))")
                let heading =
                    "\(GnuplotScript.titleExpression(title, .gif, width: 90)) . \"\\n\" . sprintf('iteration %d', it)"
                if ids.count > SeriesPanels.maxSeries {
                    script.plot(series: ids, clauses: clauses, shared: shared, titleExpression: heading)
                } else {
                    script.add("set title " + heading)
                    script.plot(clauses.flatMap { $0 } + shared)
                }
                script.add("}")
            } else {
                script.plot(series: ids, clauses: clauses, shared: shared)
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
