import Analysis
import Foundation
import Results

/// What every figure builder reads: the result set, the requested format, the provenance line
/// written into each script, and the run directory for the 2-D sidecar files.
public struct FigureContext: Sendable {
    public var results: ResultSet
    public var format: FigureFormat
    /// `suite SUITE, run RUN, gdbench VERSION (commit)`, from the manifest.
    public var provenance: String?
    /// Whether trajectory figures also get their animated GIF: only when asked (`--animations`, or the
    /// format `gif`), as each is one to two megabytes and seconds of gnuplot.
    public var animations: Bool

    /// Paper size of pdf and tex figures.
    public var size: FigureSize
    /// One style per optimizer id of the whole run (before any best-tuned selection), so an optimizer
    /// looks the same in every figure.
    public var styles: [String: SeriesStyle]
    /// Set when the records were reduced to each optimizer's best-tuned setting (``bestTuned(tuningRepetitions:)``).
    public var selection: String?

    public init(results: ResultSet, format: FigureFormat, size: FigureSize = .screen, animations: Bool = false) {
        self.results = results
        self.format = format
        self.size = size
        self.animations = animations || format == .gif
        styles = SeriesStyle.table(results.optimizerIDs)
        if let manifest = results.manifest {
            let run = results.directory?.lastPathComponent ?? manifest.startTime
            provenance =
                "suite \(manifest.suite), run \(run), gdbench \(manifest.gdbenchVersion) (\(manifest.gitCommit)), "
                + "seed \(manifest.seed)"
        } else {
            provenance = results.directory.map { "run directory \($0.lastPathComponent)" }
        }
    }

    /// The styles of `ids` (an id outside the run, such as a learning-rate setting, gets its position's).
    public func styles(_ ids: [String]) -> [SeriesStyle] {
        ids.enumerated().map { styles[$0.element] ?? SeriesStyle(index: $0.offset) }
    }

    /// The same context with only each optimizer's best-tuned setting per problem: the setting the
    /// ``TuningProtocol`` chooses in each grid (one optimizer kind, and schedule kind, on a problem)
    /// by median iterations to the last target on `tuningRepetitions` (all repetitions when empty).
    /// Styles stay those of the whole run.
    public func bestTuned(tuningRepetitions: Set<Int> = []) -> FigureContext {
        let repetitions = tuningRepetitions.isEmpty ? Set(results.records.map(\.repetition)) : tuningRepetitions
        let protocolRun = TuningProtocol(
            tuningRepetitions: repetitions, targetIndex: max(results.thresholds.count - 1, 0))
        var chosen: [String: Set<String>] = [:]
        var tuned: [String: Set<String>] = [:]
        for outcome in protocolRun.outcomes(results) {
            chosen[outcome.problemID, default: []].insert(outcome.chosenOptimizerID)
            tuned[outcome.problemID, default: []].insert(outcome.grid)
        }
        let kept = results.records.filter { record in
            let grid = record.optimizer.kind + (record.optimizer.schedule.map { "+" + $0.kind } ?? "")
            return !(tuned[record.problem.id]?.contains(grid) ?? false)
                || (chosen[record.problem.id]?.contains(record.optimizer.id) ?? false)
        }
        var context = self
        context.results = ResultSet(records: kept, manifest: results.manifest, directory: results.directory)
        let reps =
            tuningRepetitions.isEmpty
            ? "all repetitions" : "repetitions " + tuningRepetitions.sorted().map(String.init).joined(separator: ",")
        context.selection = "best-tuned setting per optimizer (chosen on \(reps))"
        return context
    }

    /// Static figures' format.
    public var staticFormat: FigureFormat { format.staticFormat }

    /// Optimizer ids present in `records`, sorted: the line order (and colours) of a figure.
    public static func optimizers(_ records: [RunRecord]) -> [String] {
        Array(Set(records.map(\.optimizer.id))).sorted()
    }

    /// Whether values spanning [low, high] deserve a log axis (more than two decades).
    public static func spansDecades(_ values: [Double]) -> Bool {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        guard let low = positive.min(), let high = positive.max() else { return false }
        return high / low > 100
    }
}
