import Foundation
import Results

/// The claims of the `ablations` suite (suites/README.md): Adam and optax Adam with and without bias
/// correction on ½(x − x*)² in one dimension, where the distance to x* is √(2·gap) (μ = 1), so the
/// trace gives the length of each of the first steps.
enum AblationClaims {
    static let steps = 10

    static let all: [Claim] = [
        Claim(
            "Without bias correction Adam's early steps are longer, not shorter (the notes expect them tiny): "
                + "at lr 10⁻³ in one dimension the ratio of each of the first 10 step lengths to the corrected "
                + "run's equals (1 − β₁ᵗ)/√(1 − β₂ᵗ) within 1% — 3.16 at t = 1, 4.25 at t = 2 — in every "
                + "repetition, for adam and adam-optax."
        ) { results in
            .all(
                ["adam[", "adam-optax["].map { kind in
                    let ablated = results.runs(
                        problem: "quadratic[d=1,*", optimizer: kind + "bias-correction=false,lr=0.001]")
                    let corrected = results.runs(
                        problem: "quadratic[d=1,*", optimizer: kind + "bias-correction=true,lr=0.001]")
                    guard !ablated.isEmpty, !corrected.isEmpty else {
                        return .missing("\(kind)…] with and without correction at lr 0.001")
                    }
                    var worst = 0.0
                    var first: [Double] = []
                    for run in ablated {
                        guard let twin = corrected.first(where: { $0.repetition == run.repetition }),
                            let a = stepLengths(run), let b = stepLengths(twin)
                        else { return .missing("the first \(steps) steps in the trace") }
                        for t in 1...steps {
                            let ratio = a[t - 1] / b[t - 1]
                            let theory = (1 - pow(0.9, Double(t))) / (1 - pow(0.999, Double(t))).squareRoot()
                            worst = max(worst, abs(ratio / theory - 1))
                            if t == 1 { first.append(ratio) }
                        }
                    }
                    return .when(
                        worst <= 0.01,
                        "\(kind.dropLast())]: first-step ratio "
                            + "\(first.map { ClaimNumber.text($0) }.joined(separator: ", ")) "
                            + "(theory 0.1/√0.001 = \(ClaimNumber.text(0.1 / 0.001.squareRoot()))); "
                            + "largest deviation from "
                            + "(1 − β₁ᵗ)/√(1 − β₂ᵗ) over t ≤ \(steps): \(String(format: "%.2g", worst * 100))%")
                })
        },
        Claim(
            "With lr 0.1 the longer early steps overshoot: in one dimension the uncorrected runs pass the "
                + "minimiser within the first 10 steps (the gap rises at some step), the corrected ones do not."
        ) { results in
            .all(
                ["adam[", "adam-optax["].flatMap { kind in
                    [("false", true), ("true", false)].map { flag, expected in
                        let runs = results.runs(
                            problem: "quadratic[d=1,*", optimizer: kind + "bias-correction=\(flag),lr=0.1]")
                        guard !runs.isEmpty else { return .missing("\(kind)bias-correction=\(flag),lr=0.1]") }
                        let overshooting = runs.filter { run in
                            let gaps = (0...steps).compactMap { t in run.trace.first { $0.iteration == t }?.gap }
                            return gaps.count == steps + 1 && zip(gaps, gaps.dropFirst()).contains { $1 > $0 }
                        }.count
                        return .when(
                            overshooting == (expected ? runs.count : 0),
                            "\(kind)bias-correction=\(flag)]: overshoot in \(overshooting)/\(runs.count)")
                    }
                })
        },
    ]

    /// |x_{t−1} − x*| − |x_t − x*| for t = 1 … ``steps`` from the trace's gaps (nil when a point is
    /// missing or a step passed x*).
    static func stepLengths(_ run: RunRecord) -> [Double]? {
        let distances = (0...steps).compactMap { t in
            run.trace.first { $0.iteration == t }?.gap.map { (2 * max($0, 0)).squareRoot() }
        }
        guard distances.count == steps + 1 else { return nil }
        let lengths = zip(distances, distances.dropFirst()).map { $0 - $1 }
        return lengths.allSatisfy { $0 > 0 } ? lengths : nil
    }
}
