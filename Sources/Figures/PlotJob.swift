import Analysis
import Foundation
import Results

/// What `gdbench plot` does: find the run directory (`--run DIR`, else `results/SUITE/latest`), read
/// its records, build the figures that apply, write their scripts (every format, once) to
/// `RUN/figures/scripts/`, and render the requested format into `RUN/figures/FORMAT/` with gnuplot
/// when it is installed (``FigureScripts``).
public struct PlotJob {
    public var runDirectory: RunDirectory
    public var format: FigureFormat
    public var size: FigureSize
    /// Draw only each optimizer's best-tuned setting (``FigureContext/bestTuned(tuningRepetitions:)``).
    public var bestTuned: Bool
    /// gnuplot processes run at once (default: the number of cores).
    public var jobs: Int
    /// Also the animated GIFs of trajectories (always with the format `gif`).
    public var animations: Bool

    public init(
        runDirectory: RunDirectory, format: FigureFormat, size: FigureSize = .screen, bestTuned: Bool = false,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, animations: Bool = false
    ) {
        self.runDirectory = runDirectory
        self.format = format
        self.size = size
        self.bestTuned = bestTuned
        self.jobs = max(1, jobs)
        self.animations = animations
    }

    /// `run` when given, else `resultsRoot/suite/latest` resolved to the directory it points at.
    public static func locate(suite: String?, run: String?, resultsRoot: URL) throws -> RunDirectory {
        if let run { return RunDirectory(url: URL(fileURLWithPath: run).standardizedFileURL) }
        guard let suite else { throw ResultsError("give --suite NAME (uses results/NAME/latest) or --run DIR") }
        let latest = resultsRoot.appendingPathComponent(suite).appendingPathComponent("latest")
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: latest.path) else {
            throw ResultsError(
                "\(latest.path): no finished run of suite \(suite) (run `\(CommandName.current) run \(suite)` first)")
        }
        return RunDirectory(
            url: URL(fileURLWithPath: target, relativeTo: latest.deletingLastPathComponent()).standardizedFileURL)
    }

    /// `RUN/figures/` unless set.
    public var folder: URL?

    public var figuresFolder: URL { folder ?? runDirectory.url.appendingPathComponent("figures") }

    /// The figures that apply to the run, written and (with a renderer) rendered, for `gdbench report`.
    public func renderedFigures(_ results: ResultSet, renderer: FigureRenderer?) throws -> [Figure] {
        var context = FigureContext(results: results, format: format, size: size)
        if bestTuned { context = context.bestTuned() }
        let figures = try written(context)
        try renderer?.renderAll(figures, in: figuresFolder, jobs: jobs)
        return figures
    }

    /// Writes and (when gnuplot exists) renders; returns one line per figure plus a note.
    public func run(renderer: FigureRenderer? = FigureRenderer()) throws -> [String] {
        let results = try ResultSet(directory: runDirectory)
        var context = FigureContext(results: results, format: format, size: size, animations: animations)
        if bestTuned { context = context.bestTuned() }
        let figures = try written(context)
        guard let renderer else {
            return figures.map { "wrote \($0.scriptPath)" }
                + [FigureRenderer.missingMessage(folder: figuresFolder, format: format.staticFormat)]
        }
        try renderer.renderAll(figures, in: figuresFolder, jobs: jobs)
        return figures.map { "rendered \($0.outputFileName)" }
    }

    /// Writes every format's scripts and returns the figures of the requested format (static
    /// figures of `gif` as png, with the animations when asked).
    func written(_ context: FigureContext) throws -> [Figure] {
        let all = try FigureScripts.build(context)
        try FigureScripts.write(all, to: figuresFolder)
        return all.filter { $0.format == context.staticFormat || (context.animations && $0.format == .gif) }
    }
}
