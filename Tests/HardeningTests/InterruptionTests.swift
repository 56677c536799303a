import Foundation
import Results
import TestSupport
import Testing

/// The real executable, interrupted: SIGINT or SIGTERM keeps the finished records in the journal,
/// leaves no partial file and exits with 130; `--resume` completes the run, and its records equal
/// those of an uninterrupted run (wall times aside). A second process on the same unfinished run is
/// refused by the run's lock.
@Suite(.serialized) struct InterruptionTests {
    static let suite = FixtureFiles.directory().appendingPathComponent("suites/slow.yaml").path

    /// The records of one uninterrupted run of the slow suite, shared by the interruption tests.
    static let uninterrupted: Result<[RunRecord], any Error> = Result {
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let whole = try Subprocess.run(
            ["run", suite, "--out", scratch.path, "--jobs", "2", "--quiet"], directory: scratch)
        guard whole.status == 0 else { throw SubprocessError("the uninterrupted run failed: \(whole.standardError)") }
        return try RunDirectory(url: scratch.appendingPathComponent("slow/latest")).readRecords()
    }

    /// A record's canonical line without checksum and wall-clock fields.
    static func timeless(_ records: [RunRecord]) throws -> [String] {
        try records.map { String(decoding: try RecordCoding.encoder().encode(withoutTimes($0)), as: UTF8.self) }
    }

    static func runDirectories(_ root: URL) -> [URL] {
        let suiteURL = root.appendingPathComponent("slow")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: suiteURL.path)) ?? []
        return names.filter { $0 != "latest" && !$0.hasPrefix(".") }.sorted().map {
            suiteURL.appendingPathComponent($0)
        }
    }

    static func journalLines(_ root: URL) -> Int {
        guard let directory = runDirectories(root).first,
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent("journal.jsonl").path)
        else { return 0 }
        return data.filter { $0 == UInt8(ascii: "\n") }.count
    }

    func interruptAndResume(with signal: Int32) throws {
        try #require(Subprocess.executable != nil, "gdbench was not built next to the tests")
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let interrupted = scratch.appendingPathComponent("interrupted")
        let expected = try Self.uninterrupted.get()

        let running = try Subprocess.Running(
            ["run", Self.suite, "--out", interrupted.path, "--jobs", "2", "--quiet"], directory: scratch)
        let started = Subprocess.waitUntil(seconds: 60) { Self.journalLines(interrupted) >= 2 }
        running.signal(signal)
        let stopped = try running.wait()
        try #require(started, "no run finished within 60 s")
        let directory = try #require(Self.runDirectories(interrupted).first)
        let journal = try #require(
            FileManager.default.contents(atPath: directory.appendingPathComponent("journal.jsonl").path))
        var kept = try RecordCoding.records(
            fromJSONLines: String(decoding: journal, as: UTF8.self), toleratingTruncatedTail: true)
        if signal == SIGKILL {
            // No chance to clean up: whatever the kill left, resume must still give the same records.
            #expect(stopped.status == SIGKILL)
        } else {
            #expect(stopped.status == 130, "\(stopped.standardError)")
            #expect(stopped.standardError.contains("--resume"))
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(
                files == [".lock", "journal.jsonl", "manifest.json"], "no runs.jsonl, no temporary files: \(files)")
            #expect(journal.last == UInt8(ascii: "\n"), "the journal ends with a whole line")
            kept = try RecordCoding.records(fromJSONLines: String(decoding: journal, as: UTF8.self))
        }
        #expect(kept.count >= 2 && kept.count < expected.count, "\(kept.count) of \(expected.count) runs kept")
        #expect(try RunDirectory(url: directory).readManifest().endTime == nil)

        let resumed = try Subprocess.run(
            ["run", Self.suite, "--out", interrupted.path, "--jobs", "2", "--quiet", "--resume"], directory: scratch)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("(\(kept.count) reused)"))
        #expect(Self.runDirectories(interrupted) == [directory], "the resumed run completes the same directory")
        let completed = try RunDirectory(url: directory).readRecords()
        #expect(try Self.timeless(completed) == (try Self.timeless(expected)))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("journal.jsonl").path))
    }

    @Test func sigintKeepsFinishedRunsAndResumeCompletesThem() throws {
        try interruptAndResume(with: SIGINT)
    }

    @Test func sigtermKeepsFinishedRunsAndResumeCompletesThem() throws {
        try interruptAndResume(with: SIGTERM)
    }

    @Test func sigkillLosesNoFinishedRunAndResumeCompletesThem() throws {
        try interruptAndResume(with: SIGKILL)
    }

    @Test func aSecondProcessOnTheSameRunIsRefusedAndLinesStayWhole() throws {
        try #require(Subprocess.executable != nil, "gdbench was not built next to the tests")
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = scratch.appendingPathComponent("results")
        let first = try Subprocess.Running(
            ["run", Self.suite, "--out", root.path, "--jobs", "1", "--quiet"], directory: scratch)
        let started = Subprocess.waitUntil(seconds: 60) { Self.journalLines(root) >= 1 }
        let second = try Subprocess.run(
            ["run", Self.suite, "--out", root.path, "--jobs", "1", "--quiet", "--resume"], directory: scratch)
        first.signal(SIGINT)
        _ = try first.wait()
        try #require(started, "no run finished within 60 s")
        let directory = try #require(Self.runDirectories(root).first)
        #expect(second.status == 2)
        #expect(
            second.standardError.hasPrefix(
                "gdbench: \(directory.path) is being written by another gdbench process (pid "
                    + "\(first.process.processIdentifier)); wait for it to finish"))
        #expect(Self.runDirectories(root) == [directory], "the refused process created nothing")
        let journal = try #require(
            FileManager.default.contents(atPath: directory.appendingPathComponent("journal.jsonl").path))
        let records = try RecordCoding.records(fromJSONLines: String(decoding: journal, as: UTF8.self))
        #expect(Set(records.map(\.id)).count == records.count, "no run written twice")
    }

    @Test func theLockIsExclusiveUntilReleased() throws {
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let directory = RunDirectory(url: scratch)
        let held = try RunLock(directory: directory)
        // flock locks belong to an open file description, so a second open in this process conflicts too.
        do {
            _ = try RunLock(directory: directory)
            Issue.record("a second lock was granted")
        } catch let error as ResultsError {
            #expect(
                error.message == "\(scratch.path) is being written by another gdbench process (pid "
                    + "\(ProcessInfo.processInfo.processIdentifier)); wait for it to finish")
        }
        held.release()
        let again = try RunLock(directory: directory)
        again.release()
    }
}

