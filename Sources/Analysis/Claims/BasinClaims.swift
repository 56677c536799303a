import Foundation
import Results

/// The claims of the `basins` suite (suites/README.md): the multimodal classics from random starts,
/// single-start methods against `random-restarts` of the same inner method. A run's basin is
/// `final.basin` (the known minimiser within 10⁻² of its final iterate); success is ending in a
/// global one.
enum BasinClaims {
    /// Single-start method and its restarting form, as globs over optimizer ids.
    static let pairs = [("gd-armijo", "random-restarts[inner=gd-armijo*"), ("lbfgs", "random-restarts[inner=lbfgs*")]
    /// Plain gradient descent (no momentum).
    static let plainGD = "sgd[lr=*"

    static let all: [Claim] = [
        Claim(
            "Random restarts raise the success rate: on every problem with non-global local minima, "
                + "random-restarts of GD with Armijo and of L-BFGS end in a global minimiser in more runs than the "
                + "same method from a single start."
        ) { results in
            let problems = results.problemIDs.filter { id in
                results.runs(problem: id).contains {
                    $0.final.basin.map { !$0.isGlobal && $0.name != "other" } ?? false
                }
            }
            guard !problems.isEmpty else { return .missing("runs in a non-global basin") }
            return .all(
                problems.flatMap { problem in
                    pairs.map { single, restarted in
                        let a = results.runs(problem: problem, optimizer: single),
                            b = results.runs(problem: problem, optimizer: restarted)
                        guard !a.isEmpty, !b.isEmpty else {
                            return .missing("\(single) and its restarts on \(problem)")
                        }
                        return .when(
                            successes(b) > successes(a),
                            "\(problem): \(single) \(rate(a)), restarted \(rate(b))")
                    }
                })
        },
        Claim(
            "A single start's success falls with the number of minima: on Styblinski–Tang (2ᵈ minima) every "
                + "single-start method ends in the global minimiser in fewer runs at d = 5 than at d = 2."
        ) { results in
            let low = results.runs(problem: "styblinski-tang[d=2]"),
                high = results.runs(problem: "styblinski-tang[d=5]")
            guard !low.isEmpty, !high.isEmpty else { return .missing("styblinski-tang at d = 2 and 5") }
            let singles = results.optimizerIDs.filter { !$0.hasPrefix("random-restarts") }
            return .all(
                singles.map { id in
                    let a = low.filter { $0.optimizer.id == id }, b = high.filter { $0.optimizer.id == id }
                    guard !a.isEmpty, !b.isEmpty else { return .missing("\(id) at d = 2 and 5") }
                    return .when(successes(b) < successes(a), "\(id): d=2 \(rate(a)), d=5 \(rate(b))")
                })
        },
        Claim(
            "Plain GD with a small step ends in the basin its start lies in: on Styblinski–Tang its success "
                + "rate matches the global basin's share of the start box, ((5 + 0.15673)/10)ᵈ (each coordinate "
                + "left of the local maximum 0.1567312567803401), inside the 95% Wilson interval of the observed "
                + "rate."
        ) { results in
            let problems = results.problemIDs.filter { $0.hasPrefix("styblinski-tang[") }
            guard !problems.isEmpty else { return .missing("styblinski-tang") }
            return .all(
                problems.map { problem in
                    let runs = results.runs(problem: problem, optimizer: plainGD).filter {
                        !$0.optimizer.id.contains("momentum")
                    }
                    guard let d = runs.first?.problem.dimension else { return .missing("plain GD on \(problem)") }
                    let expected = pow((5 + 0.1567312567803401) / 10, Double(d))
                    let (low, high) = wilson(successes(runs), runs.count)
                    return .when(
                        low <= expected && expected <= high,
                        "\(problem): \(rate(runs)) = "
                            + "\(ClaimNumber.text(Double(successes(runs)) / Double(runs.count))), "
                            + "interval [\(ClaimNumber.text(low)), \(ClaimNumber.text(high))], "
                            + "basin share \(ClaimNumber.text(expected))"
                    )
                })
        },
        Claim(
            "On Himmelblau, where all four minima are global, GD with Armijo ends in every one of them from "
                + "some start and never elsewhere."
        ) { results in
            let runs = results.runs(problem: "himmelblau*", optimizer: "gd-armijo")
            guard !runs.isEmpty else { return .missing("gd-armijo on himmelblau") }
            let names = Set(runs.compactMap { $0.final.basin?.name })
            let global = runs.filter { $0.final.basin?.isGlobal == true }.count
            return .when(
                names.count == 4 && global == runs.count,
                "basins reached: \(names.sorted().joined(separator: ", ")); global \(global)/\(runs.count)")
        },
    ]

    static func successes(_ runs: [RunRecord]) -> Int { runs.filter { $0.final.basin?.isGlobal == true }.count }

    static func rate(_ runs: [RunRecord]) -> String { ResultSet.fraction(successes(runs), runs.count) }

    /// The 95% Wilson score interval of k successes in n trials (Wilson 1927; z = 1.959964).
    static func wilson(_ k: Int, _ n: Int) -> (Double, Double) {
        guard n > 0 else { return (0, 1) }
        let z = 1.959963984540054, p = Double(k) / Double(n), m = Double(n)
        let centre = (p + z * z / (2 * m)) / (1 + z * z / m)
        let half = z / (1 + z * z / m) * (p * (1 - p) / m + z * z / (4 * m * m)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }
}
