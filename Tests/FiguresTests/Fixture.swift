import Analysis
import Foundation
import Results

/// The fixed result set of the figure tests: `Fixtures/run/`, written by
/// `scripts/reference/figure_fixture.py` (exact simulations of GD, Nesterov and Newton on 2-D quadratics,
/// a learning-rate sweep, schedules, a double-well saddle and synthetic batch-size runs).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let runDirectory = RunDirectory(url: folder.appendingPathComponent("Fixtures/run"))
    static let snapshots = folder.appendingPathComponent("Snapshots")

    static func results() throws -> ResultSet { try ResultSet(directory: runDirectory) }

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gdbench-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
