import Foundation
import Objectives
import Results

/// Writes the sidecars of 2-D problems into a run directory: each run's ``TrajectoryFile`` and, once
/// per problem (from its lowest selected repetition), a ``ContourGridFile`` that trajectory figures
/// draw the paths on. Thread-safe; keeps the first write error for the caller to report.
///
/// The grid is ``gridCount`` × ``gridCount`` values of f over a box that holds the start, the known
/// minima (``KnownMinimizers`` where the objective lists several, else x*) and the parts of the
/// group's paths that stay near them: a base box around start and minima (margin 25 %, at least ±1),
/// then every path point within 3 base-box widths of its centre, plus a 10 % margin. So a diverging
/// path does not stretch the picture to 10¹⁰, while one that swings wide around a valley stays in it.
public final class SidecarWriter: @unchecked Sendable {
    public static let gridCount = 81

    public let directory: URL
    private let lock = NSLock()
    private var failure: String?

    public init(directory: URL) {
        self.directory = directory
    }

    /// The first write error, if any.
    public var firstFailure: String? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    private func note(_ error: Error) {
        lock.lock()
        if failure == nil { failure = "\(error)" }
        lock.unlock()
    }

    public func write(_ path: TrajectoryFile) {
        do { try path.write(in: directory) } catch { note(error) }
    }

    /// Writes a run's ``IterateFile``; nil means its recording outgrew ``IterateRecorder/maximumValues``.
    public func write(_ iterates: IterateFile?, runID: String) {
        guard let iterates else {
            note(
                ResultsError(
                    "the iterates of \(runID) exceed \(IterateRecorder.maximumValues) numbers (d × trace points); "
                        + "not written"))
            return
        }
        do { try iterates.write(in: directory) } catch { note(error) }
    }

    public func writeContours(problemID: String, objective: any Objective, paths: [TrajectoryFile]) {
        guard objective.dimension == 2 else { return }
        let grid = SidecarWriter.contourGrid(problemID: problemID, objective: objective, paths: paths)
        do { try grid.write(in: directory) } catch { note(error) }
    }

    /// Every known minimiser of a 2-D objective: its local minima (``KnownLocalMinima``) when it lists
    /// them, else its global ones (``KnownMinimizers/minimizers``), else x* when known, else none.
    public static func minima(of objective: any Objective) -> [[Double]] {
        let local = (objective as? any KnownLocalMinima)?.localMinima.map(\.point)
        let listed =
            local ?? (objective as? any KnownMinimizers)?.minimizers ?? objective.constants.minimizer.map { [$0] } ?? []
        return listed.filter { $0.count == 2 && $0[0].isFinite && $0[1].isFinite }
    }

    /// The grid described above.
    public static func contourGrid(problemID: String, objective: any Objective, paths: [TrajectoryFile])
        -> ContourGridFile
    {
        let minima = minima(of: objective)
        let start = TrajectoryFile(
            runID: "start",
            points: [
                TrajectoryFile.Point(
                    iteration: 0, x: objective.startingPoint[0], y: objective.startingPoint[1], value: 0)
            ])
        var box = (x: -1.0...1.0, y: -1.0...1.0)
        if let base = ContourGridFile.bounds(paths: [start], minima: minima, margin: 0.25) {
            func atLeastOne(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
                let centre = (range.lowerBound + range.upperBound) / 2
                let half = max((range.upperBound - range.lowerBound) / 2, 1)
                return (centre - half)...(centre + half)
            }
            let x = atLeastOne(base.x), y = atLeastOne(base.y)
            func near(_ value: Double, _ range: ClosedRange<Double>) -> Bool {
                let centre = (range.lowerBound + range.upperBound) / 2
                return abs(value - centre) <= 3 * (range.upperBound - range.lowerBound)
            }
            let kept = paths.map { path in
                TrajectoryFile(runID: path.runID, points: path.points.filter { near($0.x, x) && near($0.y, y) })
            }
            let corners = [[x.lowerBound, y.lowerBound], [x.upperBound, y.upperBound]]
            box = ContourGridFile.bounds(paths: kept + [start], minima: minima + corners, margin: 0.1) ?? (x, y)
        }
        var point = [0.0, 0.0]
        return ContourGridFile.sampling(problemID: problemID, x: box.x, y: box.y, count: gridCount, minima: minima) {
            u, v in
            point[0] = u
            point[1] = v
            return objective.value(at: point)
        }
    }
}
