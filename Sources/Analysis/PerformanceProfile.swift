import Results

/// Dolan–Moré performance profiles (Dolan & Moré, "Benchmarking optimization software with
/// performance profiles", Math. Program. 91, 2002). A problem instance is a problem id × repetition
/// (every optimizer sees the same instance under common random numbers). For instance p and
/// optimizer s the cost t_{p,s} is the measure at the first hit of the chosen target (∞ when not
/// hit); the ratio r_{p,s} = t_{p,s} / min_s t_{p,s} (∞ for a failure, and for every optimizer when
/// all failed); ρ_s(τ) = #{p : r_{p,s} ≤ τ} / #instances. Costs are floored at 1 for counts (a
/// target met with 0 gradient evaluations would make every ratio 0/0).
public struct PerformanceProfile: Sendable {
    public var measure: CostMeasure
    public var targetIndex: Int
    public var instances: Int
    /// Per optimizer id (sorted): the sorted finite ratios; ρ(τ) = #(ratios ≤ τ) / instances.
    public var ratios: [(optimizerID: String, ratios: [Double])]

    public func fraction(_ optimizerID: String, within tau: Double) -> Double {
        guard instances > 0, let entry = ratios.first(where: { $0.optimizerID == optimizerID }) else { return 0 }
        return Double(entry.ratios.filter { $0 <= tau }.count) / Double(instances)
    }

    /// The largest finite ratio of any optimizer (1 when there is none).
    public var largestRatio: Double { ratios.flatMap(\.ratios).max() ?? 1 }

    public init(_ results: ResultSet, targetIndex: Int, measure: CostMeasure) {
        self.measure = measure
        self.targetIndex = targetIndex
        let optimizers = results.optimizerIDs
        var costs: [InstanceKey: [String: Double]] = [:]
        for record in results.records {
            let key = InstanceKey(problemID: record.problem.id, repetition: record.repetition)
            costs[key, default: [:]][record.optimizer.id] = PerformanceProfile.cost(
                record, targetIndex: targetIndex, measure: measure)
        }
        instances = costs.count
        var ratios: [String: [Double]] = [:]
        for (_, row) in costs {
            let best = row.values.min() ?? .infinity
            guard best.isFinite else { continue }
            for (optimizer, cost) in row where cost.isFinite { ratios[optimizer, default: []].append(cost / best) }
        }
        self.ratios = optimizers.map { ($0, (ratios[$0] ?? []).sorted()) }
    }

    /// The cost of one run at a target: ∞ when not hit or unknown; counts floored at 1.
    public static func cost(_ record: RunRecord, targetIndex: Int, measure: CostMeasure) -> Double {
        guard record.targets.ladder.indices.contains(targetIndex), let hit = record.targets.ladder[targetIndex].hit,
            let value = measure.value(hit)
        else { return .infinity }
        return measure == .seconds ? value : max(value, 1)
    }
}

/// A problem instance of a profile: problem id × repetition.
struct InstanceKey: Hashable {
    var problemID: String
    var repetition: Int
}
