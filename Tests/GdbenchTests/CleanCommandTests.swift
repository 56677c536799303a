import Foundation
import Testing

@testable import GdbenchCommandLine

/// `gdbench clean` keeps the newest N runs of a suite, the run `latest` names and anything that is not a run.
@Suite struct CleanCommandTests {
    @Test func keepsTheNewestRunsAndLatest() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let suite = root.appendingPathComponent("smoke")
        let names = ["20260101T000000Z", "20260102T000000Z", "20260103T000000Z", "20260104T000000Z"]
        for name in names {
            let run = suite.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: run.appendingPathComponent("manifest.json"))
        }
        // Not a run (no manifest), and the oldest run is what `latest` names: both stay.
        try FileManager.default.createDirectory(
            at: suite.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: suite.appendingPathComponent("latest").path, withDestinationPath: names[0])
        var dry = try #require(
            try Gdbench.parseAsRoot(["clean", "smoke", "--keep", "2", "--results", root.path, "--dry-run"])
                as? CleanCommand)
        try dry.run()
        #expect(try FileManager.default.contentsOfDirectory(atPath: suite.path).count == 6)
        var clean = try #require(
            try Gdbench.parseAsRoot(["clean", "smoke", "--keep", "2", "--results", root.path]) as? CleanCommand)
        try clean.run()
        let left = try FileManager.default.contentsOfDirectory(atPath: suite.path).sorted()
        #expect(left == [names[0], names[2], names[3], "latest", "notes"])
        #expect(throws: (any Error).self) {
            var baseline = try #require(
                try Gdbench.parseAsRoot(["clean", "baseline", "--results", root.path]) as? CleanCommand)
            try baseline.run()
        }
    }
}
