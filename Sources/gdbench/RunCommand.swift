import ArgumentParser
import Dispatch
import Foundation
import Harness
import Results
import SuiteLanguage

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a suite and write its result files (the default command).",
        discussion: """
            Examples:
              gdbench run smoke
              gdbench --suite conditioning --jobs 2
              gdbench run conditioning --filter 'quadratic[*kappa=1000*' --shard 1/4
            Records are identical for every --jobs and --shard; only wall times differ.
            """)

    @Argument(help: "Suite name (in the suites directory) or path to a .yaml file.")
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Suite name or path (same as the argument).", valueName: "name"))
    var suite: String?

    @OptionGroup var location: SuiteLocation

    @Option(name: .long, help: ArgumentHelp("Results root; the run goes to OUT/SUITE/<UTC time>/.", valueName: "dir"))
    var out: String = "results"

    @Option(name: .long, help: ArgumentHelp("Run only ids matching this glob (* and ?; brackets are literal).", valueName: "glob"))
    var filter: String?

    @Option(name: .long, help: ArgumentHelp("Override the suite's seed.", valueName: "n"))
    var seed: UInt64?

    @Option(name: [.short, .long], help: ArgumentHelp("Worker threads (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Run shard i of n (1-based): every n-th run of the sorted list.", valueName: "i/n"))
    var shard: String?

    @Flag(name: .long, help: "Continue the newest unfinished run of this suite (same suite digest, seed and code version).")
    var resume = false

    @Flag(name: .long, help: "Run a grid of more than 10⁶ runs (refused otherwise; runs are never stored, its cells stay limited to 10⁶).")
    var force = false

    @Flag(name: .long, help: "Do not write the figures of the run (by default they go to RUN/figures/, rendered when gnuplot is installed).")
    var noFigures = false

    @Flag(name: .long, help: "Write each run's iterates at its trace checkpoints to RUN/iterates/ (binary64, any d; as record-iterates: true).")
    var recordIterates = false

    @Flag(name: [.short, .long], help: "No progress output.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Summary format: table or json.", valueName: "format"))
    var format: OutputFormat = .table

    func run() throws {
        guard let given = suite ?? name else {
            throw InputError("which suite? e.g. `gdbench run smoke` (gdbench list suites shows them)")
        }
        if suite != nil && name != nil && suite != name {
            throw InputError("give the suite once: either as an argument or with --suite")
        }
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard jobs >= 1 else { throw InputError("--jobs must be at least 1") }
        let shard = try shard.map { try Shard(parsing: $0) }
        let path = try location.path(for: given)
        var loaded = try SuiteLoader(catalog: .builtIn, maximumRuns: force ? nil : GridSize.defaultLimit).load(path: path)
        if let seed { loaded.seed = seed }
        if recordIterates { loaded.recordIterates = true }
        let plan = try RunPlan(suite: loaded)
        if force { warnIfTheDiskIsTooSmall(plan, shard: shard) }
        if Provenance.buildConfiguration == "debug" && !quiet {
            FileHandle.standardError.write(Data("warning: this gdbench is a debug build; times are not representative (swift build -c release)\n".utf8))
        }

        let stop = StopSignal()
        let sources = StopSignal.install(on: [SIGINT, SIGTERM], stop: stop) {
            FileHandle.standardError.write(Data("\ninterrupted: keeping finished runs (Ctrl-C again to quit at once)…\n".utf8))
        }

        let reporter = ProgressReporter(quiet: quiet)
        defer { reporter.finish() }
        let outcome = try Session.run(plan, options: SessionOptions(
            resultsRoot: URL(fileURLWithPath: out), jobs: jobs, filter: filter.map(GlobPattern.init), shard: shard,
            resume: resume, stop: stop, commandLine: CommandLine.arguments,
            onRecord: { record, done, total in reporter.update(record: record, done: done, total: total) },
            onNotice: { note in FileHandle.standardError.write(Data("warning: \(note)\n".utf8)) }))
        reporter.finish()
        StopSignal.uninstall(sources)

        if outcome.interrupted {
            FileHandle.standardError.write(Data("""
                interrupted after \(outcome.runCount) runs; they are in \(outcome.directory.journalURL.path)
                continue with: \(ShellQuote.resumeCommand(CommandLine.arguments))

                """.utf8))
            throw ExitCode(130)
        }
        let table = outcome.table ?? OutcomeTable(rows: [], finalTarget: nil)
        switch format {
        case .table:
            print(table.text(), terminator: "")
            let reused = outcome.reusedCount > 0 ? " (\(outcome.reusedCount) reused)" : ""
            print("\n\(outcome.runCount) runs\(reused) → \(outcome.directory.url.path)/{runs.jsonl, summary.csv, manifest.json}")
        case .json:
            print(String(decoding: try RecordCoding.encoder(pretty: true).encode(table.rows), as: UTF8.self))
        }
        if !noFigures {
            let lines = RunFigures.draw(outcome.directory)
            // JSON output stays parseable on stdout; the figure note goes to stderr there.
            for line in lines {
                if format == .json { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { print(line) }
            }
        }
    }
}

extension RunCommand {
    /// A record takes about this many bytes on disk (the smoke suite's average, with its 100-point
    /// trace): the estimate behind the `--force` warning.
    static let typicalRecordBytes = 12_000.0

    /// With `--force`: warns when the selected runs' records would not fit in the free space under
    /// `--out` (the run is still started: records vary in size, and space may be freed meanwhile).
    func warnIfTheDiskIsTooSmall(_ plan: RunPlan, shard: Shard?) {
        // An upper bound (the filter is not applied): counting it would take a pass over every id.
        let runs = Double(plan.specs.count) / Double(shard?.count ?? 1)
        var directory = URL(fileURLWithPath: out)
        while !FileManager.default.fileExists(atPath: directory.path) && directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        guard let free = (try? FileManager.default.attributesOfFileSystem(forPath: directory.path))?[.systemFreeSize]
            as? NSNumber else { return }
        let needed = runs * Self.typicalRecordBytes * 2  // the journal, then runs.jsonl beside it
        guard needed > free.doubleValue else { return }
        let warning = "warning: --force: \(Int(runs)) runs need about \(RunMemory.format(needed)) on disk (journal and "
            + "runs.jsonl, about 12 kB per record), but only \(RunMemory.format(free.doubleValue)) are free under "
            + "\(directory.path)\n"
        FileHandle.standardError.write(Data(warning.utf8))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
