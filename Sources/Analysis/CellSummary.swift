import Results

/// Statistics of one cell (problem × optimizer over repetitions) at each target of the ladder.
///
/// For every target and cost measure: the median and interquartile range (``Quantiles``, type 7)
/// over the runs that reached the target, and a percentile-bootstrap 95% interval of that median
/// (``BootstrapInterval``, label `"<problem>/<optimizer>/<target index>/<measure>"`). Runs that never
/// reached the target count only in the success rate (hits / runs) — a median of 10 with success
/// 2/10 means "the two successful runs took 10", read the two columns together. ERT
/// (``ExpectedRunningTime``) combines both into one number.
public struct CellSummary: Sendable {
    public var key: CellKey
    public var runs: Int
    /// Runs per status, in ``RunStatus`` order.
    public var statusCounts: [(status: RunStatus, count: Int)]
    public var targets: [TargetSummary]
    /// The repetitions are bit-identical (``Cell/isDeterministic``): one value, no bootstrap interval.
    public var isDeterministic: Bool

    public init(
        cell: Cell, measures: [CostMeasure] = CostMeasure.allCases,
        bootstrapResamples: Int = BootstrapInterval.defaultResamples
    ) {
        key = cell.key
        runs = cell.runs.count
        isDeterministic = cell.isDeterministic
        let resamples = isDeterministic ? 0 : bootstrapResamples
        statusCounts = RunStatus.allCases.map { status in (status, cell.runs.filter { $0.status == status }.count) }
        let ladder = cell.runs.first?.targets.ladder.map(\.threshold) ?? []
        targets = ladder.enumerated().map { index, threshold in
            let hits = cell.runs.compactMap {
                $0.targets.ladder.indices.contains(index) ? $0.targets.ladder[index].hit : nil
            }
            let statistics = measures.map { measure in
                MeasureSummary(
                    measure: measure, values: hits.compactMap { measure.value($0) },
                    label: "\(cell.key.id)/\(index)/\(measure.rawValue)", resamples: resamples)
            }
            return TargetSummary(
                threshold: threshold, successes: hits.count,
                successRate: cell.runs.isEmpty ? 0 : Double(hits.count) / Double(cell.runs.count), measures: statistics)
        }
    }
}

/// One target of a ``CellSummary``.
public struct TargetSummary: Sendable {
    public var threshold: Double
    public var successes: Int
    public var successRate: Double
    public var measures: [MeasureSummary]

    public func measure(_ measure: CostMeasure) -> MeasureSummary? { measures.first { $0.measure == measure } }
}

/// Median, quartiles and bootstrap interval of one cost measure over the successful runs.
public struct MeasureSummary: Sendable {
    public var measure: CostMeasure
    public var count: Int
    public var median: Double
    public var lowerQuartile: Double
    public var upperQuartile: Double
    public var interval: BootstrapInterval?

    public init(measure: CostMeasure, values: [Double], label: String, resamples: Int) {
        let sorted = values.sorted()
        self.measure = measure
        count = sorted.count
        median = Quantiles.quantile(sorted: sorted, 0.5)
        lowerQuartile = Quantiles.quantile(sorted: sorted, 0.25)
        upperQuartile = Quantiles.quantile(sorted: sorted, 0.75)
        // No resamples: a deterministic cell, whose values are copies (no interval).
        interval = resamples > 0 ? BootstrapInterval.median(of: sorted, label: label, resamples: resamples) : nil
    }
}
