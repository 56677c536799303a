import Foundation
import Results

/// A committed baseline `results/baseline/SUITE.jsonl` and its sidecars.
///
/// - `SUITE.jsonl` — the `runs.jsonl` of the run it came from, record for record: the same JSON
///   Lines schema, sorted by id, traces **not** trimmed. The trace is what lets a report say
///   where two versions first differ (a fingerprint at each of its ~100 log-spaced checkpoints),
///   and a baseline that is exactly a `runs.jsonl` can be read by every tool that reads results.
///   A record is a few tens of kB; the smoke suite's baseline stays well under a megabyte and
///   compresses well in git. Suites with many runs use the ``TrimmedBaseline`` form instead
///   (`--trim-baseline`; detected when read).
/// - `SUITE.manifest.json` — provenance: a verbatim copy of that run's `manifest.json` (gdbench
///   version, git commit, compiler, OS and architecture, CPU, build configuration, suite digest,
///   seed, times). A sidecar rather than a header line keeps the `.jsonl` a plain `runs.jsonl`.
/// - `SUITE.allowed.json` — optional ``AllowedDifferences``, used when `--allowed-differences` is
///   not given.
///
/// Writing replaces each file atomically: the bytes go to `.NAME.tmp-PID` in the same directory,
/// which is renamed over `NAME`, so a reader sees the old file or the new one, never a mix. The
/// manifest is written before the records (a failure in between leaves the new provenance beside
/// the old records, never the old provenance beside new records).
public struct BaselineFile: Sendable {
    public var url: URL
    public var records: [RunRecord]
    public var provenance: RunProvenance?

    public init(url: URL, records: [RunRecord], provenance: RunProvenance?) {
        self.url = url
        self.records = records
        self.provenance = provenance
    }

    /// `SUITE.jsonl` → `SUITE.manifest.json`.
    public static func manifestURL(for url: URL) -> URL {
        sidecar(of: url, suffix: ".manifest.json")
    }

    /// `SUITE.jsonl` → `SUITE.allowed.json`.
    public static func allowedDifferencesURL(for url: URL) -> URL {
        sidecar(of: url, suffix: ".allowed.json")
    }

    static func sidecar(of url: URL, suffix: String) -> URL {
        let name = url.lastPathComponent
        let stem = name.hasSuffix(".jsonl") ? String(name.dropLast(".jsonl".count)) : name
        return url.deletingLastPathComponent().appendingPathComponent(stem + suffix)
    }

    /// Reads the records and, when present, the provenance sidecar.
    public static func read(from url: URL, suite: String) throws -> BaselineFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if FileManager.default.fileExists(atPath: url.path) {
                throw ResultsError("\(url.path): cannot read the baseline (\(String(cString: strerror(errno))))")
            }
            throw ResultsError(
                "\(url.path): no such baseline (create it with: \(CommandName.current) check --suite \(suite) "
                    + "--update-baseline)")
        }
        let bytes = [UInt8](data)
        let regenerate = "regenerate it with: \(CommandName.current) check --suite \(suite) --update-baseline"
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            let what = bytes.isEmpty ? "0 bytes" : "only blank lines"
            throw ResultsError(
                "\(url.path): the baseline is empty (\(what)), so a check against it would compare nothing; "
                    + "\(regenerate)")
        }
        if let offset = bytes.firstIndex(of: 0) {
            throw ResultsError(
                "\(url.path): binary data (a NUL byte at byte offset \(offset)), not a JSON Lines baseline; "
                    + "\(regenerate)")
        }
        if String(validatingUTF8: bytes.map { CChar(bitPattern: $0) } + [0]) == nil {
            throw ResultsError("\(url.path): not UTF-8 text, so not a JSON Lines baseline; \(regenerate)")
        }
        if let crlf = bytes.indices.dropFirst().first(where: { bytes[$0] == 0x0A && bytes[$0 - 1] == 0x0D }) {
            let line = bytes[..<crlf].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw ResultsError(
                "\(url.path): line \(line) ends in CR LF (Windows line endings); gdbench writes LF only — "
                    + "convert the file back (e.g. dos2unix) or \(regenerate)")
        }
        let records: [RunRecord]
        let text = String(decoding: data, as: UTF8.self)
        do {
            records =
                TrimmedBaseline.isTrimmed(text)
                ? try TrimmedBaseline.records(fromJSONLines: text, source: url.path)
                : try RecordCoding.records(fromJSONLines: text)
        } catch let error as ResultsError {
            throw ResultsError("\(url.path): \(error.message)")
        }
        let manifest = manifestURL(for: url)
        let provenance = try FileManager.default.contents(atPath: manifest.path).map {
            try RunProvenance(manifestData: $0, file: manifest.path)
        }
        return BaselineFile(url: url, records: records, provenance: provenance)
    }

    /// Writes `records` (sorted by id) as the baseline at `url`, with `manifestData` (the run's
    /// `manifest.json` bytes) as its provenance sidecar; with no manifest, a stale sidecar is removed.
    /// `trimmed` writes the ``TrimmedBaseline`` form.
    public static func write(records: [RunRecord], manifestData: Data?, to url: URL, trimmed: Bool = false) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let manifest = manifestURL(for: url)
        if let manifestData {
            try AtomicFile.write(manifestData, to: manifest)
        } else if FileManager.default.fileExists(atPath: manifest.path) {
            try FileManager.default.removeItem(at: manifest)
        }
        let sorted = records.sorted { $0.id < $1.id }
        let text =
            trimmed
            ? try sorted.map { try TrimmedBaseline.line($0) + "\n" }.joined() : try RecordCoding.jsonLines(sorted)
        try AtomicFile.write(Data(text.utf8), to: url)
    }
}
