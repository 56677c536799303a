import Analysis
import Foundation
import Results

/// What `gdbench plot` does: find the run directory (`--run DIR`, else `results/SUITE/latest`), read
/// its records, build the figures that apply, write them to `RUN/figures/`, and render them with
/// gnuplot when it is installed.
public struct PlotJob {
    public var runDirectory: RunDirectory
    public var format: FigureFormat
    /// Also the animated GIFs of trajectories (always with the format `gif`).
    public var animations: Bool

    public init(runDirectory: RunDirectory, format: FigureFormat, animations: Bool = false) {
        self.runDirectory = runDirectory
        self.format = format
        self.animations = animations
    }

    /// `run` when given, else `resultsRoot/suite/latest` resolved to the directory it points at.
    public static func locate(suite: String?, run: String?, resultsRoot: URL) throws -> RunDirectory {
        if let run { return RunDirectory(url: URL(fileURLWithPath: run).standardizedFileURL) }
        guard let suite else { throw ResultsError("give --suite NAME (uses results/NAME/latest) or --run DIR") }
        let latest = resultsRoot.appendingPathComponent(suite).appendingPathComponent("latest")
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: latest.path) else {
            throw ResultsError("\(latest.path): no finished run of suite \(suite) (run `\(CommandName.current) run \(suite)` first)")
        }
        return RunDirectory(url: URL(fileURLWithPath: target, relativeTo: latest.deletingLastPathComponent()).standardizedFileURL)
    }

    public var figuresFolder: URL { runDirectory.url.appendingPathComponent("figures") }

    /// Writes and (when gnuplot exists) renders; returns one line per figure plus a note.
    public func run(renderer: FigureRenderer? = FigureRenderer()) throws -> [String] {
        let results = try ResultSet(directory: runDirectory)
        let figures = try FigureSet.build(FigureContext(results: results, format: format, animations: animations))
        try FigureSet.write(figures, to: figuresFolder)
        guard let renderer else {
            return figures.map { "wrote \($0.scriptFileName)" } + [FigureRenderer.missingMessage(folder: figuresFolder)]
        }
        var lines: [String] = []
        for figure in figures {
            try renderer.render(figure, in: figuresFolder)
            lines.append("rendered \(figure.outputFileName)")
        }
        return lines
    }
}
