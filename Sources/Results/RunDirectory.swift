import Foundation

/// One run directory `results/SUITE/RUN/` (see ``RunRecord`` for its files).
public struct RunDirectory: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    public var manifestURL: URL { url.appendingPathComponent("manifest.json") }
    public var recordsURL: URL { url.appendingPathComponent("runs.jsonl") }
    public var summaryURL: URL { url.appendingPathComponent("summary.csv") }
    public var journalURL: URL { url.appendingPathComponent("journal.jsonl") }

    /// `20261123T155012Z`, the UTC time of `date` to the second.
    public static func timestampID(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// ISO 8601 UTC to the millisecond.
    public static func isoTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// A new directory `root/suite/<timestamp>` (`-2`, `-3`, … appended if that name exists). Each
    /// name is claimed with one `mkdir`, so two processes starting in the same second get different
    /// directories. A root that cannot be created (a path under a regular file, a read-only file
    /// system, a full disk) is a ``ResultsError`` naming the path and the reason.
    public static func create(root: URL, suite: String, date: Date) throws -> RunDirectory {
        if let problem = componentProblem(suite) {
            throw ResultsError("cannot create a run directory for suite '\(suite)': \(problem)")
        }
        let suiteURL = root.appendingPathComponent(suite)
        try makeDirectories(suiteURL)
        let base = timestampID(date)
        for attempt in 1...10_000 {
            let name = attempt == 1 ? base : "\(base)-\(attempt)"
            let url = suiteURL.appendingPathComponent(name)
            if mkdir(url.path, 0o755) == 0 { return RunDirectory(url: url) }
            guard errno == EEXIST else {
                throw ResultsError("cannot create the run directory \(url.path): \(String(cString: strerror(errno)))")
            }
        }
        throw ResultsError("cannot create a run directory in \(suiteURL.path): 10000 names for \(base) are taken")
    }

    /// Why `name` cannot be one directory name under a results root (so nothing is written outside
    /// it): only ASCII letters, digits, `.`, `_` and `-`, not empty, not `.` or `..`. Nil when it can.
    public static func componentProblem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name == "." || name == ".." { return "'.' and '..' name directories outside the results root" }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "._-".unicodeScalars.contains(scalar))
        }
        if !allowed {
            return "only letters, digits, '.', '_' and '-' are allowed (no '/', spaces or control characters)"
        }
        return nil
    }

    /// `mkdir -p`, with the first component that fails and why.
    static func makeDirectories(_ url: URL) throws {
        var path = url.path.hasPrefix("/") ? "" : "."
        for component in url.path.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) == 0 || errno == EEXIST {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    continue
                }
                throw ResultsError("cannot create the results directory \(url.path): \(path) is not a directory")
            }
            throw ResultsError(
                "cannot create the results directory \(url.path): \(path): \(String(cString: strerror(errno)))")
        }
    }

    public func writeManifest(_ manifest: RunManifest) throws {
        try AtomicFile.write(try RecordCoding.encoder(pretty: true).encode(manifest) + Data("\n".utf8), to: manifestURL)
    }

    public func readManifest() throws -> RunManifest {
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            throw ResultsError("\(manifestURL.path): no such file (is this a gdbench run directory?)")
        }
        do {
            return try RecordCoding.decoder().decode(RunManifest.self, from: data)
        } catch {
            throw ResultsError("\(manifestURL.path): not a gdbench manifest (\(RecordCoding.describe(error)))")
        }
    }

    /// Records appended so far by an unfinished run (a torn last line is ignored).
    public func readJournal() throws -> [RunRecord] {
        guard let data = FileManager.default.contents(atPath: journalURL.path) else { return [] }
        do {
            return try RecordCoding.records(
                fromJSONLines: String(decoding: data, as: UTF8.self), toleratingTruncatedTail: true)
        } catch let error as ResultsError {
            throw ResultsError("\(journalURL.path): \(error.message)")
        }
    }

    public func readRecords() throws -> [RunRecord] {
        guard let data = FileManager.default.contents(atPath: recordsURL.path) else {
            throw ResultsError("\(recordsURL.path): no such file (is the run finished?)")
        }
        do {
            return try RecordCoding.records(fromJSONLines: String(decoding: data, as: UTF8.self))
        } catch let error as ResultsError {
            throw ResultsError("\(recordsURL.path): \(error.message)")
        }
    }

    /// Writes `runs.jsonl` (the lines of `lines`, copied verbatim in id order), `summary.csv` (a row
    /// per record, in id order), the finished manifest, removes the journal and points `../latest`
    /// at this directory. Every file is written atomically and streamed: one record is decoded at a
    /// time and handed to `onRecord` (in id order) after its row is written. The files are the same
    /// bytes as ``RecordCoding/jsonLines(_:)`` and ``SummaryTable/csv(_:)`` of the records sorted by id.
    public func finish(lines: RecordLines, manifest: RunManifest, onRecord: (RunRecord) throws -> Void = { _ in })
        throws
    {
        var records = try AtomicFile.Writer(url: recordsURL)
        var summary: AtomicFile.Writer
        do {
            summary = try AtomicFile.Writer(url: summaryURL)
        } catch {
            records.abandon()
            throw error
        }
        do {
            var thresholds: [Double]?
            try lines.forEachInIDOrder { record, line in
                try records.append(line)
                try records.append("\n")
                if thresholds == nil {
                    let first = SummaryTable.thresholds(of: record)
                    thresholds = first
                    try summary.append(SummaryTable.header(thresholds: first))
                }
                try summary.append(SummaryTable.row(record, thresholds: thresholds ?? []))
                try onRecord(record)
            }
            if thresholds == nil { try summary.append(SummaryTable.header(thresholds: [])) }
            try records.commit()
            try summary.commit()
        } catch {
            records.abandon()
            summary.abandon()
            throw error
        }
        try writeManifest(manifest)
        try? FileManager.default.removeItem(at: journalURL)
        removeStaleTemporaries()
        try pointLatest()
    }

    /// Removes the temporary files (`.NAME.tmp-PID`, ``AtomicFile``) a killed process left in this
    /// directory and its subdirectories. Called when the run finishes, under the run's lock, so no
    /// other process is writing here.
    public func removeStaleTemporaries() {
        guard let walker = FileManager.default.enumerator(atPath: url.path) else { return }
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards),
                !name[range.upperBound...].isEmpty, name[range.upperBound...].allSatisfy(\.isNumber)
            else { continue }
            try? FileManager.default.removeItem(atPath: url.appendingPathComponent(relative).path)
        }
    }

    /// `../latest` → this directory, replaced atomically (a new link renamed over the old one).
    public func pointLatest() throws {
        let parent = url.deletingLastPathComponent()
        let latest = parent.appendingPathComponent("latest")
        let temporary = parent.appendingPathComponent(".latest.tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: temporary)
        try FileManager.default.createSymbolicLink(atPath: temporary.path, withDestinationPath: url.lastPathComponent)
        if rename(temporary.path, latest.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw ResultsError("cannot update \(latest.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Run directories of a suite whose manifest has no end time, newest first.
    public static func unfinished(suiteDirectory: URL) -> [RunDirectory] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: suiteDirectory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "latest" }.sorted(by: >).compactMap { name in
            let directory = RunDirectory(url: suiteDirectory.appendingPathComponent(name))
            guard let manifest = try? directory.readManifest(), manifest.endTime == nil else { return nil }
            return directory
        }
    }
}
