import Foundation
import Results

/// The claims of the `conditioning` suite (suites/README.md): iterations to the last target against
/// κ on the d = 100 quadratics, axis-aligned (`rotation=none`) and rotated (`rotation=random`).
/// Exponents are the ``KappaScaling`` fits (κ values where every run needs one iteration left out).
enum ConditioningClaims {
    static let all: [Claim] = [
        Claim(
            "Gradient descent (steps 1/L and 2/(L+μ), exact line search, Armijo) needs O(κ log 1/ε) iterations: "
                + "fitted exponent p within 0.25 of 1."
        ) { results in
            exponents(
                results, optimizers: ["sgd[lr=1/L]", "sgd[lr=2/(L+mu)]", "steepest-descent-exact", "gd-armijo"],
                theory: 1, tolerance: 0.25)
        },
        Claim(
            "Heavy ball and Nesterov with their optimal constant parameters need O(√κ log 1/ε): p within 0.15 of 0.5."
        ) { results in
            exponents(results, optimizers: ["heavy-ball", "nesterov-constant"], theory: 0.5, tolerance: 0.15)
        },
        Claim(
            "CG and L-BFGS need no more iterations than heavy ball and Nesterov at any κ > 1, and at most d up "
                + "to κ = 10³."
        ) { results in
            .all(
                families(results).flatMap { rotation in
                    ["conjugate-gradient", "lbfgs"].map { fast in
                        var worst: [String] = []
                        var checked = 0
                        for kappa in kappas(results, rotation) where kappa > 1 {
                            let runs = cell(results, rotation, kappa, fast)
                            let others = ["heavy-ball", "nesterov-constant"].compactMap {
                                ResultSet.medianIterations(cell(results, rotation, kappa, $0))
                            }
                            guard let mine = ResultSet.medianIterations(runs), !others.isEmpty else { continue }
                            checked += 1
                            let dimension = Double(runs.first?.problem.dimension ?? 0)
                            if mine > (others.min() ?? .infinity) {
                                worst.append(
                                    "κ=\(ClaimNumber.text(kappa)): \(ClaimNumber.text(mine)) > "
                                        + "\(ClaimNumber.text(others.min()))")
                            }
                            if kappa <= 1e3, mine > dimension {
                                worst.append("κ=\(ClaimNumber.text(kappa)): \(ClaimNumber.text(mine)) > d")
                            }
                        }
                        guard checked > 0 else {
                            return .missing("\(fast) beside heavy-ball/nesterov-constant on rotation=\(rotation)")
                        }
                        return .when(
                            worst.isEmpty,
                            "\(fast), rotation=\(rotation): \(checked) κ values"
                                + (worst.isEmpty ? " all within" : ", " + worst.joined(separator: ", ")))
                    }
                })
        },
        Claim("Newton needs one iteration at every κ.") { results in
            let runs = results.runs(optimizer: "newton")
            guard !runs.isEmpty else { return .missing("newton") }
            let costs = runs.map {
                PerformanceProfile.cost($0, targetIndex: results.lastTargetIndex, measure: .iterations)
            }
            return .when(
                costs.allSatisfy { $0 == 1 }, "\(costs.filter { $0 == 1 }.count)/\(runs.count) runs in one iteration")
        },
        Claim(
            "Adam, RMSProp and Adagrad depend on the rotation: at the largest κ either form reaches, the axis-aligned "
                + "problem needs fewer iterations than the rotated one."
        ) { results in
            let adaptive = results.optimizerIDs.filter {
                $0.hasPrefix("adam") || $0.hasPrefix("rmsprop") || $0.hasPrefix("adagrad")
            }
            guard !adaptive.isEmpty else { return .missing("adam, rmsprop or adagrad") }
            return .all(
                adaptive.map { optimizer in
                    let common = Set(kappas(results, "none")).intersection(kappas(results, "random")).sorted(by: >)
                    for kappa in common {
                        let axis = ResultSet.medianIterations(cell(results, "none", kappa, optimizer)) ?? .infinity
                        let rotated = ResultSet.medianIterations(cell(results, "random", kappa, optimizer)) ?? .infinity
                        guard axis.isFinite || rotated.isFinite else { continue }
                        return .when(
                            axis < rotated,
                            "\(optimizer) at κ=\(ClaimNumber.text(kappa)): axis-aligned \(ClaimNumber.text(axis)), "
                                + "rotated \(ClaimNumber.text(rotated))")
                    }
                    return .missing("\(optimizer) reaching the target on both rotations")
                })
        },
        Claim(
            "The 10⁵-iteration budget marks where gradient descent stops being practical: at κ ≥ 10⁵ its fixed steps "
                + "and line searches miss the target, while heavy ball, Nesterov, CG, L-BFGS and Newton reach it."
        ) { results in
            let large = families(results).flatMap { rotation in
                kappas(results, rotation).filter { $0 >= 1e5 }.map { (rotation, $0) }
            }
            guard !large.isEmpty else { return .missing("κ ≥ 10⁵") }
            return .all(
                large.map { rotation, kappa in
                    let slow = ["sgd[lr=1/L]", "sgd[lr=2/(L+mu)]", "steepest-descent-exact", "gd-armijo"].flatMap {
                        cell(results, rotation, kappa, $0)
                    }
                    let fast = ["heavy-ball", "nesterov-constant", "conjugate-gradient", "lbfgs", "newton"].flatMap {
                        cell(results, rotation, kappa, $0)
                    }
                    guard !slow.isEmpty, !fast.isEmpty else {
                        return .missing("GD and the fast methods at κ=\(ClaimNumber.text(kappa))")
                    }
                    let slowHits = ResultSet.successes(slow), fastHits = ResultSet.successes(fast)
                    return .when(
                        slowHits == 0 && fastHits == fast.count,
                        "κ=\(ClaimNumber.text(kappa)), rotation=\(rotation): GD family hit \(slowHits)/\(slow.count), "
                            + "fast methods \(fastHits)/\(fast.count)")
                })
        },
    ]

