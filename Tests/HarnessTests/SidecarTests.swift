import Foundation
import Harness
import Results
import Testing

/// The sidecars of 2-D problems that trajectory figures draw: paths from the monitored pass and
/// contour grids, against closed forms.
@Suite struct SidecarTests {
    static let text = """
        name: sidecars
        seed: 5
        repetitions: 1
        budget: {max-iterations: 1500}
        targets: {measure: gradient-norm, thresholds: [1e-300]}
        problems:
          - {kind: narrow-valley}
          - {kind: himmelblau}
          - {kind: quadratic, d: 3}
        optimizers:
          - {kind: sgd, lr: 0.015}
        """

    func run() throws -> RunDirectory {
        let provenance = Provenance(
            gitCommit: "test", swiftVersion: "Swift", operatingSystem: "os", cpu: "cpu", cpuCount: 1,
            buildConfiguration: "debug")
        let plan = try RunPlan(suite: SuiteLoader(catalog: .builtIn).load(text: Self.text, file: "sidecars.yaml"))
        return try Session.run(
            plan, options: SessionOptions(resultsRoot: temporaryDirectory(), jobs: 2, provenance: provenance)
        ).directory
    }

    /// Gradient descent on ½(x² + 100y²) from (1, 1): x_k = (1 − η)^k, y_k = (1 − 100η)^k. Every
    /// iterate up to 1000 is stored, then only some, always the last; only 2-D runs have a path.
    @Test func pathsAreTheIteratesOfTheMonitoredPass() throws {
        let directory = try run()
        let path = try #require(try TrajectoryFile.read(runID: "narrow-valley/sgd[lr=0.015]/rep=0", in: directory.url))
        let iterations = path.points.map(\.iteration)
        #expect(Array(iterations.prefix(1001)) == Array(0...1000))
        #expect(iterations.last == 1500)
        #expect(iterations.count > 1001 && iterations.count < 1100)
        #expect(iterations == iterations.sorted())
        for point in path.points {
            let k = Double(point.iteration)
            let x = pow(1 - 0.015, k), y = pow(1 - 100 * 0.015, k)
            #expect(abs(point.x - x) <= 1e-12 * x)
            #expect(abs(point.y - y) <= 1e-12 * abs(y) + 1e-300)
            #expect(abs(point.value - 0.5 * (x * x + 100 * y * y)) <= 1e-11 * 0.5 * (x * x + 100 * y * y))
        }
        #expect(try TrajectoryFile.read(runID: "quadratic[d=3]/sgd[lr=0.015]/rep=0", in: directory.url) == nil)
        #expect(try ContourGridFile.read(problemID: "quadratic[d=3]", in: directory.url) == nil)
    }

    /// The grid holds f at its nodes, marks all four minima of Himmelblau (f = 0 there) and covers
    /// the start and the minima.
    @Test func contourGridsHoldTheObjectiveAndEveryKnownMinimum() throws {
        let directory = try run()
        func himmelblau(_ x: Double, _ y: Double) -> Double {
            let a = x * x + y - 11, b = x + y * y - 7
            return a * a + b * b
        }
        let grid = try #require(try ContourGridFile.read(problemID: "himmelblau", in: directory.url))
        #expect(grid.minima.count == 4)
        for minimum in grid.minima { #expect(himmelblau(minimum[0], minimum[1]) < 1e-20) }
        #expect(
            Set(grid.minima.map { [$0[0].rounded(), $0[1].rounded()] }) == [[3, 2], [-3, 3], [-4, -3], [4, -2]])
        for point in grid.minima + [[2, 2]] {
            #expect(grid.xs[0] < point[0] && point[0] < grid.xs[grid.xs.count - 1])
            #expect(grid.ys[0] < point[1] && point[1] < grid.ys[grid.ys.count - 1])
        }
        for i in stride(from: 0, to: grid.xs.count, by: 7) {
            for j in stride(from: 0, to: grid.ys.count, by: 5) {
                #expect(grid.values[i][j] == himmelblau(grid.xs[i], grid.ys[j]))
            }
        }
        let valley = try #require(try ContourGridFile.read(problemID: "narrow-valley", in: directory.url))
        #expect(valley.minima == [[0, 0]])
        let path = try #require(try TrajectoryFile.read(runID: "narrow-valley/sgd[lr=0.015]/rep=0", in: directory.url))
        for point in path.points {
            #expect(valley.xs[0] < point.x && point.x < valley.xs[valley.xs.count - 1])
            #expect(valley.ys[0] < point.y && point.y < valley.ys[valley.ys.count - 1])
        }
    }
}
