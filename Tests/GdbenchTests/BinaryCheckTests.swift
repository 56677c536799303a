import Foundation
import Testing

/// The real `gdbench` executable, as CI runs it: `gdbench check --suite smoke` in the repository
/// against the committed baseline results/baseline/smoke.jsonl must exit 0 and report every run
/// unchanged; with a baseline whose Adam runs were edited it must exit 1 and name them.
@Suite struct BinaryCheckTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The gdbench built beside this test bundle (`swift build` builds it; `swift test` alone may not).
    static func executable() throws -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("gdbench")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        let fallback = repository.appendingPathComponent(".build/debug/gdbench")
        guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
            throw CocoaError(
                .fileNoSuchFile, userInfo: [NSFilePathErrorKey: "gdbench executable (run `swift build` first)"])
        }
        return fallback
    }

    static func check(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["check", "--suite", "smoke", "--jobs", "2"] + arguments
        process.currentDirectoryURL = repository
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func checkAgainstTheCommittedSmokeBaselinePasses() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-bin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let baseline = Self.repository.appendingPathComponent("results/baseline/smoke.jsonl")
        let count = try String(contentsOf: baseline, encoding: .utf8).split(separator: "\n").count
        let (status, output) = try Self.check(["--out", out.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(count) unchanged"), "\(output)")
    }

    @Test func anEditedBaselineFailsWithExitCodeOneNamingTheRuns() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-bin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // Pretend the baseline's Adam runs at lr 0.1 ended elsewhere: a behaviour change, which fails.
        let text = try String(
            contentsOf: Self.repository.appendingPathComponent("results/baseline/smoke.jsonl"), encoding: .utf8)
        var edited: [String] = []
        var named: [String] = []
        for line in text.split(separator: "\n") {
            guard var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                continue
            }
            // Re-serialised lines are not the sealed bytes: drop the checksum (a line without one is read as is).
            object.removeValue(forKey: "checksum")
            if let id = object["id"] as? String, id.contains("/adam[lr=0.1]/") {
                object["finalFingerprint"] = "0123456789abcdef"
                named.append(id)
            }
            edited.append(
                String(
                    decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            )
        }
        #expect(named.count == 8)
        let baseline = out.appendingPathComponent("smoke.jsonl")
        try (edited.joined(separator: "\n") + "\n").write(to: baseline, atomically: true, encoding: .utf8)
        let (status, output) = try Self.check(["--out", out.path, "--baseline", baseline.path])
        #expect(status == 1, "\(output)")
        for id in named { #expect(output.contains(id)) }
    }
}
