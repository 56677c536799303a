import ArgumentParser
import Figures
import Foundation

/// `gdbench plot`: writes the gnuplot scripts and data of every figure that applies to a run into
/// `RUN/figures/scripts/` (every format, once) and renders one format into `RUN/figures/FORMAT/`
/// (``PlotJob``); without gnuplot it writes the scripts and says how to render them.
struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the figures of a run with gnuplot.",
        discussion: """
            Reads runs.jsonl and manifest.json of results/SUITE/latest (or --run DIR), picks the figure kinds \
            that apply (convergence, conditioning, trajectories, learning-rate sweep, schedules, profiles, saddle \
            escape, batch size), writes FIGURE.gp + FIGURE.dat into RUN/figures/scripts/ (one script for every format, \
            rewritten only when it changes) and renders the format asked for into RUN/figures/FORMAT/ (png/, svg/, \
            pdf/, tex/, gif/): rendering one format never overwrites another.
            """)

    @Option(help: "Suite name: plots results/SUITE/latest.")
    var suite: String?

    @Option(name: .customLong("run"), help: "A run directory (instead of the suite's latest run).")
    var runDirectory: String?

    @Option(help: "Output format: png, svg, pdf, tex (cairolatex) or gif (animated trajectories, png otherwise).")
    var format: String = "png"

    @Option(name: .customLong("results"), help: "The results root folder.")
    var resultsRoot: String = "results"

    @Flag(help: "Do not treat gnuplot warnings as errors.")
    var lenient = false

    @Option(
        help: ArgumentHelp(
            "Paper size of pdf and tex figures: screen, column (one column of a two-column paper, 3.4 in) or "
                + "page (7 in)."))
    var size: String = "screen"

    @Flag(
        name: .customLong("best-tuned"),
        help: "Draw only each optimizer's best-tuned setting per problem (the tuning protocol over all repetitions).")
    var bestTuned = false

    @Option(name: .shortAndLong, help: "gnuplot processes at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Also render the animated GIF of each trajectory figure (always with --format gif).")
    var animations = false

    func validate() throws {
        guard FigureFormat(rawValue: format) != nil else {
            throw ValidationError(
                "--format: expected one of \(FigureFormat.allCases.map(\.rawValue).joined(separator: ", ")), found "
                    + "\(format)")
        }
        if suite == nil && runDirectory == nil { throw ValidationError("give --suite NAME or --run DIR") }
        guard FigureSize(rawValue: size) != nil else {
            throw ValidationError(
                "--size: expected one of \(FigureSize.allCases.map(\.rawValue).joined(separator: ", ")), found \(size)")
        }
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs: expected 1…256, found \(jobs)") }
    }

    func run() throws {
        let directory = try PlotJob.locate(
            suite: suite, run: runDirectory, resultsRoot: URL(fileURLWithPath: resultsRoot))
        let job = PlotJob(
            runDirectory: directory, format: FigureFormat(rawValue: format) ?? .png,
            size: FigureSize(rawValue: size) ?? .screen,
            bestTuned: bestTuned, jobs: jobs, animations: animations)
        for line in try job.run(renderer: FigureRenderer(strict: !lenient)) { print(line) }
    }
}
