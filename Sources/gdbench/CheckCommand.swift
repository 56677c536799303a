import ArgumentParser
import Checking
import Diagnostics
import Foundation
import Harness
import Results
import SuiteLanguage

/// `gdbench check`: run a suite (or read a finished run) and compare it with the committed
/// baseline, for CI. All comparison logic is in `Results` (``CheckWorkflow``); this command only
/// gathers the options and, without `--run DIR`, runs the suite first like `gdbench run`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare a run of a suite with its baseline; exit 1 on a regression.",
        discussion: """
            Examples:
              gdbench check --suite smoke
              gdbench check --suite smoke --run results/smoke/latest --format markdown
              gdbench check --suite smoke --tolerance 2%,1 --junit check.xml --markdown check.md
              gdbench check --suite smoke --update-baseline

            Runs are matched by id. Regressions (status worse, a target lost, more iterations or evaluations than \
            --tolerance allows) and missing runs fail; so do behaviour changes (same counts, but a changed final \
            iterate or final gap) unless --allow-behaviour-changes. Improvements and new runs are listed and pass, \
            but a check where every run is new compared nothing and fails unless --allow-new-baseline. An empty or \
            unreadable baseline is an input error (exit 2).

            A baseline from another OS, architecture or Swift version is compared with relaxed tolerances (counts ±2% \
            or ±1, final gap 1e-6 relative, fingerprints not compared), and the report says so.

            Options mean the same in every command: --run DIR is one run directory, --results ROOT the results root.

            Exit codes: 0 clean, 1 regression, 2 usage or input error.
            """)

    @Option(name: .long, help: ArgumentHelp("Suite name (suites/NAME.yaml).", valueName: "name"))
    var suite: String

    @OptionGroup var location: SuiteLocation

    @Option(name: .long, help: ArgumentHelp("Baseline file (default: ROOT/baseline/SUITE.jsonl).", valueName: "file"))
    var baseline: String?

    @Option(
        name: .customLong("run"),
        help: ArgumentHelp("Check this finished run directory instead of running the suite.", valueName: "dir"))
    var runDirectory: String?

    @Option(
        name: .customLong("results"),
        help: ArgumentHelp(
            "The results root: the baseline is ROOT/baseline/SUITE.jsonl and the run goes to ROOT/SUITE/<UTC time>/ "
                + "(default: results).", valueName: "root"))
    var resultsRoot: String = "results"

    @Option(
        name: .long,
        help: ArgumentHelp("Write the run under this root instead (default: the results root).", valueName: "dir"))
    var out: String?

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Worker threads for the run (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Slack for iteration and evaluation counts: 5%, 3 or 2%,1 (default: exact).", valueName: "t"),
        transform: { try CountTolerance(parsing: $0, what: "--tolerance") })
    var tolerance: CountTolerance?

    @Option(
        name: .long, help: ArgumentHelp("Relative tolerance of the final gap (default: 1e-9).", valueName: "r"),
        transform: { try ComparisonPolicy.parseGapTolerance($0, what: "--gap-tolerance") })
    var gapTolerance: Double?

    @Option(
        name: .long,
        help: ArgumentHelp("Compare median wall times: warn above this ratio, e.g. 1.5 or 50%.", valueName: "ratio"),
        transform: { try ComparisonPolicy.parseTimeRatio($0, what: "--time-tolerance") })
    var timeTolerance: Double?

    @Flag(name: .long, help: "A run slower than --time-tolerance is a regression, not a warning.")
    var failOnTime = false

    @Flag(name: .long, help: "Behaviour changes (same counts, different iterate or final gap) warn instead of failing.")
    var allowBehaviourChanges = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Allowed-differences JSON file (default: SUITE.allowed.json beside the baseline, if any).",
            valueName: "file"))
    var allowedDifferences: String?

    @Option(name: .long, help: ArgumentHelp("Report on standard output: table or markdown.", valueName: "format"))
    var format: CheckRequest.Format = .table

    @Option(name: .long, help: ArgumentHelp("Also write the Markdown report to this file.", valueName: "file"))
    var markdown: String?

    @Option(name: .long, help: ArgumentHelp("Also write a JUnit XML report to this file.", valueName: "file"))
    var junit: String?

    @Flag(name: .long, help: "Pass even when every run is new (the baseline shares no run id with this run).")
    var allowNewBaseline = false

    @Flag(
        name: .long,
        help: "Write this run as the new baseline (with its manifest as provenance), after showing what changed.")
    var updateBaseline = false

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "With --update-baseline: write the trimmed form (traces reduced to iteration, fingerprint and "
                + "value), for suites with many runs."))
    var trimBaseline = false

    func run() throws {
        // The default baseline is ROOT/baseline/SUITE.jsonl: SUITE must be a name, not a path out of it.
        if baseline == nil, let problem = RunDirectory.componentProblem(suite) {
            throw ResultsError(
                "--suite: '\(suite)' is not a suite name (\(problem)); give the name, or the file with --baseline")
        }
        let runDirectory = try self.runDirectory.map { URL(fileURLWithPath: $0) } ?? runSuite()
        let request = CheckRequest(
            suite: suite,
            baselineURL: baseline.map { URL(fileURLWithPath: $0) }
                ?? CheckRequest.defaultBaselineURL(resultsRoot: URL(fileURLWithPath: resultsRoot), suite: suite),
            runDirectory: runDirectory, tolerance: tolerance, gapTolerance: gapTolerance, timeTolerance: timeTolerance,
            failOnTime: failOnTime, allowBehaviourChanges: allowBehaviourChanges,
            allowedDifferencesURL: allowedDifferences.map { URL(fileURLWithPath: $0) }, format: format,
            markdownURL: markdown.map { URL(fileURLWithPath: $0) }, junitURL: junit.map { URL(fileURLWithPath: $0) },
            updateBaseline: updateBaseline, trimBaseline: trimBaseline, allowNewBaseline: allowNewBaseline)
        if timeTolerance != nil && Provenance.buildConfiguration == "debug" {
            FileHandle.standardError.write(
                Data("warning: this gdbench is a debug build; wall times are not representative\n".utf8))
        }
        let outcome = try CheckWorkflow.perform(request)
        print(outcome.output, terminator: "")
        if outcome.exitCode != .success { throw outcome.exitCode.exitCode }
    }

    /// Runs the suite like `gdbench run SUITE --out OUT` and returns the finished run directory.
    private func runSuite() throws -> URL {
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        guard jobs >= 1 else { throw ResultsError("--jobs: expected at least 1, found \(jobs)") }
        let loaded = try location.load(suite, with: SuiteLoader(catalog: CommandContext.catalog))
        let outcome = try Session.run(
            try RunPlan(suite: loaded),
            options: SessionOptions(
                resultsRoot: URL(fileURLWithPath: out ?? resultsRoot), jobs: jobs, commandLine: CommandLine.arguments))
        return outcome.directory.url
    }
}

extension CheckRequest.Format: ExpressibleByArgument {}
