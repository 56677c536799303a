import Foundation
import Harness
import Results
import TestSupport
import Testing

/// Result files are validated on read: a checksum per record, the schema version, whole lines; a
/// damaged file is an error naming the file and the line, never a silently different result.
@Suite struct ResultFileTests {
    static func records() throws -> [RunRecord] {
        let text = """
            name: tiny
            seed: 3
            repetitions: 3
            budget: {max-iterations: 50}
            problems:
              - kind: shifted-bowl
            optimizers:
              - kind: sgd
                lr: 0.1
            """
        let suite = try SuiteLoader(catalog: .builtIn).load(text: text, file: "tiny.yaml")
        return try SuiteRunner.records(try RunPlan(suite: suite))
    }

    /// Published FNV-1a 64 test vectors (Fowler–Noll–Vo reference test suite, `test_fnv.c`).
    @Test func checksumIsFNV1a64() {
        #expect(RecordChecksum.fnv1a64(Array("".utf8)) == 0xcbf2_9ce4_8422_2325)
        #expect(RecordChecksum.fnv1a64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(RecordChecksum.fnv1a64(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test func everyLineCarriesTheChecksumOfTheRestOfTheLine() throws {
        let text = try RecordCoding.jsonLines(try Self.records())
        for line in text.split(separator: "\n") {
            #expect(line.hasPrefix("{\"checksum\":\""))
            let digits = line.dropFirst(13).prefix(16)
            let rest = "{" + line.dropFirst(13 + 16 + 2)
            #expect(UInt64(digits, radix: 16) == RecordChecksum.fnv1a64(Array(rest.utf8)))
            // Without the checksum field the line is the plain canonical JSON of the record.
            let object = try JSONSerialization.jsonObject(with: Data(rest.utf8)) as? [String: Any]
            #expect(object?["checksum"] == nil && object?["id"] != nil)
        }
    }

    func writeRun(_ text: String) throws -> RunDirectory {
        let url = Subprocess.temporaryDirectory()
        try Data(text.utf8).write(to: url.appendingPathComponent("runs.jsonl"))
        return RunDirectory(url: url)
    }

    func message(_ directory: RunDirectory) -> String? {
        do {
            _ = try directory.readRecords()
            return nil
        } catch {
            return (error as? ResultsError)?.message ?? "\(error)"
        }
    }

    @Test func aChangedNumberIsACheckSumErrorNamingTheLine() throws {
        var lines = try RecordCoding.jsonLines(try Self.records()).split(separator: "\n").map(String.init)
        // Edit one number on line 2; the JSON stays valid, only the checksum can tell.
        let range = try #require(lines[1].range(of: "\"repetition\":1"))
        lines[1].replaceSubrange(range, with: "\"repetition\":2")
        let directory = try writeRun(lines.joined(separator: "\n") + "\n")
        let text = try #require(message(directory))
        #expect(text.hasPrefix(directory.recordsURL.path + ": line 2: checksum "))
        #expect(text.contains("does not match"))
    }

    @Test func aTruncatedFileNamesItsLastLine() throws {
        let text = try RecordCoding.jsonLines(try Self.records())
        let directory = try writeRun(String(text.dropLast(40)))
        #expect(
            message(directory)
                == "\(directory.recordsURL.path): line 3: truncated (the file ends inside a record; was the write "
                + "interrupted?)")
        // The journal of an interrupted run tolerates exactly that torn tail.
        try FileManager.default.moveItem(at: directory.recordsURL, to: directory.journalURL)
        #expect(try directory.readJournal().count == 2)
    }

    @Test func garbageAndMissingFieldsAndNewerSchemasNameTheLine() throws {
        let records = try Self.records()
        let good = try RecordCoding.line(records[0])
        let garbage = try writeRun(good + "\n\n\u{1}\u{2}garbage\n")
        #expect(message(garbage) == "\(garbage.recordsURL.path): line 3: not a run record (not valid JSON)")

        let missing = try writeRun("{\"id\":\"x\",\"schemaVersion\":1}\n")
        #expect(
            message(missing)?.hasPrefix("\(missing.recordsURL.path): line 1: not a run record (missing field ") == true)

        var newer = records[1]
        newer.schemaVersion = RunRecord.currentSchemaVersion + 1
        let future = try writeRun(good + "\n" + (try RecordCoding.line(newer)) + "\n")
        #expect(
            message(future)
                == "\(future.recordsURL.path): line 2: schema version \(newer.schemaVersion) is not one this gdbench "
                + "reads (1 … \(RunRecord.currentSchemaVersion))")
    }

    @Test func aDamagedOrMissingManifestIsNamed() throws {
        let directory = RunDirectory(url: Subprocess.temporaryDirectory())
        #expect(throws: ResultsError("\(directory.manifestURL.path): no such file (is this a gdbench run directory?)"))
        {
            try directory.readManifest()
        }
        try Data("{\"suite\": \"smo".utf8).write(to: directory.manifestURL)
        #expect(throws: ResultsError("\(directory.manifestURL.path): not a gdbench manifest (not valid JSON)")) {
            try directory.readManifest()
        }
    }

    @Test func linesWithoutChecksumFromEarlierVersionsAreRead() throws {
        let records = try Self.records()
        let plain = try records.map { String(decoding: try RecordCoding.encoder().encode($0), as: UTF8.self) }
        let directory = try writeRun(plain.joined(separator: "\n") + "\n")
        #expect(try directory.readRecords() == records)
    }
}

/// A journal whose last append was torn (the process killed inside a write) is cut back to its
/// whole lines before new records are appended, so it stays readable however often it is resumed.
@Suite struct JournalRepairTests {
    @Test func aTornTailIsCutOffBeforeAppending() throws {
        let records = try ResultFileTests.records()
        let directory = RunDirectory(url: Subprocess.temporaryDirectory())
        let whole = try RecordCoding.line(records[0]) + "\n"
        let torn = String(try RecordCoding.line(records[1]).prefix(100))
        try Data((whole + torn).utf8).write(to: directory.journalURL)
        let journal = try Journal(directory: directory)
        try journal.append(records[2])
        journal.close()
        let text = try String(contentsOf: directory.journalURL, encoding: .utf8)
        #expect(text == whole + (try RecordCoding.line(records[2])) + "\n")
        #expect(try RecordCoding.records(fromJSONLines: text) == [records[0], records[2]])
    }
}
