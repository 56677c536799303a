import ArgumentParser
import Foundation
import Results

/// `gdbench clean SUITE --keep N`: removes all but the newest N run directories of a suite.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove old runs of a suite, keeping the newest N.",
        discussion: """
            Only run directories (RESULTS/SUITE/<UTC time>/ with a manifest.json) are removed, never the one \
            `latest` points to, one another process is writing (its lock is held), or anything under \
            RESULTS/baseline/. Examples:
              gdbench clean smoke --keep 3
              gdbench clean --all --keep 1 --dry-run
            """)

    @Argument(help: "The suite whose runs to remove (its folder under the results root).")
    var suite: String?

    @Flag(name: .long, help: "Every suite under the results root.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Runs to keep per suite, newest first (default 5).", valueName: "n"))
    var keep = 5

    @Option(name: .long, help: ArgumentHelp("The results root (default: results).", valueName: "root"))
    var results = "results"

    @Flag(name: .long, help: "Only list what would be removed.")
    var dryRun = false

    func run() throws {
        guard keep >= 0 else { throw InputError("--keep: expected a number ≥ 0, found \(keep)") }
        let root = URL(fileURLWithPath: results)
        let suites: [String]
        switch (suite, all) {
        case (let name?, false): suites = [name]
        case (nil, true):
            suites = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
                .filter { !$0.hasPrefix(".") && $0 != "baseline" && $0 != "shards" }.sorted()
        default: throw InputError("give a suite or --all, e.g. `\(CommandContext.commandName) clean smoke --keep 3`")
        }
        var removed = 0
        for name in suites {
            guard name != "baseline" else { throw InputError("\(name): baselines are never cleaned") }
            let directory = root.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                if suite != nil { throw InputError("\(directory.path): no runs of suite '\(name)'") }
                continue
            }
            removed += try clean(suiteDirectory: directory)
        }
        print("\(dryRun ? "would remove" : "removed") \(removed) run\(removed == 1 ? "" : "s")")
    }

    /// Removes the old runs of one suite directory; returns how many.
    func clean(suiteDirectory: URL) throws -> Int {
        let names = try FileManager.default.contentsOfDirectory(atPath: suiteDirectory.path)
        let latestLink = suiteDirectory.appendingPathComponent("latest").path
        let latest = try? FileManager.default.destinationOfSymbolicLink(atPath: latestLink)
        let runs = names.filter { name in
            let manifest = suiteDirectory.appendingPathComponent(name).appendingPathComponent("manifest.json")
            return !name.hasPrefix(".") && name != "latest" && FileManager.default.fileExists(atPath: manifest.path)
        }.sorted(by: >)
        var count = 0
        for name in runs.dropFirst(keep) where name != latest.map({ ($0 as NSString).lastPathComponent }) {
            let run = RunDirectory(url: suiteDirectory.appendingPathComponent(name))
            if dryRun {
                print("would remove \(run.url.path)")
                count += 1
                continue
            }
            let lock: RunLock
            do { lock = try RunLock(directory: run) } catch {
                print("kept \(run.url.path): \(error)")
                continue
            }
            defer { lock.release() }
            try FileManager.default.removeItem(at: run.url)
            print("removed \(run.url.path)")
            count += 1
        }
        return count
    }
}
