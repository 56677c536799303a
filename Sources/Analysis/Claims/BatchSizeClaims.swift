import Foundation
import Results

/// The claims of the `batch-size` suite (suites/README.md): SGD on logistic regression at batch
/// sizes 8 … 512 with η ∝ b (`*b/8`), η ∝ √b (`*sqrt(b/8)`) and a fixed η, measured in epochs.
enum BatchSizeClaims {
    static let all: [Claim] = [
        Claim(
            "Up to a critical batch size, scaling η with b keeps progress per epoch: epochs to the target stay within "
                + "1.5× those at the smallest batch."
        ) { results in
            let linear = epochs(results, optimizer: "*b/8]")
            guard let first = linear.first, first.epochs.isFinite, linear.count >= 2 else {
                return .missing("η ∝ b at two batch sizes")
            }
            let kept = linear.prefix { $0.epochs <= 1.5 * first.epochs }
            return .when(
                kept.count >= 3 || (kept.count == linear.count && kept.count >= 2),
                linear.map { "b=\($0.batch): \(ClaimNumber.text($0.epochs)) epochs" }.joined(separator: ", "))
        },
        Claim(
            "Beyond that batch size the rule breaks: the largest batch misses the target within the epoch budget (or "
                + "needs over 1.5× the epochs)."
        ) { results in
            let linear = epochs(results, optimizer: "*b/8]")
            guard let first = linear.first, let last = linear.last, linear.count >= 2 else {
                return .missing("η ∝ b at two batch sizes")
            }
            return .when(
                last.epochs > 1.5 * first.epochs,
                "b=\(last.batch): \(ClaimNumber.text(last.epochs)) epochs, b=\(first.batch): "
                    + "\(ClaimNumber.text(first.epochs))")
        },
        Claim("A fixed η, and η ∝ √b, make less progress per epoch than η ∝ b at every batch size above the smallest.")
        { results in
            let linear = epochs(results, optimizer: "*b/8]")
            let others = epochs(results, optimizer: "sgd[lr=0.05/L]") + epochs(results, optimizer: "*sqrt(b/8)]")
            guard linear.count >= 2, !others.isEmpty else { return .missing("the three scalings at two batch sizes") }
            let smallest = linear[0].batch
            var parts: [ClaimOutcome] = []
            for point in others where point.batch > smallest {
                guard let mine = linear.first(where: { $0.batch == point.batch }) else { continue }
                guard mine.epochs.isFinite || point.epochs.isFinite else { continue }
                parts.append(
                    .when(
                        mine.epochs < point.epochs,
                        "b=\(point.batch): η ∝ b \(ClaimNumber.text(mine.epochs)), \(point.label) "
                            + "\(ClaimNumber.text(point.epochs)) epochs"))
            }
            return .all(parts)
        },
    ]

    struct Point {
        var batch: Int
        var epochs: Double
        var label: String
    }

    /// Median epochs to the last target (a miss +∞) per batch size, batch increasing.
    static func epochs(_ results: ResultSet, optimizer: String) -> [Point] {
        var byBatch: [Int: [RunRecord]] = [:]
        for run in results.runs(optimizer: optimizer) {
            guard let batch = run.problem.batchSize else { continue }
            byBatch[batch, default: []].append(run)
        }
        return byBatch.keys.sorted().map { batch in
            let runs = byBatch[batch] ?? []
            let values = runs.map { $0.targets.ladder.last?.hit?.epochs ?? .infinity }
            let lr = runs.first?.optimizer.id ?? optimizer
            return Point(
                batch: batch, epochs: Median.of(values),
                label: lr.contains("sqrt") ? "η ∝ √b" : lr.contains("b/8") ? "η ∝ b" : "fixed η")
        }
    }
}
