import Foundation
import Results

/// The claims of the `schedules` suite (suites/README.md): every schedule driving SGD (η₀ = 1/L)
/// and Adam on a noisy quadratic and on mini-batch logistic regression.
enum ScheduleClaims {
    static let all: [Claim] = [
        Claim(
            "A constant step stalls at a noise floor, and decaying schedules go below it: on the noisy quadratic most "
                + "decaying SGD schedules end at a lower gap than the constant step."
        ) { results in
            let runs = results.runs(problem: "quadratic*").filter {
                $0.optimizer.kind == "sgd" && $0.optimizer.schedule != nil
            }
            let byOptimizer = Dictionary(grouping: runs, by: \.optimizer.id)
            guard
                let constantID = byOptimizer.keys.sorted().first(where: {
                    byOptimizer[$0]?.first?.optimizer.schedule?.kind == "constant"
                }),
                let constant = byOptimizer[constantID]
            else { return .missing("sgd with a constant schedule on the quadratic") }
            let floor = finalGap(constant)
            let decaying = byOptimizer.keys.filter { $0 != constantID }.sorted()
            let below = decaying.filter { finalGap(byOptimizer[$0] ?? []) < floor }
            return .when(
                2 * below.count > decaying.count,
                "constant: \(ClaimNumber.text(floor)); \(below.count)/\(decaying.count) other schedules end lower")
        }
    ]

    /// Median final relative gap.
    static func finalGap(_ runs: [RunRecord]) -> Double {
        Median.of(runs.map { $0.final.relativeGap ?? .infinity })
    }
}
