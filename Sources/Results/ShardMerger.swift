import Foundation

/// `gdbench merge DIR…`: joins the run directories of the shards of one suite run into one set of
/// records, after checking that they share suite digest, seed, code version, filter and shard count,
/// that every shard is present once and finished, and that the ids neither overlap nor miss any run.
public enum ShardMerger {
    public static func merge(_ directories: [RunDirectory]) throws -> (records: [RunRecord], manifest: RunManifest) {
        guard let first = directories.first else { throw ResultsError("merge needs at least one run directory") }
        let manifests = try directories.map { try $0.readManifest() }
        let reference = manifests[0]
        var shardIndices: [Int] = []
        var shardCount: Int?
        for (directory, manifest) in zip(directories, manifests) {
            let name = directory.url.path
            guard manifest.endTime != nil else { throw ResultsError("\(name): the run is not finished (resume it first)") }
            guard manifest.suiteDigest == reference.suiteDigest else {
                throw ResultsError("\(name): suite digest \(manifest.suiteDigest.prefix(12)) differs from \(first.url.path)'s \(reference.suiteDigest.prefix(12))")
            }
            guard manifest.seed == reference.seed else {
                throw ResultsError("\(name): seed \(manifest.seed) differs from \(reference.seed)")
            }
            guard manifest.codeVersion == reference.codeVersion else {
                throw ResultsError("\(name): code version \(manifest.codeVersion) differs from \(reference.codeVersion)")
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
            guard duplicates.isEmpty else { throw ResultsError("shard \(duplicates.map { "\($0)/\(shardCount)" }.joined(separator: ", ")) given twice") }
            let missing = Set(1...shardCount).subtracting(shardIndices).sorted()
            guard missing.isEmpty else { throw ResultsError("missing shard \(missing.map { "\($0)/\(shardCount)" }.joined(separator: ", "))") }
        }
        var records: [RunRecord] = []
        var owner: [String: String] = [:]
        for directory in directories {
            for record in try directory.readRecords() {
                if let other = owner[record.id] {
                    throw ResultsError("run \(record.id) is in both \(other) and \(directory.url.path)")
                }
                owner[record.id] = directory.url.path
                records.append(record)
            }
        }
        guard records.count == reference.plannedRuns else {
            throw ResultsError("the directories hold \(records.count) runs, the plan has \(reference.plannedRuns)")
        }
        var manifest = reference
        manifest.shard = nil
        manifest.selectedRuns = records.count
        manifest.startTime = manifests.map(\.startTime).min() ?? reference.startTime
        manifest.endTime = manifests.compactMap(\.endTime).max()
        return (records.sorted { $0.id < $1.id }, manifest)
    }
}
