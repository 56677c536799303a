import Foundation
import Results

/// The claims of the `online` suite (suites/README.md): online gradient descent (`online-gd`) on
/// streams of convex losses, its regret R_T recorded at the trace points, the bounds of Hazan 2022
/// (Thm 3.1, 3.3) from the D, G and α the records carry (``OnlineConstants``).
enum OnlineClaims {
    /// The tolerance on the √T exponent.
    static let exponentTolerance = 0.1

    static let all: [Claim] = [
        Claim(
            "With η_t = D/(G√t) the regret grows no faster than √T: on every problem the fitted exponent of the "
                + "median R_T against T (T ≥ 100) is at most ½ + 0.1."
        ) { results in
            .all(
                problems(results).map { problem in
                    let runs = results.runs(problem: problem, optimizer: "online-gd[step=sqrt*")
                    guard !runs.isEmpty else { return .missing("online-gd with step sqrt on \(problem)") }
                    guard let fit = RegretCurve(runs).exponent() else {
                        return .missing("regret at T ≥ 100 on \(problem)")
                    }
                    return .when(
                        fit.slope <= 0.5 + exponentTolerance,
                        "\(problem): exponent \(ClaimNumber.text(fit.slope)) [\(ClaimNumber.text(fit.slopeLower)), "
                            + "\(ClaimNumber.text(fit.slopeUpper))]")
                })
        },
        Claim(
            "R_T stays under (3/2)·D·G·√T at every trace point of every run with η_t = D/(G√t) (Hazan 2022, Thm 3.1), "
                + "and under D·G·√T at T for the constant step D/(G√T)."
        ) { results in
            .all(
                problems(results).flatMap { problem in
                    [
                        ("sqrt", { (o: OnlineConstants, t: Int) in o.sqrtStepBound(rounds: t) }, false),
                        ("constant", { (o: OnlineConstants, t: Int) in o.constantStepBound(rounds: t) }, true),
                    ].map { step, bound, atEnd in
                        let runs = results.runs(problem: problem, optimizer: "online-gd[step=\(step)*")
                        guard !runs.isEmpty else { return .missing("online-gd with step \(step) on \(problem)") }
                        return worstRatio(runs, atEnd: atEnd, bound: bound, label: "\(problem), step \(step)")
                    }
                })
        },
        Claim(
            "With η_t = 1/(αt) on α-strongly convex losses (online least squares, λ = 0.1) R_T stays under G²/(2α)(1 "
                + "+ ln T) (Hazan 2022, Thm 3.3) and grows logarithmically: fitted exponent at most ¼."
        ) { results in
            let runs = results.runs(optimizer: "online-gd[step=strongly-convex*")
            guard !runs.isEmpty else { return .missing("online-gd with step strongly-convex") }
            let under = worstRatio(
                runs, atEnd: false, bound: { $0.stronglyConvexBound(rounds: $1) ?? 0 }, label: "bound")
            guard let fit = RegretCurve(runs).exponent() else { return .missing("regret at T ≥ 100") }
            return .all([
                under,
                .when(
                    fit.slope <= 0.25,
                    "exponent \(ClaimNumber.text(fit.slope)) [\(ClaimNumber.text(fit.slopeLower)), "
                        + "\(ClaimNumber.text(fit.slopeUpper))]"),
            ])
        },
    ]

    /// The online problems of the records.
    static func problems(_ results: ResultSet) -> [String] {
        Array(Set(results.records.filter { $0.problem.online != nil }.map(\.problem.id))).sorted()
    }

    /// Holds when R_T ≤ bound(T) at every trace point T ≥ 1 of every run (only at the last one when
    /// `atEnd`); the evidence gives the largest R_T/bound.
    static func worstRatio(_ runs: [RunRecord], atEnd: Bool, bound: (OnlineConstants, Int) -> Double, label: String)
        -> ClaimOutcome
    {
        var worst = -Double.infinity, points = 0
        for run in runs {
            guard let online = run.problem.online else { continue }
            let trace = run.trace.filter { $0.iteration >= 1 && $0.regret != nil }
            for point in atEnd ? Array(trace.suffix(1)) : trace {
                let limit = bound(online, point.iteration)
                guard limit > 0, let regret = point.regret else { continue }
                worst = max(worst, regret / limit)
                points += 1
            }
        }
        guard points > 0 else { return .missing("regret in the trace (\(label))") }
        return .when(worst <= 1, "\(label): largest R_T/bound \(ClaimNumber.text(worst)) over \(points) points")
    }
}
