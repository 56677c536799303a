import Foundation
import Results

/// The claims of the `own-problems` suite (suites/README.md): the user's data file, formula and
/// seeded instances are real problems the optimizers solve as the built-in ones.
enum OwnProblemClaims {
    static let iris = "logistic[file=*iris*"

    static let all: [Claim] = [
        Claim(
            "On Fisher's iris data every optimizer (GD at 1/L, L-BFGS, Newton) reaches the last target in every "
                + "repetition, Newton in the fewest iterations and GD in the most."
        ) { results in
            let runs = results.runs(problem: iris)
            let medians = ["newton", "lbfgs*", "sgd*"].map {
                ResultSet.medianIterations(results.runs(problem: iris, optimizer: $0))
            }
            guard !runs.isEmpty, let newton = medians[0], let lbfgs = medians[1], let gd = medians[2] else {
                return .missing("newton, lbfgs and sgd on the iris file")
            }
            let hits = ResultSet.successes(runs)
            return .when(
                hits == runs.count && newton < lbfgs && lbfgs < gd,
                "\(ResultSet.fraction(hits, runs.count)) reach the target; median iterations Newton "
                    + "\(ClaimNumber.text(newton)), L-BFGS \(ClaimNumber.text(lbfgs)), GD \(ClaimNumber.text(gd))")
        },
        Claim(
            "The formula is Rosenbrock's function: at the start (−1.2, 1) it has the closed form's value 24.2, "
                + "Newton's method finds f* = 0, and L-BFGS and Newton reach the last target in every repetition."
        ) {
            results in
            let runs = results.runs(problem: "formula*")
            guard !runs.isEmpty else { return .missing("the formula problem") }
            let (x, y) = (-1.2, 1.0)
            let closedForm = 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x)
            let starts = runs.map(\.initialValue), optima = runs.compactMap(\.optimalValue)
            let startOK = starts.allSatisfy { abs($0 - closedForm) <= 1e-12 * closedForm }
            let optimumOK = optima.count == runs.count && optima.allSatisfy { abs($0) <= 1e-12 }
            let hits = ResultSet.successes(runs)
            return .when(
                startOK && optimumOK && hits == runs.count,
                "f(x₀) = \(Set(starts.map(ClaimNumber.text)).sorted().joined(separator: ", ")) "
                    + "(closed form \(ClaimNumber.text(closedForm))); "
                    + "f* = \(Set(optima.map { String(format: "%.2g", $0) }).sorted().joined(separator: ", ")); "
                    + "\(ResultSet.fraction(hits, runs.count)) reach the target")
        },
        Claim(
            "Each repetition of the seeded Rosenbrock instance is a new instance and start, the same for every "
                + "optimizer, and L-BFGS and Newton reach the last target on each."
        ) { results in
            let runs = results.runs(problem: "rosenbrock[instance=random*")
            guard !runs.isEmpty else { return .missing("the seeded rosenbrock instance") }
            let byRepetition = Dictionary(grouping: runs, by: \.repetition).mapValues { Set($0.map(\.initialValue)) }
            let shared = byRepetition.values.allSatisfy { $0.count == 1 }
            let distinct = Set(byRepetition.values.compactMap(\.first)).count == byRepetition.count
            let hits = ResultSet.successes(runs)
            let starts = byRepetition.keys.sorted().compactMap { byRepetition[$0]?.first }.map(ClaimNumber.text)
            return .when(
                shared && distinct && byRepetition.count > 1 && hits == runs.count,
                "\(byRepetition.count) repetitions, f(x₀) \(starts.joined(separator: ", ")) "
                    + "(shared by the optimizers: \(shared)); "
                    + "\(ResultSet.fraction(hits, runs.count)) reach the target")
        },
    ]
}
