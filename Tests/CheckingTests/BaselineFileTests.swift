import Checking
import Foundation
import Results
import Testing

/// The baseline file and its provenance sidecar: round trip, atomic replacement (no temporary
/// file left, the old file replaced whole), and clear errors.
@Suite struct BaselineFileTests {
    typealias F = ComparisonFixtures

    func listing(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func aWrittenBaselineReadsBackSortedWithItsProvenance() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("baseline/smoke.jsonl")
        let records = [try F.record("b/gd/rep=0"), try F.record("a/gd/rep=0")]
        let manifest = F.manifest(gitCommit: "0123456789abcdef0123")
        try BaselineFile.write(records: records, manifestData: manifest, to: url)

        #expect(try listing(url.deletingLastPathComponent()) == ["smoke.jsonl", "smoke.manifest.json"])
        let read = try BaselineFile.read(from: url, suite: "smoke")
        #expect(read.records == [records[1], records[0]])
        #expect(read.provenance?.gitCommit == "0123456789abcdef0123")
        #expect(
            read.provenance?.platform
                == PlatformIdentity(operatingSystem: "Linux", architecture: "x86_64", swiftVersion: "Swift 6.3"))
        // The sidecar is the run's manifest byte for byte; the records are a plain runs.jsonl.
        #expect(FileManager.default.contents(atPath: BaselineFile.manifestURL(for: url).path) == manifest)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(try RecordCoding.records(fromJSONLines: text) == [records[1], records[0]])
        #expect(text == (try RecordCoding.jsonLines([records[1], records[0]])))
    }

    @Test func updatingReplacesTheOldFilesWholeAndLeavesNoTemporaryFile() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("smoke.jsonl")
        let old = try ["a", "b", "c"].map { try F.record("\($0)/gd/rep=0") }
        try BaselineFile.write(records: old, manifestData: F.manifest(gitCommit: "old"), to: url)
        let oldSize = try #require(FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)

        let new = [try F.record("z/gd/rep=0")]
        try BaselineFile.write(records: new, manifestData: F.manifest(gitCommit: "new"), to: url)
        #expect(try listing(directory) == ["smoke.jsonl", "smoke.manifest.json"])
        let read = try BaselineFile.read(from: url, suite: "smoke")
        #expect(read.records == new)
        #expect(read.provenance?.gitCommit == "new")
        let newSize = try #require(FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(newSize * 3 == oldSize)
    }

    @Test func aFailedReplacementKeepsTheOldFileAndRemovesItsTemporary() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A non-empty directory where the file should go: rename(2) must fail.
        let target = directory.appendingPathComponent("smoke.jsonl")
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent("occupied"), withIntermediateDirectories: true)
        #expect(throws: ResultsError.self) {
            try AtomicFile.write(Data("new\n".utf8), to: target)
        }
        #expect(try listing(directory) == ["smoke.jsonl"])
        #expect(try listing(target) == ["occupied"])
    }

    @Test func aBaselineWrittenWithoutAManifestDropsTheStaleSidecar() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("smoke.jsonl")
        try BaselineFile.write(records: [try F.record()], manifestData: F.manifest(), to: url)
        try BaselineFile.write(records: [try F.record()], manifestData: nil, to: url)
        #expect(try listing(directory) == ["smoke.jsonl"])
        #expect(try BaselineFile.read(from: url, suite: "smoke").provenance == nil)
    }

    @Test func sidecarsAreNamedAfterTheBaseline() {
        let url = URL(fileURLWithPath: "/r/baseline/smoke.jsonl")
        #expect(BaselineFile.manifestURL(for: url).path == "/r/baseline/smoke.manifest.json")
        #expect(BaselineFile.allowedDifferencesURL(for: url).path == "/r/baseline/smoke.allowed.json")
    }

    @Test func unreadableBaselinesAreErrorsNamingTheFile() throws {
        let directory = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("smoke.jsonl")
        #expect {
            try BaselineFile.read(from: missing, suite: "smoke")
        } throws: { error in
            (error as? ResultsError)?.message
                == "\(missing.path): no such baseline (create it with: gdbench check --suite smoke --update-baseline)"
        }
        try Data("{\"schemaVersion\":1}\n".utf8).write(to: missing)
        #expect {
            try BaselineFile.read(from: missing, suite: "smoke")
        } throws: { error in
            (error as? ResultsError)?.message.hasPrefix("\(missing.path): line 1: not a run record") == true
        }
        try BaselineFile.write(records: [try F.record()], manifestData: Data("[1]".utf8), to: missing)
        #expect {
            try BaselineFile.read(from: missing, suite: "smoke")
        } throws: { error in
            (error as? ResultsError)?.message.hasPrefix(
                "\(BaselineFile.manifestURL(for: missing).path): not a gdbench manifest") == true
        }
    }
}
