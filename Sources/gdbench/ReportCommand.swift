import Analysis
import ArgumentParser
import Diagnostics
import Figures
import Foundation

/// `gdbench report`: renders the run's figures as SVG into `RUN/figures/svg/` (in parallel) and writes
/// `report.md`, `report-tables.tex` and the self-contained `report.html` beside the run (``ReportWriter``).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write report.md, report-tables.tex and report.html (self-contained, SVG figures) for a run.",
        discussion: """
            Provenance, the claims of the suite's description checked on the records (--check-claims: exit 1 when \
            one fails), per-cell summaries with bootstrap intervals and ERT, theory checks, κ-scaling exponents, \
            profiles, paired Wilcoxon tests and the figures of RUN/figures/ (run `gdbench plot` first to embed them).
            """)

    @Option(help: "Suite name: reports on results/SUITE/latest.")
    var suite: String?

    @Option(name: .customLong("run"), help: "A run directory (instead of the suite's latest run).")
    var runDirectory: String?

    @Option(name: .customLong("results"), help: "The results root folder.")
    var resultsRoot: String = "results"

    @Option(
        name: .customLong("tuning-reps"), help: "Comma-separated repetitions used for tuning (adds the tuning table).")
    var tuningRepetitions: String?

    @Option(help: "Format of the embedded figures (as rendered by `gdbench plot --format`).")
    var format: String = "png"

    @Flag(name: .customLong("no-figures"), help: "Do not render the figures (report.html then lists them unrendered).")
    var noFigures = false

    @Flag(name: .customLong("best-tuned"), help: "Figures show only each optimizer's best-tuned setting per problem.")
    var bestTuned = false

    @Option(name: .shortAndLong, help: "gnuplot processes at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("check-claims"), help: "Exit 1 when a claim of the suite's description fails on the run.")
    var checkClaims = false

    func validate() throws {
        if suite == nil && runDirectory == nil { throw ValidationError("give --suite NAME or --run DIR") }
        guard FigureFormat(rawValue: format) != nil else {
            throw ValidationError(
                "--format: expected one of \(FigureFormat.allCases.map(\.rawValue).joined(separator: ", ")), found "
                    + "\(format)")
        }
        _ = try repetitions()
    }

    func repetitions() throws -> Set<Int> {
        guard let tuningRepetitions else { return [] }
        var set = Set<Int>()
        for field in tuningRepetitions.split(separator: ",") {
            guard let value = Int(field.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                throw ValidationError("--tuning-reps: expected comma-separated repetition indices ≥ 0, found \(field)")
            }
            set.insert(value)
        }
        return set
    }

    func run() throws {
        let directory = try PlotJob.locate(
            suite: suite, run: runDirectory, resultsRoot: URL(fileURLWithPath: resultsRoot))
        let results = try ResultSet(directory: directory)
        let writer = ReportWriter(
            results: results, tuningRepetitions: try repetitions(), figureFormat: FigureFormat(rawValue: format) ?? .png
        )
        var written: [URL]
        if noFigures {
            written = try writer.write(to: directory.url)
        } else {
            // SVG figures (RUN/figures/svg/), rendered in parallel, inlined in report.html and linked from report.md.
            let job = PlotJob(runDirectory: directory, format: .svg, bestTuned: bestTuned, jobs: max(1, jobs))
            let renderer = FigureRenderer(strict: false)
            let figures = try job.renderedFigures(results, renderer: renderer)
            if renderer == nil { print(FigureRenderer.missingMessage(folder: job.figuresFolder, format: .svg)) }
            written = try writer.write(to: directory.url, figures: figures, figuresFolder: job.figuresFolder)
        }
        for url in written { print("wrote \(url.path)") }
        let verdicts = writer.claims.map(\.outcome.verdict)
        if !verdicts.isEmpty {
            print(
                "claims: \(verdicts.filter { $0 == .holds }.count) hold, \(verdicts.filter { $0 == .fails }.count) "
                    + "fail, "
                    + "\(verdicts.filter { $0 == .untested }.count) untested")
            for claim in writer.claims where claim.outcome.verdict == .fails {
                print("  FAILS: \(claim.statement) — \(claim.outcome.evidence)")
            }
        }
        if checkClaims && verdicts.contains(.fails) { throw ExitStatus.regression.exitCode }
    }
}
