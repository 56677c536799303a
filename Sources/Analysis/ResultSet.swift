import Checking
import Foundation
import Results

/// The records of one run directory (and its manifest), grouped into cells: a cell is one
/// problem id × one optimizer id over its repetitions. Cells, problems and optimizers are listed in
/// sorted id order, so every table and figure is independent of the order of `runs.jsonl`.
public struct ResultSet: Sendable {
    public var records: [RunRecord]
    public var manifest: RunManifest?
    /// The run directory the records came from, when read from disk.
    public var directory: URL?

    public init(records: [RunRecord], manifest: RunManifest? = nil, directory: URL? = nil) {
        self.records = records.sorted { $0.id < $1.id }
        self.manifest = manifest
        self.directory = directory
    }

    /// Reads `runs.jsonl` and (when present) `manifest.json` of a run directory. A trimmed baseline
    /// (``TrimmedBaseline``, e.g. `results/baseline/conditioning.jsonl` copied as `runs.jsonl`) is
    /// read with its traces of values; their gaps f − f* are filled in from the recorded f*.
    public init(directory: RunDirectory) throws {
        var records: [RunRecord]
        if let data = FileManager.default.contents(atPath: directory.recordsURL.path),
            case let text = String(decoding: data, as: UTF8.self), TrimmedBaseline.isTrimmed(text)
        {
            records = try TrimmedBaseline.records(fromJSONLines: text, source: directory.recordsURL.path)
            for index in records.indices {
                guard let optimum = records[index].optimalValue else { continue }
                for point in records[index].trace.indices {
                    records[index].trace[point].gap = records[index].trace[point].value - optimum
                }
            }
        } else {
            records = try directory.readRecords()
        }
        let manifest =
            FileManager.default.fileExists(atPath: directory.manifestURL.path) ? try directory.readManifest() : nil
        self.init(records: records, manifest: manifest, directory: directory.url)
    }

    /// Problem ids, sorted.
    public var problemIDs: [String] { Array(Set(records.map(\.problem.id))).sorted() }
    /// Optimizer ids, sorted.
    public var optimizerIDs: [String] { Array(Set(records.map(\.optimizer.id))).sorted() }

    /// The cells, sorted by problem id then optimizer id; each cell's runs sorted by repetition.
    public var cells: [Cell] {
        var groups: [CellKey: [RunRecord]] = [:]
        for record in records {
            groups[CellKey(problemID: record.problem.id, optimizerID: record.optimizer.id), default: []].append(record)
        }
        return groups.keys.sorted().map { key in
            Cell(key: key, runs: (groups[key] ?? []).sorted { $0.repetition < $1.repetition })
        }
    }

    /// The target thresholds of the ladder (taken from the first record; every record of a suite
    /// shares the ladder).
    public var thresholds: [Double] { records.first?.targets.ladder.map(\.threshold) ?? [] }

    /// The measure of the target ladder.
    public var targetMeasure: TargetMeasure? { records.first?.targets.measure }
}