/// Two processes starting fresh runs of one suite into one results root at the same time each get
/// their own run directory (claimed by `mkdir`), and both finish whole.
@Suite struct ConcurrentRunTests {
    @Test func twoFreshRunsIntoOneRootWriteTwoWholeDirectories() throws {
        try #require(Subprocess.executable != nil, "gdbench was not built next to the tests")
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = scratch.appendingPathComponent("results")
        let suites = Subprocess.packageRoot.appendingPathComponent("suites").path
        let arguments = ["run", "smoke", "--suites-dir", suites, "--out", root.path, "--jobs", "2", "--quiet"]
        let first = try Subprocess.Running(arguments, directory: scratch)
        let second = try Subprocess.Running(arguments, directory: scratch)
        let results = [try first.wait(), try second.wait()]
        #expect(results.map(\.status) == [0, 0], "\(results.map(\.standardError))")
        let smoke = root.appendingPathComponent("smoke")
        let names = try FileManager.default.contentsOfDirectory(atPath: smoke.path).filter {
            $0 != "latest" && !$0.hasPrefix(".")
        }
        #expect(names.count == 2, "\(names)")
        let records = try names.map { try RunDirectory(url: smoke.appendingPathComponent($0)).readRecords() }
        #expect(records.map(\.count) == [40, 40])
        #expect(try InterruptionTests.timeless(records[0]) == (try InterruptionTests.timeless(records[1])))
    }
}
