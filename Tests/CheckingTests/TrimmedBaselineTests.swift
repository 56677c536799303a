import Checking
import Foundation
import Results
import Testing

/// The trimmed baseline form: smaller, read back with the trace's iterations, fingerprints and
/// values, and compared exactly like the full form.
@Suite struct TrimmedBaselineTests {
    typealias F = ComparisonFixtures

    @Test func aTrimmedBaselineKeepsWhatTheComparisonReads() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let records = [try F.record("b/gd/rep=0"), try F.record("a/gd/rep=0")]
        let full = directory.appendingPathComponent("full.jsonl")
        let trimmed = directory.appendingPathComponent("trimmed.jsonl")
        try BaselineFile.write(records: records, manifestData: F.manifest(), to: full)
        try BaselineFile.write(records: records, manifestData: F.manifest(), to: trimmed, trimmed: true)
        let fullSize = try #require(FileManager.default.attributesOfItem(atPath: full.path)[.size] as? Int)
        let trimmedSize = try #require(FileManager.default.attributesOfItem(atPath: trimmed.path)[.size] as? Int)
        #expect(trimmedSize < fullSize)

        let read = try BaselineFile.read(from: trimmed, suite: "smoke").records
        let sorted = [records[1], records[0]]
        #expect(read.map(\.id) == sorted.map(\.id))
        for (back, original) in zip(read, sorted) {
            #expect(back.trace.map(\.iteration) == original.trace.map(\.iteration))
            #expect(back.trace.map(\.fingerprint) == original.trace.map(\.fingerprint))
            #expect(back.trace.map(\.value) == original.trace.map(\.value))
            var withoutTrace = back
            withoutTrace.trace = original.trace
            #expect(withoutTrace == original)
        }
        // Compared with the trimmed form, an unchanged run is clean and a changed one is located
        // at the same checkpoints as with the full form.
        #expect(try F.compare(read, sorted).runs.allSatisfy { $0.findings.isEmpty })
        var current = sorted
        F.diverge(&current[0], from: 50)
        let fromTrimmed = try F.compare(read, current).runs[0].divergence
        let fromFull = try F.compare(sorted, current).runs[0].divergence
        #expect(fromTrimmed == fromFull)
        #expect(fromTrimmed == TraceDivergence(lastEqualIteration: 40, firstDifferentIteration: 63))
    }

    @Test func aLineWithoutItsTraceStringIsAnErrorNamingTheLine() throws {
        let record = try F.record()
        let text = try TrimmedBaseline.line(record) + "\n" + RecordCoding.line(record) + "\n"
        #expect(TrimmedBaseline.isTrimmed(text))
        #expect(throws: ResultsError.self) { try TrimmedBaseline.records(fromJSONLines: text, source: "x.jsonl") }
    }
}
