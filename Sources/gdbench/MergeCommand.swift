import ArgumentParser
import Foundation
import Harness
import Results

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the run directories of the shards of one suite run into one run directory.",
        discussion: """
            Checks that the shards share suite digest, seed, code version and filter, that every shard
            i/n is present once, and that run ids neither overlap nor leave gaps.
            Example: gdbench merge results/conditioning/2026*
            """)

    @Argument(help: "Run directories (results/SUITE/RUN) of the shards.")
    var directories: [String]

    @Option(
        name: .long, help: ArgumentHelp("Results root for the merged run (OUT/SUITE/<UTC time>/).", valueName: "dir"))
    var out: String = "results"

    func run() throws {
        guard !directories.isEmpty else { throw InputError("merge needs the shards' run directories") }
        let merged = try ShardMerger.merge(directories.map { RunDirectory(url: URL(fileURLWithPath: $0)) })
        var manifest = merged.manifest
        manifest.commandLine = CommandLine.arguments
        let directory = try RunDirectory.create(root: URL(fileURLWithPath: out), suite: manifest.suite, date: Date())
        try directory.finish(lines: merged.lines, manifest: manifest)
        try copySidecars(from: directories.sorted().map { URL(fileURLWithPath: $0) }, to: directory.url)
        print("merged \(directories.count) shards, \(merged.lines.count) runs → \(directory.url.path)")
    }

    /// Copies the shards' trajectory sidecars (`paths/`, `contours/`) into the merged run, so
    /// `gdbench plot` draws its trajectories. Paths are per run, so shards never share one; a
    /// contour grid written by several shards (a problem split across them) is taken from the first
    /// shard in path order.
    private func copySidecars(from shards: [URL], to merged: URL) throws {
        let manager = FileManager.default
        for folder in [TrajectoryFile.folderName, ContourGridFile.folderName] {
            for shard in shards {
                let source = shard.appendingPathComponent(folder)
                guard let names = try? manager.contentsOfDirectory(atPath: source.path) else { continue }
                let target = merged.appendingPathComponent(folder)
                try manager.createDirectory(at: target, withIntermediateDirectories: true)
                for name in names.sorted()
                where name.hasSuffix(".dat") && !manager.fileExists(atPath: target.appendingPathComponent(name).path) {
                    try manager.copyItem(
                        at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
                }
            }
        }
    }
}
