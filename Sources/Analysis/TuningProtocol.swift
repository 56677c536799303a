import Results

/// DeepOBS-style tuning (Schneider, Balles & Hennig, ICLR 2019, §3): a hyperparameter grid is the
/// set of optimizer ids of one optimizer kind (and schedule kind) on a problem. On the tuning
/// repetitions, each setting is scored by the median cost to the target with failures counted as
/// +∞ (ties broken by more successes, then by id); the best setting is then reported on the other
/// repetitions only (fresh seeds), so the reported number is not the maximum of noisy estimates.
/// The tuning cost — runs and gradient evaluations spent on the tuning repetitions of every
/// setting of the grid — is stated beside it. Grids of a single setting have nothing to tune and are
/// left out.
public struct TuningProtocol: Sendable {
    public var tuningRepetitions: Set<Int>
    public var targetIndex: Int
    public var measure: CostMeasure

    public init(tuningRepetitions: Set<Int>, targetIndex: Int, measure: CostMeasure = .iterations) {
        self.tuningRepetitions = tuningRepetitions
        self.targetIndex = targetIndex
        self.measure = measure
    }

    /// One grid on one problem.
    public struct Outcome: Sendable {
        public var problemID: String
        /// `kind` or `kind+schedule-kind`.
        public var grid: String
        public var settings: Int
        public var chosenOptimizerID: String
        /// Median tuning-repetition cost of the chosen setting (+∞ when it failed on most).
        public var tuningMedian: Double
        public var tuningRuns: Int
        public var tuningGradientEvaluations: Int
        /// The chosen setting on the held-out repetitions.
        public var testRuns: Int
        public var testSuccesses: Int
        public var testMedian: Double
    }

    public func outcomes(_ results: ResultSet) -> [Outcome] {
        var grids: [CellKey: [String: [RunRecord]]] = [:]
        for record in results.records {
            let grid = record.optimizer.kind + (record.optimizer.schedule.map { "+" + $0.kind } ?? "")
            grids[CellKey(problemID: record.problem.id, optimizerID: grid), default: [:]][
                record.optimizer.id, default: []
            ].append(record)
        }
        var outcomes: [Outcome] = []
        // A grid is keyed like a cell, with the grid name (`kind` or `kind+schedule-kind`) as its optimizer.
        for key in grids.keys.sorted() {
            let settings = grids[key] ?? [:]
            guard settings.count >= 2 else { continue }
            var best: (id: String, median: Double, successes: Int)?
            var tuningRuns = 0
            var tuningGradients = 0
            for id in settings.keys.sorted() {
                let runs = (settings[id] ?? []).filter { tuningRepetitions.contains($0.repetition) }
                tuningRuns += runs.count
                tuningGradients += runs.reduce(0) { $0 + $1.final.progress.gradientEvaluations }
                let costs = runs.map { PerformanceProfile.cost($0, targetIndex: targetIndex, measure: measure) }
                guard !costs.isEmpty else { continue }
                let median = Median.of(costs)
                let successes = costs.filter(\.isFinite).count
                if let current = best,
                    !(median < current.median || (median == current.median && successes > current.successes))
                {
                    continue
                }
                best = (id, median, successes)
            }
            guard let best else { continue }
            let test = (settings[best.id] ?? []).filter { !tuningRepetitions.contains($0.repetition) }
            let testCosts = test.map { PerformanceProfile.cost($0, targetIndex: targetIndex, measure: measure) }
            outcomes.append(
                Outcome(
                    problemID: key.problemID, grid: key.optimizerID, settings: settings.count,
                    chosenOptimizerID: best.id,
                    tuningMedian: best.median, tuningRuns: tuningRuns, tuningGradientEvaluations: tuningGradients,
                    testRuns: test.count, testSuccesses: testCosts.filter(\.isFinite).count,
                    testMedian: testCosts.isEmpty ? .nan : Median.of(testCosts)))
        }
        return outcomes
    }
}
