import Foundation
import Objectives
import Parameters

/// The finite-sum rows of `gdbench bench`'s construction table: CPU seconds of this thread to build a
/// synthetic `logistic` or `least-squares` instance with the catalog's defaults — the data (Gaussian
/// features with feature conditioning 100, labels or responses), then the constants: x* and f* (logistic:
/// the Newton solve of ``LogisticRegression``; least squares: the normal equations) and L, μ. Each
/// build uses a new seed, so the constants cache never answers. CPU time rather than wall time: other
/// processes on the machine do not inflate it. `scripts/reference/finite_sum_construction_timing.py`
/// builds the same instances with numpy/scipy (LAPACK/BLAS on one thread) under the same keys.
public enum FiniteSumConstructionBenchmark {
    /// `logistic-<n>x<d>` or `least-squares-<n>x<d>`, parsed.
    public struct Case: Sendable, Equatable {
        public var kind: String
        public var rows: Int
        public var features: Int
        public var key: String { "\(kind)-\(rows)x\(features)" }

        /// nil unless `text` is `logistic-NxD` or `least-squares-NxD` with n ≥ 2, d ≥ 1.
        public init?(_ text: String) {
            guard let dash = text.lastIndex(of: "-") else { return nil }
            let kind = String(text[..<dash])
            let size = text[text.index(after: dash)...].split(separator: "x")
            guard ["logistic", "least-squares"].contains(kind), size.count == 2,
                let n = Int(size[0]), let d = Int(size[1]), n >= 2, d >= 1
            else { return nil }
            self.kind = kind
            rows = n
            features = d
        }
    }

    /// The cases `gdbench bench` times unless told otherwise.
    public static let standardCases = ["logistic-100000x500", "least-squares-100000x500"]

    /// The cases at the size limits (n·d = 10⁸, d up to 10⁴: 0.8 GB of features), `--finite-sums limits`:
    /// minutes of CPU each, on either side.
    public static let limitCases = [
        "logistic-100000x1000", "least-squares-100000x1000", "logistic-10000x10000", "least-squares-10000x10000",
    ]

    /// The keys of a comma-separated list, `limits` standing for ``limitCases``.
    public static func keys(expanding list: String) -> [String] {
        list.split(separator: ",").flatMap { $0 == "limits" ? limitCases : [String($0)] }
    }

    /// The row of one case: the best of three builds up to n·d = 10⁷, one above. Throws when the catalog
    /// refuses the size (caps, memory).
    public static func measure(_ benchmarkCase: Case) throws -> ConstructionBenchmark.Row {
        var parameters = ParameterSet()
        parameters["n"] = .number(Double(benchmarkCase.rows))
        parameters["d"] = .number(Double(benchmarkCase.features))
        let repeats = benchmarkCase.rows * benchmarkCase.features <= 10_000_000 ? 3 : 1
        var best = Double.infinity
        for repeatIndex in 0..<repeats {
            let seed = UInt64(repeatIndex) &+ 0x5eed
            let start = threadSeconds()
            if benchmarkCase.kind == "logistic" {
                let configuration = try FiniteSumProblems.logisticConfiguration(parameters, seed: seed)
                _ = try LogisticRegression(configuration: configuration)
            } else {
                _ = try LeastSquares(configuration: FiniteSumProblems.leastSquaresConfiguration(parameters, seed: seed))
            }
            best = min(best, threadSeconds() - start)
        }
        let description =
            "\(benchmarkCase.kind) n = \(benchmarkCase.rows), d = \(benchmarkCase.features) (data, x*, f*, L) [CPU]"
        return ConstructionBenchmark.Row(key: benchmarkCase.key, description: description, seconds: best)
    }

    /// CPU seconds of the calling thread (CLOCK_THREAD_CPUTIME_ID).
    static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
