import Foundation
import Objectives
import Parameters
import Results

/// The harness side of data files (`file:` of `logistic`, `least-squares` and later data-driven
/// kinds): paths are relative to the suite file that names them; the loader reads, checks and hashes
/// every file before anything runs (errors name the suite entry and the data file's line and column);
/// the file's SHA-256 enters the suite digest, the manifest (``DataFileRecord``) and each record's
/// problem parameters (`file-sha256`, `file-bytes`, `file-shape`).
public enum DataFileResolution {
    public static let keys = ["file", "label", "format", "features"]

    /// `path` relative to the directory of `suiteFile` (absolute paths unchanged).
    public static func resolve(_ path: String, suiteFile: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = (suiteFile as NSString).deletingLastPathComponent
        return base.isEmpty ? path : (base as NSString).appendingPathComponent(path)
    }

    /// `parameters` with `file` resolved against the suite file, for the kind's `make`.
    public static func resolved(_ parameters: ParameterSet, suiteFile: String) -> ParameterSet {
        guard case .text(let path)? = parameters["file"], path != "none" else { return parameters }
        var copy = parameters
        copy["file"] = .text(resolve(path, suiteFile: suiteFile))
        return copy
    }

    /// The record fields of the file `parameters` name (already loaded), else none.
    public static func recordFields(_ parameters: ParameterSet, suiteFile: String) throws -> [String: ParameterValue] {
        guard let key = try DataFileProblems.key(resolved(parameters, suiteFile: suiteFile)) else { return [:] }
        let entry = try store().load(key)
        let table = entry.table
        return [
            "file-sha256": .text(entry.digest), "file-bytes": .number(Double(table.source.bytes)),
            "file-shape": .text(
                "\(table.rowCount)x\(table.columnCount),\(table.source.format.rawValue),"
                    + "\(table.storedEntries) entries"),
        ]
    }

    /// The process-wide store, hashing with SHA-256.
    public static func store() -> DataFileStore {
        let store = DataFileStore.shared
        if store.digestFunction == nil { store.digestFunction = { SHA256.hex(of: $0) } }
        return store
    }

    /// `--resume` found no unfinished run of this suite version: throws when one would have matched
    /// but for a data file that changed since (same suite file, seed and code), naming the file and
    /// both digests, instead of silently starting afresh.
    public static func refuseChangedFiles(_ candidates: [RunDirectory], current: RunManifest) throws {
        for candidate in candidates {
            guard let old = try? candidate.readManifest(), old.suiteFile == current.suiteFile, old.seed == current.seed,
                old.codeVersion == current.codeVersion, let oldFiles = old.dataFiles,
                oldFiles != current.dataFiles ?? []
            else { continue }
            let now = current.dataFiles ?? []
            let changed = oldFiles.first { file in !now.contains(file) } ?? oldFiles[0]
            let digestNow = now.first { $0.path == changed.path }?.sha256 ?? "absent"
            throw ResultsError(
                "--resume: \(changed.path) changed since the unfinished run \(candidate.url.path) (SHA-256 "
                    + "\(changed.sha256.prefix(12))… then, \(digestNow.prefix(12))… now); its records would mix two "
                    + "versions "
                    + "of the data. Restore the file, or run without --resume for a fresh run.")
        }
    }

    /// Reads and checks every data file `entry` names (each alternative of its data keys).
    static func preload(_ entry: ProblemEntry, suiteFile: String) throws -> [DataFileRecord] {
        guard entry.parameters["file"] != nil else { return [] }
        let choices = entry.parameters.filter { keys.contains($0.key) }
        var records: [DataFileRecord] = []
        for combination in product(choices) {
            var parameters = ParameterSet()
            for (key, template) in combination {
                parameters[key] = try? template.resolve([:])
            }
            let location = entry.location
            do {
                guard let key = try DataFileProblems.key(resolved(parameters, suiteFile: suiteFile)) else { continue }
                let loaded = try store().load(key)
                try DataFileProblems.validate(loaded, kind: entry.kind.name)
                guard case .text(let written)? = parameters["file"] else { continue }
                let table = loaded.table
                let record = DataFileRecord(
                    path: written, sha256: loaded.digest, bytes: table.source.bytes,
                    format: table.source.format.rawValue,
                    rows: table.rowCount, columns: table.columnCount, entries: table.storedEntries)
                if !records.contains(record) { records.append(record) }
            } catch let error as DataFileError {
                throw location.error("file", error.description)
            } catch let error as ParameterError {
                throw location.error(error.key, error.message)
            }
        }
        return records
    }

    /// Every combination of one alternative per key (keys sorted).
    static func product(_ alternatives: [String: [ParameterTemplate]]) -> [[String: ParameterTemplate]] {
        var combinations: [[String: ParameterTemplate]] = [[:]]
        for key in alternatives.keys.sorted() {
            combinations = combinations.flatMap { partial in
                (alternatives[key] ?? []).map { value in partial.merging([key: value]) { $1 } }
            }
        }
        return combinations
    }
}
