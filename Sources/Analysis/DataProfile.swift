import Results

/// Moré–Wild data profiles (Moré & Wild, "Benchmarking derivative-free optimization algorithms",
/// SIAM J. Optim. 20, 2009, eq. 2.7): d_s(α) = #{p : t_{p,s}/(n_p + 1) ≤ α} / #instances, where
/// t_{p,s} is the number of gradient evaluations optimizer s needed to reach the chosen target on
/// instance p (problem id × repetition; ∞ when not hit) and n_p the dimension — the budget in
/// "simplex gradients", here gradient evaluations divided by d + 1 as the task asks. Hessian-vector
/// products and Hessians are not in this budget, so methods that use them (Newton, linear CG on a
/// quadratic) look cheap here; compare them on the performance profile of iterations.
public struct DataProfile: Sendable {
    public var targetIndex: Int
    public var instances: Int
    /// Per optimizer id (sorted): the sorted finite scaled costs t/(d + 1).
    public var scaledCosts: [(optimizerID: String, costs: [Double])]

    public func fraction(_ optimizerID: String, within alpha: Double) -> Double {
        guard instances > 0, let entry = scaledCosts.first(where: { $0.optimizerID == optimizerID }) else { return 0 }
        return Double(entry.costs.filter { $0 <= alpha }.count) / Double(instances)
    }

    public init(_ results: ResultSet, targetIndex: Int) {
        self.targetIndex = targetIndex
        var instanceKeys = Set<InstanceKey>()
        var costs: [String: [Double]] = [:]
        for record in results.records {
            instanceKeys.insert(InstanceKey(problemID: record.problem.id, repetition: record.repetition))
            guard record.targets.ladder.indices.contains(targetIndex), let hit = record.targets.ladder[targetIndex].hit
            else { continue }
            costs[record.optimizer.id, default: []].append(
                Double(hit.gradientEvaluations) / Double(record.problem.dimension + 1))
        }
        instances = instanceKeys.count
        scaledCosts = results.optimizerIDs.map { ($0, (costs[$0] ?? []).sorted()) }
    }
}
