import Foundation
import Results

/// The claims of the `rosenbrock` suite (suites/README.md): Rosenbrock's valley in 2-D and the
/// chained and extended forms, every first-order optimizer over a learning-rate grid beside the
/// methods that use curvature.
enum RosenbrockClaims {
    /// Kinds that use second-order information (quasi-Newton, Newton).
    static let curvature: Set<String> = ["lbfgs", "bfgs", "newton", "newton-cg"]

    static let all: [Claim] = [
        Claim(
            "Curvature information is what buys speed: on every problem the fastest of L-BFGS, BFGS, Newton and "
                + "Newton-CG needs fewer iterations than the best-tuned fixed-step optimizer."
        ) { results in
            .all(
                results.problemIDs.map { problem in
                    let runs = results.runs(problem: problem)
                    let fixed = runs.filter {
                        $0.optimizer.parameters["lr"] != nil && !curvature.contains($0.optimizer.kind)
                    }
                    let second = runs.filter { curvature.contains($0.optimizer.kind) }
                    guard !fixed.isEmpty, !second.isEmpty else {
                        return .missing("fixed-step and curvature methods on \(problem)")
                    }
                    let best = bestMedian(fixed), fastest = bestMedian(second)
                    return .when(
                        fastest.median < best.median,
                        "\(problem): \(fastest.id) \(ClaimNumber.text(fastest.median)), best fixed step \(best.id) "
                            + "\(ClaimNumber.text(best.median))")
                })
        },
        Claim(
            "Fixed-step methods crawl along the valley floor: on the 2-D valley no fixed-step optimizer reaches 10⁻⁸ "
                + "within 1000 iterations."
        ) { results in
            let runs = results.runs(problem: "rosenbrock[d=2]").filter {
                $0.optimizer.parameters["lr"] != nil && !curvature.contains($0.optimizer.kind)
            }
            guard !runs.isEmpty else { return .missing("fixed-step optimizers on rosenbrock[d=2]") }
            let best = bestMedian(runs)
            return .when(
                best.median > 1000, "fastest fixed step: \(best.id) \(ClaimNumber.text(best.median)) iterations")
        },
        Claim(
            "On the chained form Newton from the standard start stops at the second local minimum near (−1, 1, …, 1), "
                + "where f ≈ 3.99, instead of f* = 0."
        ) { results in
            let runs = results.runs(problem: "*variant=chained*", optimizer: "newton")
            guard !runs.isEmpty else { return .missing("newton on the chained form") }
            let stuck = runs.filter { abs($0.final.value - 3.9866) < 0.01 && $0.targets.ladder.last?.hit == nil }
            return .when(
                stuck.count == runs.count,
                runs.map { "\($0.problem.id): final f = \(ClaimNumber.text($0.final.value))" }.joined(separator: ", "))
        },
    ]

    /// The optimizer id with the smallest median iterations to the last target.
    static func bestMedian(_ runs: [RunRecord]) -> (id: String, median: Double) {
        let byOptimizer = Dictionary(grouping: runs, by: \.optimizer.id)
        return byOptimizer.keys.sorted().map { ($0, ResultSet.medianIterations(byOptimizer[$0] ?? []) ?? .infinity) }
            .min { $0.1 < $1.1 } ?? ("—", .infinity)
    }
}
