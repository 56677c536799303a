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

    public init(results: ResultSet, format: FigureFormat, animations: Bool = false) {
        self.results = results
        self.format = format
        self.animations = animations || format == .gif
        if let manifest = results.manifest {
            let run = results.directory?.lastPathComponent ?? manifest.startTime
            provenance = "suite \(manifest.suite), run \(run), gdbench \(manifest.gdbenchVersion) (\(manifest.gitCommit)), seed \(manifest.seed)"
        } else {
            provenance = results.directory.map { "run directory \($0.lastPathComponent)" }
        }
    }

    /// Static figures' format.
    public var staticFormat: FigureFormat { format.staticFormat }

    /// Optimizer ids present in `records`, sorted: the line order (and colours) of a figure.
    public static func optimizers(_ records: [RunRecord]) -> [String] { Array(Set(records.map(\.optimizer.id))).sorted() }

    /// Whether values spanning [low, high] deserve a log axis (more than two decades).
    public static func spansDecades(_ values: [Double]) -> Bool {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        guard let low = positive.min(), let high = positive.max() else { return false }
        return high / low > 100
    }
}
