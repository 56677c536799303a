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

    @Option(name: .long, help: ArgumentHelp("Results root for the merged run (OUT/SUITE/<UTC time>/).", valueName: "dir"))
    var out: String = "results"

    func run() throws {
        guard !directories.isEmpty else { throw InputError("merge needs the shards' run directories") }
        let merged = try ShardMerger.merge(directories.map { RunDirectory(url: URL(fileURLWithPath: $0)) })
        var manifest = merged.manifest
        manifest.commandLine = CommandLine.arguments
        let directory = try RunDirectory.create(root: URL(fileURLWithPath: out), suite: manifest.suite, date: Date())
        try directory.finish(records: merged.records, manifest: manifest)
        print("merged \(directories.count) shards, \(merged.records.count) runs → \(directory.url.path)")
    }
}