    static func exponents(_ results: ResultSet, optimizers: [String], theory: Double, tolerance: Double) -> ClaimOutcome
    {
        let scalings = KappaScaling.all(results, targetIndex: results.lastTargetIndex)
        var parts: [ClaimOutcome] = []
        for optimizer in optimizers {
            let series = scalings.filter { $0.optimizerID == optimizer }
            if series.isEmpty { parts.append(.missing("\(optimizer) at two or more κ")) }
            for scaling in series {
                guard let fit = scaling.fit, scaling.points.count >= 3 else {
                    parts.append(.missing("\(optimizer) on \(scaling.family) at three κ values that reach the target"))
                    continue
                }
                parts.append(
                    .when(
                        abs(fit.slope - theory) <= tolerance,
                        "\(optimizer) on \(rotation(scaling.family)): p = \(String(format: "%.2f", fit.slope)) over "
                            + "\(scaling.points.count) κ"))
            }
        }
        return .all(parts)
    }

    static func rotation(_ family: String) -> String {
        family.contains("rotation=random") ? "rotated" : family.contains("rotation=none") ? "axis-aligned" : family
    }

    /// The rotations present (`none`, `random`).
    static func families(_ results: ResultSet) -> [String] {
        Array(Set(results.records.compactMap { $0.problem.parameters["rotation"] })).sorted()
    }

    static func kappas(_ results: ResultSet, _ rotation: String) -> [Double] {
        Array(
            Set(
                results.records.filter { $0.problem.parameters["rotation"] == rotation }
                    .compactMap { $0.problem.parameters["kappa"].flatMap(Double.init) })
        ).sorted()
    }

    /// The runs of one optimizer id on the problems of one rotation and κ.
    static func cell(_ results: ResultSet, _ rotation: String, _ kappa: Double, _ optimizer: String) -> [RunRecord] {
        results.records.filter {
            $0.optimizer.id == optimizer && $0.problem.parameters["rotation"] == rotation
                && $0.problem.parameters["kappa"].flatMap(Double.init) == kappa
        }
    }
}
