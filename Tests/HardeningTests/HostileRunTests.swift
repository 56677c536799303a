import Foundation
import Results
import TestSupport
import Testing

/// The executable under hostile conditions: a write failure in the middle of a run, a baseline that
/// compares nothing, and the property that every suite that validates runs without a signal.
@Suite(.serialized) struct HostileRunTests {
    static let smoke = Subprocess.packageRoot.appendingPathComponent("suites/smoke.yaml").path

    /// A file-size limit (`ulimit -f`, with SIGXFSZ ignored so the write fails with EFBIG instead of
    /// killing the process) fills the "disk" after a few records: the run stops at once, keeps the
    /// journal, names it and prints the command that resumes; the resumed run gives the baseline's records.
    @Test func aWriteFailureStopsTheRunPromptlyAndTheRunResumes() throws {
        let gdbench = try #require(Subprocess.executable, "gdbench was not built next to the tests")
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out dir").path
        let arguments = ["run", Self.smoke, "--out", out, "--quiet", "--no-figures", "--jobs", "1"]
        let limited = try Subprocess.run(
            ["-c", "ulimit -f 200; trap '' XFSZ; exec \"$0\" \"$@\"", gdbench.path] + arguments,
            directory: scratch, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(!limited.signalled)
        #expect(limited.status == 2, "\(limited.standardError)")
        let message = limited.standardError
        #expect(message.hasPrefix("gdbench: cannot append to \(out)/smoke/"))
        #expect(message.contains("/journal.jsonl: File too large."))
        #expect(
            message.contains(
                "continue with: \(gdbench.path) run \(Self.smoke) --out '\(out)' --quiet --no-figures --jobs 1 --resume"
            ))
        let runDirectory = try #require(try FileManager.default.contentsOfDirectory(atPath: out + "/smoke").first)
        let journal = try String(contentsOfFile: "\(out)/smoke/\(runDirectory)/journal.jsonl", encoding: .utf8)
        // Whole lines only: the write that failed may have left part of a line, which a resume cuts off.
        let kept = journal.filter { $0 == "\n" }.count
        #expect(message.contains("its \(kept) finished runs are kept in \(out)/smoke/\(runDirectory)/journal.jsonl"))
        #expect(kept > 0 && kept < 20, "the run went on after the failure: \(kept) records")
        // A temporary file left by a killed writer is removed when the resumed run finishes.
        let stale = "\(out)/smoke/\(runDirectory)/.summary.csv.tmp-99999"
        try Data("partial".utf8).write(to: URL(fileURLWithPath: stale))

        let resumed = try Subprocess.run(arguments + ["--resume"], directory: scratch)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("40 runs (\(kept) reused)"))
        #expect(!FileManager.default.fileExists(atPath: stale))
        let check = try Subprocess.run(
            [
                "check", "--suite", "smoke", "--results", "\(out)/smoke/latest", "--baseline",
                Subprocess.packageRoot.appendingPathComponent("results/baseline/smoke.jsonl").path,
            ],
            directory: Subprocess.packageRoot)
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("PASS — 40 unchanged"))

        // An empty or blank baseline compares nothing: refused as an input error naming the file.
        for content in ["", "\n\n  \n"] {
            let baseline = scratch.appendingPathComponent("empty.jsonl")
            try Data(content.utf8).write(to: baseline)
            let refused = try Subprocess.run(
                [
                    "check", "--suite", "smoke", "--results", "\(out)/smoke/latest",
                    "--baseline", baseline.path,
                ], directory: scratch)
            #expect(refused.status == 2)
            #expect(refused.standardError.hasPrefix("gdbench: \(baseline.path): the baseline is empty"))
        }
    }

    /// The default baseline is results/baseline/SUITE.jsonl: a --suite that is a path would read or
    /// (with --update-baseline) write outside it.
    @Test func checkRefusesASuiteThatIsAPath() throws {
        try #require(Subprocess.executable != nil, "gdbench was not built next to the tests")
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try Subprocess.run(
            ["check", "--suite", "../../etc/x", "--results", scratch.path, "--update-baseline"],
            directory: scratch)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("gdbench: --suite: '../../etc/x' is not a suite name"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func resumeWithNothingToResumeSaysSo() throws {
        try #require(Subprocess.executable != nil, "gdbench was not built next to the tests")
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let suite = scratch.appendingPathComponent("tiny.yaml")
        try Data("name: tiny\nseed: 1\nproblems: [{kind: shifted-bowl}]\noptimizers: [{kind: sgd, lr: 0.1}]\n".utf8)
            .write(to: suite)
        let result = try Subprocess.run(
            ["run", suite.path, "--out", "o", "--quiet", "--no-figures", "--resume"], directory: scratch)
        #expect(result.status == 0)
        #expect(result.standardError.contains("warning: --resume: no unfinished run of tiny in "))
        #expect(result.standardError.contains("/o/tiny; starting a new run"))
    }

    /// The property: a few hundred fuzzed suites from `suites/` and the malformed corpus — any that
    /// validates is run with a tiny budget — and the fuzz target ends normally, with no finding.
    @Test func everySuiteThatValidatesRunsWithoutASignal() throws {
        let fuzzer = try #require(Subprocess.fuzzer, "gdbench-fuzz was not built next to the tests")
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try Subprocess.run(
            [
                "--iterations", "150", "--seconds", "600", "--seed", "20261204", "--run-valid",
                "--corpus", Subprocess.packageRoot.appendingPathComponent("suites").path,
                "--corpus", FixtureFiles.directory().appendingPathComponent("malformed").path, "--artifacts",
                scratch.path,
            ],
            directory: scratch, seconds: 600, executable: fuzzer)
        #expect(!result.signalled, "signal \(result.status); input: \(scratch.path)/current.yaml")
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("150 inputs"))
        #expect(result.standardOutput.contains("no finding"))
    }
}
