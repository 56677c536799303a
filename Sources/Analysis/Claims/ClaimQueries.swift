import Foundation
import Results

/// The measurements claims are written in: runs selected by globs over problem and optimizer ids,
/// iterations to the last target (failures +∞), success and escape counts.
extension ResultSet {
    /// Runs whose problem id and optimizer id match the globs (``GlobPattern``).
    public func runs(problem: String = "*", optimizer: String = "*") -> [RunRecord] {
        let p = GlobPattern(problem), o = GlobPattern(optimizer)
        return records.filter { p.matches($0.problem.id) && o.matches($0.optimizer.id) }
    }

    /// The index of the last target of the ladder.
    public var lastTargetIndex: Int { max(thresholds.count - 1, 0) }

    /// Median over `runs` of iterations to the last target (a miss counts as +∞; nil without runs).
    public static func medianIterations(_ runs: [RunRecord], targetIndex: Int? = nil) -> Double? {
        guard !runs.isEmpty else { return nil }
        return Median.of(
            runs.map { run in
                PerformanceProfile.cost(
                    run, targetIndex: targetIndex ?? max(run.targets.ladder.count - 1, 0), measure: .iterations)
            })
    }

    /// Runs that reached the last target.
    public static func successes(_ runs: [RunRecord]) -> Int {
        runs.filter { $0.targets.ladder.last?.hit != nil }.count
    }

    /// Iterations at which each run reached the `escaped` milestone (runs that did not are left out).
    public static func escapeIterations(_ runs: [RunRecord]) -> [Double] {
        runs.compactMap { run in run.milestones.first { $0.name == "escaped" }?.hit.map { Double($0.iteration) } }
    }

    /// `"a/b"`.
    public static func fraction(_ part: Int, _ whole: Int) -> String { "\(part)/\(whole)" }
}

/// Number formatting for claim evidence: integers plainly, else 3 significant digits, ∞ for misses.
enum ClaimNumber {
    static func text(_ value: Double?) -> String {
        guard let value else { return "—" }
        if value.isInfinite { return "∞ (missed)" }
        if value == value.rounded() && abs(value) < 1e7 { return String(Int(value)) }
        return String(format: "%.3g", value)
    }
}
