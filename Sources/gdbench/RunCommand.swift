import ArgumentParser
import Diagnostics
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

    @Option(
        name: [.customLong("out"), .customLong("results")],
        help: ArgumentHelp(
            "Results root; the run goes to ROOT/SUITE/<UTC time>/ (--results is the same option).", valueName: "root"))
    var out: String = "results"

    @Option(
        name: .long,
        help: ArgumentHelp("Run only ids matching this glob (* and ?; brackets are literal).", valueName: "glob"))
    var filter: String?

    @Option(name: .long, help: ArgumentHelp("Override the suite's seed.", valueName: "n"))
    var seed: UInt64?

    @Option(
        name: [.short, .long], help: ArgumentHelp("Worker threads (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp("Run shard i of n (1-based): every n-th run of the sorted list.", valueName: "i/n"))
    var shard: String?

    @Flag(
        name: .long,
        help: "Continue the newest unfinished run of this suite (same suite digest, seed and code version).")
    var resume = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Run a grid of more than 10⁶ runs (refused otherwise; runs are never stored, its cells stay limited "
                + "to 10⁶)."))
    var force = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Do not write the figures of the run (by default they go to RUN/figures/, rendered when gnuplot is "
                + "installed)."))
    var noFigures = false

    @Flag(name: .long, help: "Also render the animated GIFs of trajectory figures (1–2 MB each; off by default).")
    var animations = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Write each run's iterates at its trace checkpoints to RUN/iterates/ (binary64, any d; as "
                + "record-iterates: true)."))
    var recordIterates = false

    @Flag(name: [.short, .long], help: "No progress output.")
    var quiet = false

    @Flag(name: .long, help: "Exit 0 even when some runs end with status error (default: exit code 3).")
    var allowErrors = false

    @Option(name: .long, help: ArgumentHelp("Summary format: table or json.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Summary view: matrix (optimizer × problem, median iterations with status marks), rows (one row per "
                + "cell with every status count) or auto (the shorter of the two, the default).", valueName: "view"))
    var summary: SummaryView = .auto

    func run() throws {
        guard let given = suite ?? name else {
            throw InputError(
                "which suite? e.g. `\(CommandContext.commandName) run smoke` (\(CommandContext.commandName) list "
                    + "suites shows them)")
        }
        if suite != nil && name != nil && suite != name {
            throw InputError("give the suite once: either as an argument or with --suite")
        }
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard jobs >= 1 else { throw InputError("--jobs must be at least 1") }
        let shard = try shard.map { try Shard(parsing: $0) }
        var loaded = try location.load(
            given, with: SuiteLoader(catalog: CommandContext.catalog, maximumRuns: force ? nil : GridSize.defaultLimit))
        if let seed { loaded.seed = seed }
        if recordIterates { loaded.recordIterates = true }
        let plan = try RunPlan(suite: loaded)
        if force { warnIfTheDiskIsTooSmall(plan, shard: shard) }
        if Provenance.buildConfiguration == "debug" && !quiet {
            FileHandle.standardError.write(
                Data(
                    "warning: this gdbench is a debug build; times are not representative (swift build -c release)\n"
                        .utf8))
        }

        let stop = StopSignal()
        let sources = StopSignal.install(on: [SIGINT, SIGTERM], stop: stop) {
            FileHandle.standardError.write(
                Data("\ninterrupted: keeping finished runs (Ctrl-C again to quit at once)…\n".utf8))
        }

        let reporter = ProgressReporter(quiet: quiet)
        defer { reporter.finish() }
        let outcome = try Session.run(
            plan,
            options: SessionOptions(
                resultsRoot: URL(fileURLWithPath: out), jobs: jobs, filter: filter.map(GlobPattern.init), shard: shard,
                resume: resume, stop: stop, commandLine: CommandLine.arguments,
                onRecord: { record, done, total in reporter.update(record: record, done: done, total: total) },
                onNotice: { note in FileHandle.standardError.write(Data("warning: \(note)\n".utf8)) }))
        reporter.finish()
        StopSignal.uninstall(sources)

        if outcome.interrupted {
            FileHandle.standardError.write(
                Data(
                    """
                    interrupted after \(outcome.runCount) runs; they are in \(outcome.directory.journalURL.path)
                    continue with: \(ShellQuote.resumeCommand(CommandLine.arguments))

                    """.utf8))
            throw ExitStatus.interrupted.exitCode
        }
        let table = outcome.table ?? OutcomeTable(rows: [], finalTarget: nil)
        switch format {
        case .table:
            let width = TerminalWidth.current
            switch summary {
            case .auto: print(table.summaryText(width: width ?? 160), terminator: "")
            case .matrix: print(table.matrixText(width: width ?? 160), terminator: "")
            case .rows: print(table.text(width: width ?? .max), terminator: "")
            }
            let reused = outcome.reusedCount > 0 ? " (\(outcome.reusedCount) reused)" : ""
            print(
                "\n\(outcome.runCount) runs\(reused) → \(outcome.directory.url.path)/{runs.jsonl, summary.csv, "
                    + "manifest.json}")
        case .json:
            print(String(decoding: try RecordCoding.encoder(pretty: true).encode(table.rows), as: UTF8.self))
            // Stdout stays parseable JSON; the error messages go to stderr.
            FileHandle.standardError.write(Data(table.errorText().utf8))
        }
        if !noFigures {
            let lines = RunFigures.draw(outcome.directory, animations: animations)
            // JSON output stays parseable on stdout; the figure note goes to stderr there.
            for line in lines {
                if format == .json { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { print(line) }
            }
        }
        // Known pitfalls of faithful defaults, said where a run fell into one (stderr: JSON stays clean).
        let cells = Dictionary(plan.optimizers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in table.rows where row.diverged > 0 {
            if let cell = cells[row.optimizer], let warning = KnownPitfalls.warning(for: cell) {
                FileHandle.standardError.write(
                    Data("warning: \(row.problem): \(row.diverged) diverged; \(warning)\n".utf8))
            }
        }
        try ExitStatus.afterRun(errorRuns: table.statusCounts[.error] ?? 0, allowErrors: allowErrors)
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
        guard
            let free = (try? FileManager.default.attributesOfFileSystem(forPath: directory.path))?[.systemFreeSize]
                as? NSNumber
        else { return }
        let needed = runs * Self.typicalRecordBytes * 2 // the journal, then runs.jsonl beside it
        guard needed > free.doubleValue else { return }
        let warning =
            "warning: --force: \(Int(runs)) runs need about \(RunMemory.format(needed)) on disk (journal and "
            + "runs.jsonl, about 12 kB per record), but only \(RunMemory.format(free.doubleValue)) are free under "
            + "\(directory.path)\n"
        FileHandle.standardError.write(Data(warning.utf8))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

enum SummaryView: String, ExpressibleByArgument, CaseIterable {
    case auto, matrix, rows
}
