import Foundation
import Results

/// Cost against the dimension d for each optimizer on each problem family (the problem kind and its
/// parameters other than `d`, plus batch size and noise), as COCO reports cost per dimension: the
/// median over repetitions of iterations and gradient evaluations to a target (a failure counts as
/// +∞, so a d whose median run missed the target drops out), and of optimizer seconds per iteration
/// (the fastest timed replay's total over the run's iterations, whether or not it hit the target:
/// other processes only ever add time, so the fastest replay is the least disturbed).
///
/// Each is fitted as cost ≈ c·dᵖ by least squares in log–log (``LineFit``, 95% interval of p from
/// the t distribution). Iterations and gradient evaluations are fitted over every d; seconds per
/// iteration only over d ≥ ``asymptoticDimension``, where the O(d) or O(d²) work of an iteration
/// dominates its fixed overhead (the loop, counters, the method's bookkeeping). A family needs at
/// least three dimensions.
public struct DimensionScaling: Sendable {
    public struct Point: Sendable, Equatable {
        public var dimension: Int
        /// Median iterations / gradient evaluations to the target (+∞ when the median run missed it).
        public var iterations: Double
        public var gradientEvaluations: Double
        /// Median over runs of the fastest replay's seconds per iteration (nil when no run was timed).
        public var secondsPerIteration: Double?
        /// log₁₀(second fastest / fastest) seconds per iteration over the replays of the runs at this
        /// d: how well the fastest time reproduces (0 with a single replay; nil when none was timed).
        public var replaySpread: Double?
    }

    /// The smallest d of the seconds-per-iteration fit and of the iteration checks.
    public static let asymptoticDimension = 128
    /// The smallest d of the fit the timing checks use (``timingFit``): from here on the O(d) or O(d²)
    /// work of an iteration outweighs its fixed overhead several times.
    public static let timingDimension = 512

    public var family: String
    /// The problem kind of the family, and its `rotation` parameter where it has one.
    public var kind: String
    public var rotation: String?
    public var optimizerID: String
    public var targetIndex: Int
    public var points: [Point]
    public var iterationFit: LineFit?
    public var gradientFit: LineFit?
    public var secondsFit: LineFit?
    /// The fit of iterations over d ≥ ``asymptoticDimension`` (what ``checks(_:)`` tests).
    public var asymptoticIterationFit: LineFit?
    /// The fit of seconds per iteration over d ≥ ``timingDimension`` (what ``checks(_:)`` tests).
    public var timingFit: LineFit?

    /// Every series of a result set with at least three dimensions, sorted by family then optimizer.
    public static func all(_ results: ResultSet, targetIndex: Int) -> [DimensionScaling] {
        var groups: [String: [String: [Int: [RunRecord]]]] = [:]
        for record in results.records {
            groups[record.problem.family(without: "d"), default: [:]][record.optimizer.id, default: [:]][
                record.problem.dimension, default: []
            ]
            .append(record)
        }
        var series: [DimensionScaling] = []
        for family in groups.keys.sorted() {
            let byOptimizer = groups[family] ?? [:]
            for optimizerID in byOptimizer.keys.sorted() {
                let byDimension = byOptimizer[optimizerID] ?? [:]
                guard byDimension.count >= 3 else { continue }
                series.append(
                    DimensionScaling(
                        family: family, optimizerID: optimizerID, runsByDimension: byDimension, targetIndex: targetIndex
                    ))
            }
        }
        return series
    }

    public init(family: String, optimizerID: String, runsByDimension: [Int: [RunRecord]], targetIndex: Int) {
        self.family = family
        self.optimizerID = optimizerID
        self.targetIndex = targetIndex
        let first = runsByDimension.values.first?.first
        kind = first?.problem.kind ?? ""
        rotation = first?.problem.parameters["rotation"]
        points = runsByDimension.keys.sorted().map { d in
            let runs = runsByDimension[d] ?? []
            let replays = runs.compactMap { run -> [Double]? in
                guard !run.wallTime.repeats.isEmpty, run.final.progress.iteration > 0 else { return nil }
                return run.wallTime.repeats.map { $0 / Double(run.final.progress.iteration) }
            }
            let perIteration = replays.compactMap { $0.min() }
            let all = replays.flatMap { $0 }.sorted()
            let spread = all.first.map { fastest in all.count > 1 ? log10(all[1] / fastest) : 0 }
            return Point(
                dimension: d,
                iterations: Median.of(
                    runs.map { PerformanceProfile.cost($0, targetIndex: targetIndex, measure: .iterations) }),
                gradientEvaluations: Median.of(
                    runs.map { PerformanceProfile.cost($0, targetIndex: targetIndex, measure: .gradientEvaluations) }),
                secondsPerIteration: perIteration.isEmpty ? nil : Median.of(perIteration),
                replaySpread: spread.flatMap { $0.isFinite ? $0 : nil })
        }
        func fit(_ value: (Point) -> Double?, from minimum: Int = 0) -> LineFit? {
            let used = points.filter { $0.dimension >= minimum }.compactMap { point in
                value(point).flatMap { $0.isFinite && $0 > 0 ? (log10(Double(point.dimension)), log10($0)) : nil }
            }
            return LineFit(x: used.map(\.0), y: used.map(\.1))
        }
        iterationFit = fit { $0.iterations }
        gradientFit = fit { $0.gradientEvaluations }
        secondsFit = fit({ $0.secondsPerIteration }, from: Self.asymptoticDimension)
        asymptoticIterationFit = fit({ $0.iterations }, from: Self.asymptoticDimension)
        timingFit = fit({ $0.secondsPerIteration }, from: Self.timingDimension)
    }
}
