import Foundation
import Harness
import Results
import Testing

@Suite struct SessionTests {
    static let text = """
        name: files
        seed: 11
        repetitions: 2
        budget: {max-iterations: 200}
        problems:
          - {kind: quad, d: [2, 4], kappa: [10, 1000]}
          - {kind: lsq, n: 32, batch-size: [4, full]}
        optimizers:
          - {kind: gd, lr: [0.05, 0.01]}
        """
    let provenance = Provenance(
        gitCommit: "test", swiftVersion: "Swift", operatingSystem: "os", cpu: "cpu", cpuCount: 1,
        buildConfiguration: "debug")

    func options(
        _ root: URL, shard: Shard? = nil, resume: Bool = false, stop: StopSignal? = nil,
        onRecord: (@Sendable (RunRecord, Int, Int) -> Void)? = nil
    ) -> SessionOptions {
        SessionOptions(
            resultsRoot: root, jobs: 2, shard: shard, resume: resume, stop: stop, onRecord: onRecord,
            provenance: provenance)
    }

    func leftovers(_ root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.contains(".tmp-") || name.hasSuffix("journal.jsonl") { names.append(name) }
        }
        return names
    }

    /// runs.jsonl and summary.csv are streamed from the journal; they must be the bytes the in-memory
    /// writers give for the records sorted by id (the records as the runner handed them out).
    func expectFiles(_ directory: RunDirectory, hold records: [RunRecord]) throws {
        let sorted = records.sorted { $0.id < $1.id }
        #expect(try String(contentsOf: directory.recordsURL, encoding: .utf8) == (try RecordCoding.jsonLines(sorted)))
        #expect(try String(contentsOf: directory.summaryURL, encoding: .utf8) == SummaryTable.csv(sorted))
    }

    @Test(arguments: [1, 2]) func writesTheFilesAtomicallyAndPointsLatest(jobs: Int) throws {
        let root = temporaryDirectory()
        let handed = HandedRecords()
        var options = options(root, onRecord: { record, _, _ in handed.add(record) })
        options.jobs = jobs
        let outcome = try Session.run(try plan(Self.text), options: options)
        let directory = outcome.directory
        let records = try directory.readRecords()
        #expect(records.count == 6 * 2 * 2)
        #expect(outcome.runCount == records.count)
        try expectFiles(directory, hold: handed.records)
        let table = try #require(outcome.table)
        let expected = OutcomeTable(records: handed.records)
        #expect(table.rows == expected.rows && table.finalTarget == expected.finalTarget)
        #expect(table.rows.count == 6 * 2)
        let manifest = try directory.readManifest()
        #expect(manifest.endTime != nil)
        #expect(manifest.selectedRuns == records.count)
        #expect(manifest.vectorKernels == provenance.vectorKernels)
        let csv = try String(contentsOf: directory.summaryURL, encoding: .utf8)
        #expect(csv.split(separator: "\n").count == records.count + 1)
        let latest = try FileManager.default.destinationOfSymbolicLink(
            atPath: root.appendingPathComponent("files/latest").path)
        #expect(latest == directory.url.lastPathComponent)
        #expect(leftovers(root).isEmpty)
    }

    @Test func mergedShardsEqualTheWholeRun() throws {
        let root = temporaryDirectory()
        let p = try plan(Self.text)
        let whole = try Session.run(p, options: options(root))
        let handed = HandedRecords()
        let shards = try (1...3).map {
            try Session.run(
                p,
                options: options(
                    root, shard: try Shard(index: $0, count: 3),
                    onRecord: { record, _, _ in handed.add(record) })
            ).directory
        }
        let merged = try ShardMerger.merge(shards)
        #expect(merged.lines.count == whole.runCount)
        #expect(merged.manifest.shard == nil)
        let directory = try RunDirectory.create(root: temporaryDirectory(), suite: "files", date: Date())
        try directory.finish(lines: merged.lines, manifest: merged.manifest)
        try expectFiles(directory, hold: handed.records)
        #expect(try bits(directory.readRecords()) == bits(whole.directory.readRecords()))
        #expect(throws: ResultsError.self) { try ShardMerger.merge(Array(shards.prefix(2))) }
        #expect(throws: ResultsError.self) { try ShardMerger.merge([shards[0], shards[0], shards[1], shards[2]]) }
        #expect(throws: ResultsError.self) { try ShardMerger.merge([whole.directory, shards[0]]) }
    }

    @Test func resumeAfterAnInterruptionEqualsAnUninterruptedRun() throws {
        let root = temporaryDirectory()
        let p = try plan(Self.text)
        let stop = StopSignal()
        let handed = HandedRecords()
        let first = try Session.run(
            p,
            options: options(
                root, stop: stop,
                onRecord: { record, done, _ in
                    handed.add(record)
                    if done >= 5 { stop.raise() }
                }))
        #expect(first.interrupted)
        #expect(first.table == nil)
        #expect(try first.directory.readManifest().endTime == nil)
        // The interrupted run keeps its journal: every record handed out, in that order, one line each.
        let journal = try String(contentsOf: first.directory.journalURL, encoding: .utf8)
        #expect(journal == (try handed.records.map { try RecordCoding.line($0) + "\n" }.joined()))
        #expect(!FileManager.default.fileExists(atPath: first.directory.recordsURL.path))
        let journaled = try first.directory.readJournal()
        #expect(journaled.count >= 5 && journaled.count < 24)
        #expect(first.runCount == journaled.count)
        let resumed = try Session.run(
            p, options: options(root, resume: true, onRecord: { record, _, _ in handed.add(record) }))
        #expect(!resumed.interrupted)
        #expect(resumed.directory.url.standardizedFileURL.path == first.directory.url.standardizedFileURL.path)
        #expect(resumed.reusedCount == journaled.count)
        #expect(resumed.runCount == 24)
        try expectFiles(resumed.directory, hold: handed.records)
        let fresh = try Session.run(p, options: options(temporaryDirectory()))
        #expect(try bits(resumed.directory.readRecords()) == bits(fresh.directory.readRecords()))
        #expect(leftovers(root).isEmpty)
    }
}

/// The records a session hands to `onRecord` (called serially), kept by the test.
final class HandedRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [RunRecord] = []

    func add(_ record: RunRecord) {
        lock.lock()
        kept.append(record)
        lock.unlock()
    }

    var records: [RunRecord] {
        lock.lock()
        defer { lock.unlock() }
        return kept
    }
}
