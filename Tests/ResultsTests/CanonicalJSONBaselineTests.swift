import Checking
import Foundation
import Results
import Testing

/// Every record of the committed baselines, written by ``CanonicalJSONEncoder`` (through
/// `RecordCoding.line`), is byte for byte the line Foundation's `JSONEncoder` wrote into the file.
@Suite struct CanonicalJSONBaselineTests {
    @Test(arguments: ["smoke.jsonl", "trajectories.jsonl"])
    func fullBaselineLinesAreRewrittenIdentically(name: String) throws {
        let text = try FoundationJSON.baseline(name)
        let lines = text.split(separator: "\n").map(String.init)
        let records = try RecordCoding.records(fromJSONLines: text)
        #expect(records.count == lines.count && records.count > 0)
        for (record, committed) in zip(records, lines) {
            let line = try RecordCoding.line(record)
            // Lines written before checksums were added hold the bare canonical JSON.
            let rewritten =
                committed.hasPrefix("{\"checksum\":")
                ? line : String(decoding: try CanonicalJSONEncoder.encode(record), as: UTF8.self)
            let sameAsCommitted = rewritten == committed
            let sameAsFoundation = line == (try FoundationJSON.line(record))
            #expect(sameAsCommitted, "\(record.id)")
            #expect(sameAsFoundation, "\(record.id)")
        }
    }

    /// The trimmed conditioning baseline: its records as plain JSON Lines readers see them (empty
    /// trace) and as `TrimmedBaseline` restores them (placeholder trace points with NaN gradient
    /// norms), and its trimmed lines, rebuilt from the restored records, equal the committed ones.
    @Test func trimmedBaselineRecordsAreWrittenAsFoundationWritesThem() throws {
        let text = try FoundationJSON.baseline("conditioning.jsonl")
        let lines = text.split(separator: "\n").map(String.init)
        let decoder = RecordCoding.decoder()
        let plain = try lines.map { try decoder.decode(RunRecord.self, from: Data($0.utf8)) }
        let restored = try TrimmedBaseline.records(fromJSONLines: text, source: "conditioning.jsonl")
        #expect(plain.count == lines.count && restored.count == lines.count && lines.count > 1000)
        #expect(restored.contains { !$0.trace.isEmpty })
        for record in plain + restored {
            let same = try CanonicalJSONEncoder.encode(record) == (try FoundationJSON.bytes(record))
            #expect(same, "\(record.id)")
        }
        for (record, committed) in zip(restored, lines) {
            let line = try TrimmedBaseline.line(record)
            let same =
                committed.hasPrefix("{\"checksum\":") ? line == committed : FoundationJSON.unsealed(line) == committed
            #expect(same, "\(record.id)")
        }
    }
}
