import Results

/// The empirical cumulative distribution of runtimes over (run, target) pairs (COCO's ECDF of
/// runtimes, Hansen et al. 2016 §3; "data profile" over targets): for one optimizer, every run on
/// every problem contributes one pair per target of the ladder; F(b) = #pairs whose target was hit at a
/// cost ≤ b / #pairs. Pairs never hit stay unsolved at every budget, so F ends at the overall
/// fraction solved. The budget is iterations or gradient evaluations, drawn on a log axis.
public struct RuntimeDistribution: Sendable {
    public var optimizerID: String
    public var measure: CostMeasure
    public var pairs: Int
    /// The step function: at each distinct cost (increasing), the fraction of pairs solved within it.
    public var steps: [(budget: Double, fraction: Double)]

    /// The fraction solved within `budget`.
    public func fraction(atBudget budget: Double) -> Double {
        steps.last { $0.budget <= budget }?.fraction ?? 0
    }

    /// One distribution per optimizer id (sorted), aggregated over all problems of the set.
    public static func all(_ results: ResultSet, measure: CostMeasure) -> [RuntimeDistribution] {
        results.optimizerIDs.map { id in
            RuntimeDistribution(
                optimizerID: id, runs: results.records.filter { $0.optimizer.id == id }, measure: measure)
        }
    }

    public init(optimizerID: String, runs: [RunRecord], measure: CostMeasure) {
        self.optimizerID = optimizerID
        self.measure = measure
        var costs: [Double] = []
        var pairs = 0
        for run in runs {
            for target in run.targets.ladder {
                pairs += 1
                if let hit = target.hit, let cost = measure.value(hit) { costs.append(cost) }
            }
        }
        self.pairs = pairs
        costs.sort()
        var steps: [(budget: Double, fraction: Double)] = []
        for (index, cost) in costs.enumerated() where index + 1 == costs.count || costs[index + 1] != cost {
            steps.append((cost, Double(index + 1) / Double(max(pairs, 1))))
        }
        self.steps = steps
    }
}
