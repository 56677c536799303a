import Foundation
import TestSupport
import Testing

/// The real `gdbench` executable, as CI runs it: `gdbench check --suite smoke` in the repository
/// against the committed baseline results/baseline/smoke.jsonl must exit 0 and report every run
/// unchanged; with a baseline whose Adam runs were edited it must exit 1 and name them.
@Suite struct BinaryCheckTests {
    static let repository = Subprocess.packageRoot

    /// Runs the built gdbench (`swift build` builds it; `swift test` alone may not) in the repository.
    static func check(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard Subprocess.executable != nil else { throw SubprocessError("gdbench was not built (run `swift build`)") }
        let result = try Subprocess.run(
            ["check", "--suite", "smoke", "--jobs", "2"] + arguments, directory: repository, seconds: 600)
        return (result.status, result.standardOutput + result.standardError)
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
