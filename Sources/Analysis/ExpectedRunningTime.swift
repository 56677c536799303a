import Results

/// COCO's expected running time (Hansen et al., "COCO: Performance assessment", 2016, §2.2;
/// cocopp `toolsstats.sp`): for a target, the cost summed over all runs — up to the first hit for
/// runs that reached it, up to their end for runs that did not — divided by the number of runs that
/// reached it. ERT = ∞ when no run reached the target. With success rate pₛ and the mean costs of
/// successful and unsuccessful runs, ERT = mean(successful) + (1 − pₛ)/pₛ · mean(unsuccessful).
public enum ExpectedRunningTime {
    /// ERT of `runs` for target `targetIndex` of the ladder, in `measure` (iterations or
    /// evaluations; seconds when every run was timed). nil when a needed cost is unknown.
    public static func value(runs: [RunRecord], targetIndex: Int, measure: CostMeasure) -> Double? {
        guard !runs.isEmpty else { return nil }
        var total = 0.0
        var successes = 0
        for run in runs {
            let hit = run.targets.ladder.indices.contains(targetIndex) ? run.targets.ladder[targetIndex].hit : nil
            guard let cost = measure.value(hit ?? run.final.progress) else { return nil }
            total += cost
            if hit != nil { successes += 1 }
        }
        return successes == 0 ? .infinity : total / Double(successes)
    }
}
