import Foundation
import Results

/// The claims of the `sampling` suite (suites/README.md): constant-step SGD with mini-batches drawn
/// three ways (problem ids carry `sampling=replacement` / `sampling=fixed-order`; reshuffling is the
/// default and unnamed), compared on the median final relative gap over the repetitions.
enum SamplingClaims {
    static let modes = ["reshuffle", "replacement", "fixed-order"]

    static let all: [Claim] = [
        Claim(
            "At the smallest step (0.1/L) reshuffling each epoch leaves a lower noise floor than sampling "
                + "with replacement: its median final relative gap is lower on every problem and batch size (random "
                + "reshuffling's error is O(η²) against SGD's O(η); Gürbüzbalaban, Ozdaglar & Parrilo 2021)."
        ) { results in
            .all(
                groups(results).map { group in
                    let runs = group.runs.filter { $0.optimizer.id == "sgd[lr=0.1/L]" }
                    let a = median(runs, "reshuffle"), b = median(runs, "replacement")
                    guard let a, let b else { return .missing("reshuffle and replacement at 0.1/L on \(group.name)") }
                    return .when(
                        a < b, "\(group.name): reshuffle \(ClaimNumber.text(a)), replacement \(ClaimNumber.text(b))")
                })
        },
        Claim(
            "The noise floor grows with the step for every sampling mode: the median final relative gap at η "
                + "= 1/L is above that at 0.5/L on every problem and batch size."
        ) { results in
            .all(
                groups(results).flatMap { group in
                    modes.map { mode in
                        let small = median(group.runs.filter { $0.optimizer.id == "sgd[lr=0.5/L]" }, mode)
                        let large = median(group.runs.filter { $0.optimizer.id == "sgd[lr=1/L]" }, mode)
                        guard let small, let large else { return .missing("\(mode) at 0.5/L and 1/L on \(group.name)") }
                        return .when(
                            large > small,
                            "\(group.name) \(mode): \(ClaimNumber.text(small)) → \(ClaimNumber.text(large))")
                    }
                })
        },
        Claim(
            "A fixed order draws nothing at random: on the stored data every repetition ends at the same "
                + "point, while reshuffling and sampling with replacement spread over the repetitions."
        ) { results in
            .all(
                groups(results).flatMap { group in
                    Set(group.runs.map(\.optimizer.id)).sorted().map { optimizer in
                        let runs = group.runs.filter { $0.optimizer.id == optimizer }
                        let fixed = Set(runs.filter { mode($0) == "fixed-order" }.map(\.finalFingerprint))
                        let shuffled = Set(runs.filter { mode($0) == "reshuffle" }.map(\.finalFingerprint))
                        guard !fixed.isEmpty, !shuffled.isEmpty else {
                            return .missing("fixed-order and reshuffle on \(group.name)")
                        }
                        let data = runs.first?.problem.parameters["file"] != nil
                        return .when(
                            (!data || fixed.count == 1) && shuffled.count > 1,
                            "\(group.name) \(optimizer): \(fixed.count) fixed-order end point(s), "
                                + "\(shuffled.count) reshuffled"
                        )
                    }
                })
        },
        Claim(
            "On the class-sorted iris data the fixed order's final gap, at an epoch boundary, is no higher "
                + "than reshuffling's median at any step and batch size (incremental gradient's cycle ends each "
                + "epoch near the optimum)."
        ) { results in
            .all(
                groups(results).filter { $0.runs.first?.problem.parameters["file"] != nil }.flatMap { group in
                    Set(group.runs.map(\.optimizer.id)).sorted().map { optimizer in
                        let runs = group.runs.filter { $0.optimizer.id == optimizer }
                        guard let fixed = median(runs, "fixed-order"), let shuffled = median(runs, "reshuffle") else {
                            return .missing("fixed-order and reshuffle on \(group.name)")
                        }
                        return .when(
                            fixed <= shuffled,
                            "\(group.name) \(optimizer): fixed order \(ClaimNumber.text(fixed)), "
                                + "reshuffled \(ClaimNumber.text(shuffled))")
                    }
                })
        },
    ]

    /// The sampling mode of a run (`reshuffle` when its problem id does not name one).
    static func mode(_ run: RunRecord) -> String { run.problem.sampling ?? "reshuffle" }

    /// Runs grouped by problem without the sampling mode (kind, data and batch size).
    static func groups(_ results: ResultSet) -> [(name: String, runs: [RunRecord])] {
        let runs = results.records.filter { $0.problem.batchSize != nil }
        func name(_ run: RunRecord) -> String {
            run.problem.id.replacingOccurrences(of: ",sampling=\(mode(run))", with: "")
        }
        return Set(runs.map(name)).sorted().map { key in (key, runs.filter { name($0) == key }) }
    }

    static func median(_ runs: [RunRecord], _ mode: String) -> Double? {
        let gaps = runs.filter { self.mode($0) == mode }.compactMap(\.final.relativeGap)
        return gaps.isEmpty ? nil : Median.of(gaps)
    }
}
