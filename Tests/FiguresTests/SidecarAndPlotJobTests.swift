import Analysis
import Foundation
import Results
import Testing

@testable import Figures

@Suite struct SidecarAndPlotJobTests {
    @Test func pathFileRoundTripsAndNamesAreReversible() throws {
        let folder = try Fixture.temporaryFolder("sidecar")
        let path = TrajectoryFile(
            runID: "quadratic[d=2]/sgd[lr=1/L]/rep=0",
            points: [
                .init(iteration: 0, x: 1, y: 1, value: 5.5), .init(iteration: 1, x: 0.9, y: -0.1, value: 0.455),
                .init(iteration: 2, x: .nan, y: .infinity, value: -.infinity),
            ])
        try path.write(in: folder)
        let back = try #require(try TrajectoryFile.read(runID: path.runID, in: folder))
        #expect(back.runID == path.runID)
        #expect(back.points.count == 3)
        #expect(back.points[1] == path.points[1])
        #expect(back.points[2].x.isNaN && back.points[2].y == .infinity && back.points[2].value == -.infinity)
        // "/" and "~" are escaped, so two ids never share a file name.
        #expect(TrajectoryFile.fileStem("a/b") == "a~2Fb")
        #expect(TrajectoryFile.fileStem("a~2Fb") == "a~7E2Fb")
        #expect(try TrajectoryFile.read(runID: "none", in: folder) == nil)
        #expect(throws: ResultsError.self) { try TrajectoryFile(parsing: "# run x\n1 2 three 4\n", source: "bad.dat") }
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func contourGridRoundTripsAndRejectsRaggedGrids() throws {
        let folder = try Fixture.temporaryFolder("contour")
        let xs = ContourGridFile.axis(from: -1, to: 1, count: 3)
        #expect(xs == [-1, 0, 1])
        let grid = ContourGridFile(
            problemID: "rosenbrock", xs: xs, ys: [0, 0.5],
            values: xs.map { x in [0, 0.5].map { y in x * x + y } }, minima: [[1, 1]])
        try grid.write(in: folder)
        #expect(try ContourGridFile.read(problemID: "rosenbrock", in: folder) == grid)
        let ragged = "# problem p\n0 0 1\n0 1 2\n\n1 0 3\n1 2 4\n"
        #expect(throws: ResultsError.self) { try ContourGridFile(parsing: ragged, source: "ragged.dat") }
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func gridSamplingAndBoundsFollowTheirDefinitions() throws {
        // f = x² + 10y² sampled on a 3 × 3 grid over [−1, 1]²: f(−1, 0) = 1, f(0, 1) = 10, f(1, 1) = 11.
        let grid = ContourGridFile.sampling(problemID: "bowl", x: -1...1, y: -1...1, count: 3, minima: [[0, 0]]) {
            $0 * $0 + 10 * $1 * $1
        }
        #expect(grid.values[0][1] == 1)
        #expect(grid.values[1][2] == 10)
        #expect(grid.values[2][2] == 11)
        // Path points (0, 0) … (2, 1) and the minimum (1, −1): box [0, 2] × [−1, 1], widened by 10% of its size.
        let path = TrajectoryFile(
            runID: "r",
            points: [
                .init(iteration: 0, x: 0, y: 0, value: 0), .init(iteration: 1, x: 2, y: 1, value: 0),
                .init(iteration: 2, x: .nan, y: 5, value: 0),
            ])
        let box = try #require(ContourGridFile.bounds(paths: [path], minima: [[1, -1]]))
        #expect(box.x == -0.2...2.2)
        #expect(box.y == -1.2...1.2)
        #expect(ContourGridFile.bounds(paths: [], minima: [[3, 4]])?.x == 2.5...3.5)
        #expect(ContourGridFile.bounds(paths: [], minima: []) == nil)
    }

    @Test func plotJobFollowsTheLatestLinkAndWritesScripts() throws {
        let root = try Fixture.temporaryFolder("plotjob")
        let suite = root.appendingPathComponent("fixture")
        try FileManager.default.createDirectory(at: suite, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixture.runDirectory.url, to: suite.appendingPathComponent("20261123T160000Z"))
        try FileManager.default.createSymbolicLink(
            atPath: suite.appendingPathComponent("latest").path, withDestinationPath: "20261123T160000Z")
        let directory = try PlotJob.locate(suite: "fixture", run: nil, resultsRoot: root)
        #expect(directory.url.lastPathComponent == "20261123T160000Z")
        #expect(throws: ResultsError.self) { try PlotJob.locate(suite: "other", run: nil, resultsRoot: root) }
        // Without a renderer the scripts are written and the last line says how to render them.
        let lines = try PlotJob(runDirectory: directory, format: .svg).run(renderer: nil)
        #expect(lines.last?.contains("for f in ../scripts/*.gp; do gnuplot -e \"format='svg'\" \"$f\"; done") == true)
        let written = try FileManager.default.contentsOfDirectory(
            atPath: directory.url.appendingPathComponent("figures/scripts").path)
        #expect(written.contains("ecdf-iterations.gp") && written.contains("ecdf-iterations.dat"))
        let urls = try ReportWriter(results: try ResultSet(directory: directory)).write(to: directory.url)
        #expect(urls.map(\.lastPathComponent) == ["report.md", "report-tables.tex", "report.html"])
        try? FileManager.default.removeItem(at: root)
    }
}
