import Foundation
import Results

/// The claims of the `logistic` suite (suites/README.md): L2-regularised logistic regression,
/// standardized and raw features, full batch and mini-batches, with an epoch budget.
enum LogisticClaims {
    static let all: [Claim] = [
        Claim(
            "Bad feature scaling costs first-order methods: on the breast-cancer data, full-batch GD at 1/L ends at a "
                + "relative gap over 5× larger on the raw features than on the standardized ones."
        ) { results in
            guard
                let raw = finalGap(
                    results, "breast-cancer", standardize: "false", batch: nil, optimizer: "sgd[lr=1/L]"),
                let standardized = finalGap(
                    results, "breast-cancer", standardize: "true", batch: nil, optimizer: "sgd[lr=1/L]")
            else { return .missing("sgd[lr=1/L] full batch on raw and standardized breast-cancer") }
            return .when(
                raw > 5 * standardized,
                "final relative gap: raw \(ClaimNumber.text(raw)), standardized \(ClaimNumber.text(standardized))")
        },
        Claim(
            "Adaptive methods absorb part of it: on the raw breast-cancer features (full batch) Adam, AdamW, Adagrad "
                + "and RMSProp all end below GD at 1/L."
        ) { results in
            guard
                let gd = finalGap(results, "breast-cancer", standardize: "false", batch: nil, optimizer: "sgd[lr=1/L]")
            else {
                return .missing("sgd[lr=1/L] full batch on raw breast-cancer")
            }
            let adaptive = results.optimizerIDs.filter {
                ["adam", "adamw", "adagrad", "rmsprop"].contains(String($0.prefix { $0 != "[" }))
            }
            let parts: [ClaimOutcome] = adaptive.compactMap { id in
                finalGap(results, "breast-cancer", standardize: "false", batch: nil, optimizer: id).map {
                    .when($0 < gd, "\(id) \(ClaimNumber.text($0))")
                }
            }
            guard !parts.isEmpty else { return .missing("adaptive methods on raw breast-cancer") }
            return .all([ClaimOutcome(.holds, "GD \(ClaimNumber.text(gd))")] + parts)
        },
        Claim("Constant-step SGD with one row per step stalls at a noise floor: it does not reach the last target.") {
            results in
            let runs = results.records.filter { $0.problem.batchSize == 1 && $0.optimizer.kind == "sgd" }
            guard !runs.isEmpty else { return .missing("sgd with batch size 1") }
            let hits = ResultSet.successes(runs)
            return .when(hits == 0, "batch 1 sgd hit \(hits)/\(runs.count)")
        },
        Claim(
            "On the full batch Newton reaches the last target on every problem; L-BFGS does on the standardized "
                + "breast-cancer data and diverges on its raw features."
        ) { results in
            let newton = results.runs(optimizer: "newton")
            let good = results.runs(problem: "*breast-cancer*standardize=true*", optimizer: "lbfgs")
            let bad = results.runs(problem: "*breast-cancer*standardize=false*", optimizer: "lbfgs")
            guard !newton.isEmpty, !good.isEmpty, !bad.isEmpty else {
                return .missing("newton and lbfgs on breast-cancer")
            }
            let newtonHits = ResultSet.successes(newton), goodHits = ResultSet.successes(good)
            let diverged = bad.filter { $0.status == .diverged }.count
            return .when(
                newtonHits == newton.count && goodHits == good.count && diverged == bad.count,
                "newton hit \(newtonHits)/\(newton.count); lbfgs standardized hit \(goodHits)/\(good.count), raw "
                    + "diverged \(diverged)/\(bad.count)")
        },
    ]

    /// Median final relative gap of one optimizer id on one data set, scaling and batch size.
    static func finalGap(_ results: ResultSet, _ data: String, standardize: String, batch: Int?, optimizer: String)
        -> Double?
    {
        let runs = results.records.filter {
            $0.optimizer.id == optimizer && $0.problem.parameters["data"] == data
                && $0.problem.parameters["standardize"] == standardize && $0.problem.batchSize == batch
        }
        return runs.isEmpty ? nil : Median.of(runs.map { $0.final.relativeGap ?? .infinity })
    }
}
