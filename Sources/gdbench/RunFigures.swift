import Figures
import Foundation
import Results

/// The figures `gdbench run` draws at the end of a finished run (unless `--no-figures`): the same
/// as `gdbench plot --run DIR` in PNG, lenient about gnuplot warnings (a warning must not hide the
/// result files; `gdbench plot` and CI are strict). Without gnuplot the scripts are still written and
/// the lines say how to render them.
enum RunFigures {
    /// The lines to print; `environment` locates gnuplot (`PATH`, `GDBENCH_GNUPLOT`).
    static func draw(
        _ directory: RunDirectory, animations: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        let job = PlotJob(runDirectory: directory, format: .png, animations: animations)
        let renderer = FigureRenderer(strict: false, environment: environment)
        do {
            let lines = try job.run(renderer: renderer)
            let count = lines.filter { $0.hasPrefix("rendered ") || $0.hasPrefix("wrote ") }.count
            if renderer == nil {
                return ["figures: \(count) gnuplot scripts written; not rendered"]
                    + lines.filter { !$0.hasPrefix("wrote ") }.flatMap { $0.split(separator: "\n").map(String.init) }
            }
            return ["figures: \(count) rendered → \(job.figuresFolder.path)"]
        } catch {
            return [
                "figures: not drawn: \(error)",
                "the results are complete; retry with `\(CommandContext.commandName) plot --run "
                    + "'\(directory.url.path)' --lenient`",
            ]
        }
    }
}
