import Foundation
import Results

/// The claims of the `saddles` suite (suites/README.md). Strict saddles: `double-well` and the
/// `index-saddle` problems; the degenerate one: `monkey-saddle`. Escaping is the `escaped`
/// milestone; a run counts as converged only after it (``RunLoop``).
enum SaddleClaims {
    static let strict = ["double-well", "index-saddle*"]

    static let all: [Claim] = [
        Claim(
            "On the strict saddles, plain GD, GD with momentum, perturbed GD, Adam and Newton escape in every "
                + "run."
        ) { results in
            .all(
                strict.flatMap { problem in
                    ["sgd[lr=*]", "sgd[*momentum*", "noisy-gd*", "adam*", "newton"].map { optimizer in
                        let runs = results.runs(
                            problem: problem, optimizer: optimizer == "sgd[lr=*]" ? "sgd[lr=*]" : optimizer
                        )
                        .filter { optimizer != "sgd[lr=*]" || !$0.optimizer.id.contains("momentum") }
                        guard !runs.isEmpty else { return .missing("\(optimizer) on \(problem)") }
                        let escaped = ResultSet.escapeIterations(runs).count
                        return .when(
                            escaped == runs.count, "\(optimizer) on \(problem): escaped \(escaped)/\(runs.count)")
                    }
                })
        },
        Claim("Momentum escapes a strict saddle faster than plain GD (median iterations to escape).") { results in
            .all(
                problems(results, strict).map { problem in
                    let plain = results.runs(problem: problem, optimizer: "sgd[lr=*").filter {
                        !$0.optimizer.id.contains("momentum")
                    }
                    let heavy = results.runs(problem: problem, optimizer: "sgd[*momentum*")
                    guard !plain.isEmpty, !heavy.isEmpty else {
                        return .missing("sgd with and without momentum on \(problem)")
                    }
                    let a = Median.of(ResultSet.escapeIterations(heavy)),
                        b = Median.of(ResultSet.escapeIterations(plain))
                    return .when(a < b, "\(problem): momentum \(ClaimNumber.text(a)), GD \(ClaimNumber.text(b))")
                })
        },
        Claim(
            "Perturbed GD escapes, but its injected noise keeps it above the last gradient-norm target on the strict "
                + "saddles."
        ) { results in
            .all(
                problems(results, strict).map { problem in
                    let runs = results.runs(problem: problem, optimizer: "noisy-gd*")
                    guard !runs.isEmpty else { return .missing("noisy-gd on \(problem)") }
                    let escaped = ResultSet.escapeIterations(runs).count, hit = ResultSet.successes(runs)
                    return .when(
                        escaped == runs.count && hit == 0,
                        "\(problem): escaped \(escaped)/\(runs.count), last target \(hit)/\(runs.count)")
                })
        },
        Claim(
            "At the monkey saddle plain GD does not escape within the budget, while momentum and Adam escape in most "
                + "runs."
        ) { results in
            let plain = results.runs(problem: "monkey-saddle", optimizer: "sgd[lr=*").filter {
                !$0.optimizer.id.contains("momentum")
            }
            let heavy = results.runs(problem: "monkey-saddle", optimizer: "sgd[*momentum*")
            let adam = results.runs(problem: "monkey-saddle", optimizer: "adam*")
            guard !plain.isEmpty, !heavy.isEmpty, !adam.isEmpty else {
                return .missing("GD, momentum and Adam on monkey-saddle")
            }
            let counts = [plain, heavy, adam].map { ResultSet.escapeIterations($0).count }
            return .when(
                counts[0] == 0 && 2 * counts[1] > heavy.count && 2 * counts[2] > adam.count,
                "escaped: GD \(counts[0])/\(plain.count), momentum \(counts[1])/\(heavy.count), Adam "
                    + "\(counts[2])/\(adam.count)")
        },
        Claim(
            "No run counts as converged without escaping: every converged run reached the escaped milestone."
                + "No run counts as converged without escaping: every converged run reached the escaped milestone."
        ) { results in
            let runs = results.records.filter { $0.milestones.contains { $0.name == "escaped" } }
            guard !runs.isEmpty else { return .missing("runs with the escaped milestone") }
            let converged = runs.filter { $0.status == .converged }
            let stuck = converged.filter { ResultSet.escapeIterations([$0]).isEmpty }.count
            return .when(stuck == 0, "\(converged.count) converged runs, \(stuck) of them without escaping")
        },
        Claim(
            "Escape time grows like log(1/distance) for GD: over starts 10⁻¹ … 10⁻⁸ from the double well's "
                + "saddle, the fitted slope of escape iterations against log₁₀(1/distance) has a 95% interval "
                + "containing 1/log₁₀(1 + η|λ_min|) (λ_min = −1) and lies within 5% of it; with momentum β the rate "
                + "is the heavy-ball growth root z of z² − (1 + β + η|λ_min|)z + β, slope 1/log₁₀ z, same test."
        ) { results in
            let sweeps = [("sgd[lr=*", false), ("sgd[*momentum*", true)]
            return .all(
                sweeps.map { glob, momentum in
                    let runs = SaddleSweep.runs(results, optimizer: glob).filter {
                        $0.optimizer.id.contains("momentum") == momentum
                    }
                    guard let fit = SaddleSweep.fit(runs),
                        let eta = runs.first.flatMap({ Double($0.optimizer.parameters["lr"] ?? "") })
                    else { return .missing("\(glob) on the double-well start-distance sweep") }
                    let beta = momentum ? Double(runs.first?.optimizer.parameters["momentum"] ?? "") ?? 0 : 0
                    let theory = SaddleSweep.theorySlope(eta: eta, curvature: 1, momentum: beta)
                    return .when(
                        fit.slopeLower <= theory && theory <= fit.slopeUpper
                            && abs(fit.slope - theory) <= 0.05 * theory,
                        "\(momentum ? "momentum" : "GD"): slope \(ClaimNumber.text(fit.slope)) "
                            + "[\(ClaimNumber.text(fit.slopeLower)), \(ClaimNumber.text(fit.slopeUpper))] "
                            + "iterations per decade, "
                            + "theory \(ClaimNumber.text(theory)) (\(fit.points) runs)")
                })
        },
        Claim(
            "Gradient noise removes most of that dependence: perturbed GD's slope over the same sweep is less "
                + "than a third of plain GD's."
        ) { results in
            let plain = SaddleSweep.runs(results, optimizer: "sgd[lr=*").filter {
                !$0.optimizer.id.contains("momentum")
            }
            let noisy = SaddleSweep.runs(results, optimizer: "noisy-gd*")
            guard let a = SaddleSweep.fit(plain), let b = SaddleSweep.fit(noisy) else {
                return .missing("GD and noisy-gd on the sweep")
            }
            return .when(
                b.slope < a.slope / 3,
                "noisy GD \(ClaimNumber.text(b.slope)) "
                    + "[\(ClaimNumber.text(b.slopeLower)), \(ClaimNumber.text(b.slopeUpper))], "
                    + "GD \(ClaimNumber.text(a.slope)) iterations per decade")
        },
    ]

    /// The problem ids of the records matching any of the globs, sorted.
    static func problems(_ results: ResultSet, _ globs: [String]) -> [String] {
        results.problemIDs.filter { id in globs.contains { GlobPattern($0).matches(id) } }
    }
}
