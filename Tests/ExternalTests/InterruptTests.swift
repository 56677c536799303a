import Foundation
import Results
import Testing

/// Ctrl-C in a terminal (SIGINT to gdbench's whole process group, clients included) stops the run: the
/// finished records stay in the journal, no client process is left behind, and `--resume` completes the
/// run with records equal to an uninterrupted run's (wall times aside).
@Suite(.serialized) struct InterruptTests {
    /// A record's essence without wall-clock fields.
    static func timeless(_ records: [RunRecord]) -> [String] {
        records.map { "\($0.id) \(EqualityTests.essence($0))" }.sorted()
    }

    /// Client processes whose command line mentions `marker`.
    static func processes(mentioning marker: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int($0) != nil }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            return line.contains(marker) ? "\(pid): \(line)" : nil
        }
    }

    @Test(.enabled(if: ExternalSupport.hasPython, "python3 is not installed"))
    func ctrlCStopsTheClientsAndResumeCompletesTheRun() throws {
        let scratch = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A GD client slowed to ~1 ms per iteration, under a path unique to this test.
        let source = try String(
            contentsOf: ExternalSupport.pythonClients.appendingPathComponent("examples/gd.py"), encoding: .utf8)
        let slow =
            source
            .replacingOccurrences(
                of: "os.path.join(os.path.dirname(os.path.abspath(__file__)), \"..\")",
                with: "\"\(ExternalSupport.pythonClients.path)\""
            )
            .replacingOccurrences(
                of: "            g = run.gradient(x)",
                with: "            time.sleep(0.0005)\n            g = run.gradient(x)"
            )
            .replacingOccurrences(of: "import sys\n", with: "import sys\nimport time\n")
        let client = scratch.appendingPathComponent("slow-gd-client.py")
        try slow.write(to: client, atomically: true, encoding: .utf8)
        let suite =
            ExternalSupport.header("slow-external") + """
                problems:
                  - kind: quadratic
                    d: 10
                    kappa: [300, 1000]
                    rotation: random
                optimizers:
                  - kind: external
                    name: slow-gd
                    command: [python3, \(client.path)]
                    lr: 1/L
                """
        let suiteURL = scratch.appendingPathComponent("slow-external.yaml")
        try suite.write(to: suiteURL, atomically: true, encoding: .utf8)
        let uninterrupted = try ExternalSupport.gdbench(
            ["run", suiteURL.path, "--out", "whole", "--jobs", "2", "--quiet"], in: scratch)
        #expect(uninterrupted.status == 0, "\(uninterrupted.output)")
        let expected = try RunDirectory(url: scratch.appendingPathComponent("whole/slow-external/latest")).readRecords()
        #expect(expected.count == 4)

        guard let executable = ExternalSupport.executable else { throw ExternalTestError("gdbench was not built") }
        let process = Process()
        // A process group of its own (as a terminal's foreground job), led by gdbench itself.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import os, sys; os.setpgid(0, 0); os.execv(sys.argv[1], sys.argv[1:])",
            executable.path, "run", suiteURL.path, "--out", "cut", "--jobs", "2", "--quiet",
        ]
        process.currentDirectoryURL = scratch
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let journalURL = { () -> URL? in
            let root = scratch.appendingPathComponent("cut/slow-external")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            return names.first { $0 != "latest" && !$0.hasPrefix(".") }.map {
                root.appendingPathComponent("\($0)/journal.jsonl")
            }
        }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let url = journalURL(), let data = FileManager.default.contents(atPath: url.path),
                data.filter({ $0 == UInt8(ascii: "\n") }).count >= 1
            {
                break
            }
            usleep(20_000)
        }
        #expect(Self.processes(mentioning: client.path).count >= 1, "clients are running")
        kill(-process.processIdentifier, SIGINT) // what the terminal does on Ctrl-C
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        usleep(300_000)
        #expect(Self.processes(mentioning: client.path).isEmpty, "no client outlives gdbench")

        let resumed = try ExternalSupport.gdbench(
            ["run", suiteURL.path, "--out", "cut", "--jobs", "2", "--quiet", "--resume"], in: scratch)
        #expect(resumed.status == 0, "\(resumed.output)")
        let completed = try RunDirectory(url: scratch.appendingPathComponent("cut/slow-external/latest")).readRecords()
        let same = Self.timeless(completed) == Self.timeless(expected)
        #expect(same, "resumed records differ: \(completed.map { "\($0.id) \($0.status) \($0.message ?? "")" })")
        #expect(completed.allSatisfy { $0.status != .error })
    }
}
