import Foundation
import Results

/// The claims of the `external` suite (suites/README.md) that its own records decide: the clients
/// speak the protocol, and the gradient-descent client converges as gradient descent at 1/L must —
/// on a quadratic, f(xₖ) − f* ≤ (1 − 1/κ)^{2k} (f(x₀) − f*) (every eigencomponent shrinks by at most
/// 1 − μ/L per step; Nesterov 2004, Thm 2.1.15). Equality with the built-in `sgd` and `adam`, record
/// for record, needs their runs too: Tests/ExternalTests/EqualityTests runs both.
enum ExternalClaims {
    static let all: [Claim] = [
        Claim("Every run of the external clients finishes without an error status.") { results in
            guard !results.records.isEmpty else { return .missing("runs") }
            let errors = results.records.filter { $0.status == .error }.count
            return .when(errors == 0, "\(results.records.count) runs, \(errors) with status error")
        },
        Claim(
            "The gradient-descent client at 1/L reaches the last target on the κ = 10 quadratic within the "
                + "iterations of the bound (1 − 1/κ)^{2k}."
        ) { results in
            let runs = results.runs(problem: "quadratic[*kappa=10,*", optimizer: "py-gd*")
            guard !runs.isEmpty, let threshold = results.thresholds.last else {
                return .missing("py-gd on the κ = 10 quadratic")
            }
            let kappa = runs[0].problem.conditionNumber ?? 10
            let bound = (log(threshold) / (2 * log(1 - 1 / kappa))).rounded(.up)
            let iterations = runs.map { run in run.targets.ladder.last?.hit.map { Double($0.iteration) } ?? .infinity }
            return .when(
                iterations.allSatisfy { $0 <= bound },
                "iterations \(iterations.map(ClaimNumber.text).joined(separator: ", ")); "
                    + "bound \(ClaimNumber.text(bound)) at κ = \(ClaimNumber.text(kappa))")
        },
    ]
}
