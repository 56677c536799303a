import Foundation
import Results

/// The claims of the `convex` suite (suites/README.md): μ = 0 problems, gradient descent at 1/L
/// (f_k − f* ≤ L‖x₀ − x*‖²/(2k)) and Nesterov/FISTA (`nesterov-accelerated`, f_k − f* ≤ 2L‖x₀ − x*‖²/(k+1)²;
/// Beck & Teboulle 2009, Thm 4.4; docs/reference.md §D.3), measured as log–log slopes of the gap f − f*
/// against k. Both bounds need a minimiser x*; separable logistic regression has none.
enum ConvexClaims {
    /// The slope fits use trace points with k ≥ this and a relative gap above ``floor``.
    static let firstIteration = 10
    static let floor = 1e-13

    static let all: [Claim] = [
        Claim(
            "Gradient descent at η = 1/L is O(1/k) on every μ = 0 problem with a minimiser: the fitted log–log slope "
                + "of its gap (k ≥ 10) is at most −1 + 0.1."
        ) { results in
            .all(
                problems(results, withMinimizer: true).map { problem in
                    slopeAtMost(results, problem: problem, optimizer: "sgd[lr=*", limit: -0.9, label: "GD")
                })
        },
        Claim(
            "Nesterov/FISTA without restart is O(1/k²) on every μ = 0 problem with a minimiser: slope at most −2 + "
                + "0.25."
        ) { results in
            .all(
                problems(results, withMinimizer: true).map { problem in
                    slopeAtMost(
                        results, problem: problem, optimizer: "nesterov-accelerated[restart=none*", limit: -1.75,
                        label: "FISTA")
                })
        },
        Claim(
            "Where the spectrum reaches down to L·10⁻⁸ (the zero-block quadratic with κ₊ = 10⁸) the bounds are tight: "
                + "GD's slope is within 0.15 of −1 and FISTA's within 0.3 of −2."
        ) { results in
            let problem = "quadratic[*kappa=100000000,*"
            return .all([
                slopeNear(results, problem: problem, optimizer: "sgd[lr=*", target: -1, tolerance: 0.15, label: "GD"),
                slopeNear(
                    results, problem: problem, optimizer: "nesterov-accelerated[restart=none*", target: -2,
                    tolerance: 0.3,
                    label: "FISTA"),
            ])
        },
        Claim(
            "Adaptive restart pays on the zero-block quadratic with κ₊ = 10⁶: the gradient and function schemes reach "
                + "the relative gap 10⁻¹⁰ within 10⁴ iterations in every run, FISTA without restart in none."
        ) { results in
            let problem = "quadratic[*kappa=1000000,*"
            return .all(
                ["none", "gradient", "function"].map { scheme in
                    let runs = results.runs(problem: problem, optimizer: "nesterov-accelerated[restart=\(scheme)*")
                    guard !runs.isEmpty else { return .missing("nesterov-accelerated restart \(scheme) on \(problem)") }
                    let hits = ResultSet.successes(runs)
                    return .when(
                        scheme == "none" ? hits == 0 : hits == runs.count,
                        "restart \(scheme): reached \(ResultSet.fraction(hits, runs.count))")
                })
        },
        Claim(
            "Without a minimiser (separable logistic regression, f* = 0 an infimum) the bounds do not apply, and both "
                + "methods fall short of them: GD's slope is above −0.9 and FISTA's above −1.75."
        ) { results in
            let problems = problems(results, withMinimizer: false)
            guard !problems.isEmpty else { return .missing("a μ = 0 problem without a minimiser") }
            return .all(
                problems.flatMap { problem in
                    [("sgd[lr=*", -0.9, "GD"), ("nesterov-accelerated[restart=none*", -1.75, "FISTA")].map {
                        optimizer, limit, label in
                        let runs = results.runs(problem: problem, optimizer: optimizer)
                        guard let fit = gapSlope(runs) else { return ClaimOutcome.missing("\(label) on \(problem)") }
                        return .when(fit.slope > limit, "\(label) on \(problem): \(describe(fit))")
                    }
                })
        },
    ]

    /// The problems of the records whose μ is recorded as 0, with or without a minimiser x* (a record
    /// has a final distance exactly when x* is known).
    static func problems(_ results: ResultSet, withMinimizer: Bool) -> [String] {
        let records = results.records.filter {
            $0.problem.strongConvexity == 0 && ($0.final.distance != nil) == withMinimizer
        }
        return Array(Set(records.map(\.problem.id))).sorted()
    }

    /// The least-squares line of ln(f − f*) against ln k over the trace points of `runs` (pooled) with
    /// k ≥ ``firstIteration`` and a relative gap above ``floor``.
    static func gapSlope(_ runs: [RunRecord]) -> LineFit? {
        var x: [Double] = [], y: [Double] = []
        for run in runs {
            guard let initial = run.trace.first?.gap, initial > 0 else { continue }
            for point in run.trace where point.iteration >= firstIteration {
                guard let gap = point.gap, gap > floor * initial else { continue }
                x.append(log(Double(point.iteration)))
                y.append(log(gap))
            }
        }
        return x.count >= 3 ? LineFit(x: x, y: y) : nil
    }

    static func describe(_ fit: LineFit) -> String {
        "slope \(ClaimNumber.text(fit.slope)) [\(ClaimNumber.text(fit.slopeLower)), "
            + "\(ClaimNumber.text(fit.slopeUpper))]"
    }

    static func slopeAtMost(_ results: ResultSet, problem: String, optimizer: String, limit: Double, label: String)
        -> ClaimOutcome
    {
        let runs = results.runs(problem: problem, optimizer: optimizer)
        guard let fit = gapSlope(runs) else { return .missing("\(label) on \(problem)") }
        return .when(fit.slope <= limit, "\(label) on \(problem): \(describe(fit))")
    }

    static func slopeNear(
        _ results: ResultSet, problem: String, optimizer: String, target: Double, tolerance: Double,
        label: String
    ) -> ClaimOutcome {
        let runs = results.runs(problem: problem, optimizer: optimizer)
        guard let fit = gapSlope(runs) else { return .missing("\(label) on \(problem)") }
        return .when(abs(fit.slope - target) <= tolerance, "\(label): \(describe(fit))")
    }
}
