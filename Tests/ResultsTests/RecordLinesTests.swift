import Foundation
import Results
import Testing

/// The index a run directory is finished from: byte ranges of validated lines, copied verbatim.
@Suite struct RecordLinesTests {
    /// A fresh directory two levels below the temporary directory (finishing points `../latest`).
    func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gdbench-lines-\(UUID().uuidString)/run")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    let manifest = RunManifest(
        gdbenchVersion: "0", gitCommit: "test", swiftVersion: "Swift", operatingSystem: "os", cpu: "cpu", cpuCount: 1,
        buildConfiguration: "debug", suite: "s", suiteFile: "s.yaml", suiteDigest: "d", seed: "1", commandLine: [],
        startTime: "2026-11-23T00:00:00.000Z", endTime: "2026-11-23T00:00:01.000Z", filter: nil, shard: nil,
        selectedRuns: 3, plannedRuns: 3)

    func record(_ id: String) -> RunRecord {
        var record = RecordCodingTests.record(id: id)
        record.repetition = id.count
        return record
    }

    /// Lines out of id order (`rep=10` sorts before `rep=2`) and blank lines between them: the index finds
    /// each line's bytes, and finishing writes exactly the in-memory files of the sorted records.
    @Test func scanningAndFinishingGiveTheSortedFiles() throws {
        let records = [record("p/o/rep=2"), record("p/o/rep=10"), record("a/o/rep=0")]
        let text = try records.map { try RecordCoding.line($0) + "\n" }.joined(separator: "\n")
        let directory = RunDirectory(url: scratch())
        try Data(text.utf8).write(to: directory.journalURL)
        var lines = RecordLines()
        try lines.scan(directory.journalURL)
        #expect(lines.count == 3)
        let bytes = Array(text.utf8)
        for (location, record) in zip(lines.locations, records) {
            #expect(location.id == record.id)
            let line = String(decoding: bytes[location.offset..<(location.offset + location.length)], as: UTF8.self)
            #expect(line == (try RecordCoding.line(record)))
        }
        var seen: [String] = []
        try directory.finish(lines: lines, manifest: manifest) { seen.append($0.id) }
        let sorted = records.sorted { $0.id < $1.id }
        #expect(seen == sorted.map(\.id))
        #expect(try String(contentsOf: directory.recordsURL, encoding: .utf8) == (try RecordCoding.jsonLines(sorted)))
        #expect(try String(contentsOf: directory.summaryURL, encoding: .utf8) == SummaryTable.csv(sorted))
        #expect(!FileManager.default.fileExists(atPath: directory.journalURL.path))
    }

    @Test func noRecordsGiveAnEmptyFileAndAHeader() throws {
        let directory = RunDirectory(url: scratch())
        try directory.finish(lines: RecordLines(), manifest: manifest)
        #expect(try String(contentsOf: directory.recordsURL, encoding: .utf8) == "")
        #expect(try String(contentsOf: directory.summaryURL, encoding: .utf8) == SummaryTable.csv([]))
    }

    @Test func aDamagedLineIsNamedByFileAndLine() throws {
        let url = scratch().appendingPathComponent("runs.jsonl")
        var second = try RecordCoding.line(record("b"))
        second = second.replacingOccurrences(of: "\"repetition\":1", with: "\"repetition\":7")
        try Data((try RecordCoding.line(record("a")) + "\n" + second + "\n").utf8).write(to: url)
        var lines = RecordLines()
        do {
            try lines.scan(url)
            Issue.record("a damaged line was accepted")
        } catch let error as ResultsError {
            #expect(error.message.hasPrefix("\(url.path): line 2: checksum "))
        }
    }

    /// A line that spans the 1 MiB read blocks is found whole.
    @Test func aLineAcrossReadBlocksIsWhole() throws {
        var long = record("long")
        long.message = String(repeating: "x", count: 1_500_000)
        let first = try RecordCoding.line(record("first")) + "\n"
        let url = scratch().appendingPathComponent("journal.jsonl")
        try Data((first + (try RecordCoding.line(long)) + "\n").utf8).write(to: url)
        var lines = RecordLines()
        try lines.scan(url)
        #expect(lines.locations.map(\.id) == ["first", "long"])
        #expect(lines.locations.last?.offset == first.utf8.count)
        #expect(lines.locations.last?.length == (try RecordCoding.line(long)).utf8.count)
    }
}
