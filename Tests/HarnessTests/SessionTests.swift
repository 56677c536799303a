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
    let provenance = Provenance(gitCommit: "test", swiftVersion: "Swift", operatingSystem: "os", cpu: "cpu", cpuCount: 1,
                                buildConfiguration: "debug")

    func options(_ root: URL, shard: Shard? = nil, resume: Bool = false, stop: StopSignal? = nil,
                 onRecord: (@Sendable (RunRecord, Int, Int) -> Void)? = nil) -> SessionOptions {
        SessionOptions(resultsRoot: root, jobs: 2, shard: shard, resume: resume, stop: stop, onRecord: onRecord,
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

    @Test func writesTheFilesAtomicallyAndPointsLatest() throws {
        let root = temporaryDirectory()
        let outcome = try Session.run(try plan(Self.text), options: options(root))
        let directory = outcome.directory
        let records = try directory.readRecords()
        #expect(records.count == 6 * 2 * 2)
        #expect(try bits(records) == bits(outcome.records))
        let manifest = try directory.readManifest()
        #expect(manifest.endTime != nil)
        #expect(manifest.selectedRuns == records.count)
        let csv = try String(contentsOf: directory.summaryURL, encoding: .utf8)
        #expect(csv.split(separator: "\n").count == records.count + 1)
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("files/latest").path)
        #expect(latest == directory.url.lastPathComponent)
        #expect(leftovers(root).isEmpty)
    }

    @Test func mergedShardsEqualTheWholeRun() throws {
        let root = temporaryDirectory()
        let p = try plan(Self.text)
        let whole = try Session.run(p, options: options(root))
        let shards = try (1...3).map { try Session.run(p, options: options(root, shard: try Shard(index: $0, count: 3))).directory }
        let merged = try ShardMerger.merge(shards)
        #expect(try bits(merged.records) == bits(whole.records))
        #expect(merged.manifest.shard == nil)
        #expect(throws: ResultsError.self) { try ShardMerger.merge(Array(shards.prefix(2))) }
        #expect(throws: ResultsError.self) { try ShardMerger.merge([shards[0], shards[0], shards[1], shards[2]]) }
        #expect(throws: ResultsError.self) { try ShardMerger.merge([whole.directory, shards[0]]) }
    }

    @Test func resumeAfterAnInterruptionEqualsAnUninterruptedRun() throws {
        let root = temporaryDirectory()
        let p = try plan(Self.text)
        let stop = StopSignal()
        let first = try Session.run(p, options: options(root, stop: stop, onRecord: { _, done, _ in
            if done >= 5 { stop.raise() }
        }))
        #expect(first.interrupted)
        #expect(try first.directory.readManifest().endTime == nil)
        let journaled = try first.directory.readJournal()
        #expect(journaled.count >= 5 && journaled.count < 24)
        let resumed = try Session.run(p, options: options(root, resume: true))
        #expect(!resumed.interrupted)
        #expect(resumed.directory.url.standardizedFileURL.path == first.directory.url.standardizedFileURL.path)
        #expect(resumed.reusedCount == journaled.count)
        let fresh = try Session.run(p, options: options(temporaryDirectory()))
        #expect(try bits(resumed.directory.readRecords()) == bits(fresh.records))
        #expect(leftovers(root).isEmpty)
    }
}
