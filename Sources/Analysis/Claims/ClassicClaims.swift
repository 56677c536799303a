import Foundation
import Results

/// The claims of the `classics` suite (suites/README.md): fixed literature starts, one repetition,
/// targets on the absolute gap; iterations to the last target.
enum ClassicClaims {
    static let quadratics = ["shifted-bowl", "booth"]

    static let all: [Claim] = [
        Claim(
            "Newton's method minimises a quadratic in one step: on the round bowl and Booth's function it "
                + "reaches the last target at iteration 1."
        ) { results in
            .all(
                quadratics.map { problem in
                    let runs = results.runs(problem: problem, optimizer: "newton")
                    guard !runs.isEmpty else { return .missing("newton on \(problem)") }
                    let iterations = runs.map { ResultSet.medianIterations([$0]) ?? .infinity }
                    return .when(
                        iterations.allSatisfy { $0 == 1 },
                        "\(problem): \(iterations.map { ClaimNumber.text($0) }.joined(separator: ", "))")
                })
        },
        Claim(
            "Jacobi preconditioning is Newton's step only when the Hessian is diagonal: preconditioned GD (lr "
                + "1) needs one iteration on the round bowl (Hessian 2I) and more on Booth (Hessian [[10, 8], [8, "
                + "10]])."
        ) { results in
            let bowl = results.runs(problem: "shifted-bowl", optimizer: "preconditioned-gd*")
            let booth = results.runs(problem: "booth", optimizer: "preconditioned-gd*")
            guard let a = ResultSet.medianIterations(bowl), let b = ResultSet.medianIterations(booth) else {
                return .missing("preconditioned-gd on shifted-bowl and booth")
            }
            return .when(a == 1 && b > 1, "round bowl \(ClaimNumber.text(a)), Booth \(ClaimNumber.text(b)) iterations")
        },
        Claim(
            "Curvature buys speed on the non-quadratic classics: on Beale, Wood, Powell's singular function "
                + "and the recurrent cliff, Newton reaches the last target in fewer iterations than gradient "
                + "descent with Armijo backtracking."
        ) { results in
            .all(
                ["beale", "wood", "powell-singular", "recurrent-cliff*"].map { problem in
                    let newton = ResultSet.medianIterations(results.runs(problem: problem, optimizer: "newton"))
                    let gd = ResultSet.medianIterations(results.runs(problem: problem, optimizer: "gd-armijo"))
                    guard let newton, let gd else { return .missing("newton and gd-armijo on \(problem)") }
                    return .when(
                        newton < gd, "\(problem): Newton \(ClaimNumber.text(newton)), GD \(ClaimNumber.text(gd))")
                })
        },
    ]
}
