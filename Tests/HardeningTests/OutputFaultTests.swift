import Foundation
import Harness
import Results
import TestSupport
import Testing

/// An output location that cannot be written gives a clear error and leaves nothing half-written.
/// Tests may run as root, for whom permission bits do not stop writes; the unwritable locations
/// here are ones no user can write: a path under a regular file, and a path under /proc.
@Suite struct OutputFaultTests {
    static let suiteText = """
        name: tiny
        seed: 3
        budget: {max-iterations: 20}
        problems:
          - kind: shifted-bowl
        optimizers:
          - kind: sgd
            lr: 0.1
        """

    func sessionError(root: URL) throws -> String? {
        let suite = try SuiteLoader(catalog: .builtIn).load(text: Self.suiteText, file: "tiny.yaml")
        do {
            _ = try Session.run(try RunPlan(suite: suite), options: SessionOptions(resultsRoot: root))
            return nil
        } catch let error as ResultsError {
            return error.message
        }
    }

    @Test func aResultsRootUnderARegularFileIsRefusedByName() throws {
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let message = try #require(try sessionError(root: file.appendingPathComponent("results")))
        #expect(
            message == "cannot create the results directory \(file.path)/results/tiny: \(file.path) is not a directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["plain-file"])
    }

    @Test func aResultsRootUnderProcIsRefused() throws {
        try #require(FileManager.default.fileExists(atPath: "/proc/self"), "no /proc on this system")
        let message = try #require(try sessionError(root: URL(fileURLWithPath: "/proc/gdbench-results")))
        #expect(
            message.hasPrefix("cannot create the results directory /proc/gdbench-results/tiny: /proc/gdbench-results: ")
        )
    }

    @Test func aReadOnlyDirectoryWhenPermissionsApply() throws {
        let scratch = Subprocess.temporaryDirectory()
        defer {
            chmod(scratch.path, 0o755)
            try? FileManager.default.removeItem(at: scratch)
        }
        chmod(scratch.path, 0o555)
        // Root ignores the mode bits; then the check above (/proc, regular file) stands in for it.
        guard access(scratch.path, W_OK) != 0 else { return }
        let message = try #require(try sessionError(root: scratch))
        #expect(
            message
                == "cannot create the results directory \(scratch.path)/tiny: \(scratch.path)/tiny: Permission denied")
    }

    @Test func anAtomicWriteThatFailsLeavesTheOldFileAndNoTemporary() throws {
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("runs.jsonl")
        try AtomicFile.write("old\n", to: target)
        // A directory where the temporary file would go makes the write fail before the rename.
        let temporary = scratch.appendingPathComponent(".runs.jsonl.tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        #expect(throws: ResultsError.self) { try AtomicFile.write("new\n", to: target) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old\n")
        try FileManager.default.removeItem(at: temporary)
        let unwritable = URL(fileURLWithPath: "/proc/self/gdbench/runs.jsonl")
        do {
            try AtomicFile.write("x", to: unwritable)
            Issue.record("writing under /proc succeeded")
        } catch let error as ResultsError {
            #expect(
                error.message.hasPrefix(
                    "cannot write /proc/self/gdbench/runs.jsonl: cannot create a file in /proc/self/gdbench ("))
        }
    }

    @Test func theExecutableReportsAnUnwritableOutputInOneLine() throws {
        try #require(Subprocess.executable != nil, "gdbench was not built next to the tests")
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let suite = FixtureFiles.directory().appendingPathComponent("suites/slow.yaml").path
        let result = try Subprocess.run(["run", suite, "--out", file.path + "/results", "--quiet"], directory: scratch)
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "gdbench: cannot create the results directory \(file.path)/results/slow: \(file.path) is not a "
                + "directory\n")
    }
}
