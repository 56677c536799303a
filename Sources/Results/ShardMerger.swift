import Foundation

/// `gdbench merge DIR…`: joins the run directories of the shards of one suite run into one set of
/// records, after checking that they share suite digest, seed, code version, filter and shard count,
/// that every shard is present once and finished, and that the ids neither overlap nor miss any run.
/// The result is an index of the shards' record lines (``RecordLines``), validated line by line,
/// for ``RunDirectory/finish(lines:manifest:onRecord:)``: the records are never all in memory.
public enum ShardMerger {
    public static func merge(_ directories: [RunDirectory]) throws -> (lines: RecordLines, manifest: RunManifest) {
        guard let first = directories.first else { throw ResultsError("merge needs at least one run directory") }
        let manifests = try directories.map { try $0.readManifest() }
        let reference = manifests[0]
        var shardIndices: [Int] = []
        var shardCount: Int?
        for (directory, manifest) in zip(directories, manifests) {
            let name = directory.url.path
            guard manifest.endTime != nil else {
                throw ResultsError("\(name): the run is not finished (resume it first)")
            }
            guard manifest.suiteDigest == reference.suiteDigest else {
                throw ResultsError(
                    "\(name): suite digest \(manifest.suiteDigest.prefix(12)) differs from \(first.url.path)'s "
                        + "\(reference.suiteDigest.prefix(12))")
            }
            guard manifest.seed == reference.seed else {
                throw ResultsError("\(name): seed \(manifest.seed) differs from \(reference.seed)")
            }
            guard manifest.codeVersion == reference.codeVersion else {
                throw ResultsError(
                    "\(name): code version \(manifest.codeVersion) differs from \(reference.codeVersion)")
            }
            guard manifest.filter == reference.filter, manifest.plannedRuns == reference.plannedRuns else {
                throw ResultsError("\(name): a different filter or plan than \(first.url.path)")
            }
            if let shard = manifest.shard {
                let parts = shard.split(separator: "/").compactMap { Int($0) }
                guard parts.count == 2 else { throw ResultsError("\(name): malformed shard '\(shard)'") }
                if let count = shardCount, count != parts[1] {
                    throw ResultsError("\(name): shard \(shard) is of \(parts[1]) shards, others of \(count)")
                }
                shardCount = parts[1]
                shardIndices.append(parts[0])
            }
        }
        if let shardCount {
            let duplicates = Dictionary(grouping: shardIndices, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            guard duplicates.isEmpty else {
                throw ResultsError(
                    "shard \(duplicates.map { "\($0)/\(shardCount)" }.joined(separator: ", ")) given twice")
            }
            let missing = Set(1...shardCount).subtracting(shardIndices).sorted()
            guard missing.isEmpty else {
                throw ResultsError("missing shard \(missing.map { "\($0)/\(shardCount)" }.joined(separator: ", "))")
            }
        }
        var lines = RecordLines()
        for directory in directories {
            guard FileManager.default.fileExists(atPath: directory.recordsURL.path) else {
                throw ResultsError("\(directory.recordsURL.path): no such file (is the run finished?)")
            }
            try lines.scan(directory.recordsURL)
        }
        if let (earlier, later) = lines.firstDuplicate() {
            throw ResultsError(
                "run \(earlier.id) is in both \(directories[earlier.file].url.path) and "
                    + "\(directories[later.file].url.path)")
        }
        guard lines.count == reference.plannedRuns else {
            throw ResultsError("the directories hold \(lines.count) runs, the plan has \(reference.plannedRuns)")
        }
        var manifest = reference
        manifest.shard = nil
        manifest.selectedRuns = lines.count
        manifest.startTime = manifests.map(\.startTime).min() ?? reference.startTime
        manifest.endTime = manifests.compactMap(\.endTime).max()
        return (lines, manifest)
    }
}
