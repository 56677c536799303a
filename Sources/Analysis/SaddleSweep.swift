import Foundation
import Results

/// The start-distance sweep of the `saddles` suite: runs on `double-well` with a `start-distance`
/// parameter, and the least-squares line of their escape iteration (milestone `escaped`) against
/// log₁₀(1/distance).
///
/// Near a strict saddle with most negative Hessian eigenvalue λ_min, gradient descent multiplies the
/// escaping coordinate by 1 + η|λ_min| per step, so the escape time is log(r/δ)/log(1 + η|λ_min|) +
/// O(1): 1/log₁₀(1 + η|λ_min|) iterations per decade of δ (docs/reference.md §C.3). Heavy ball with
/// momentum β grows like the larger root z of z² − (1 + β + η|λ_min|)z + β (the linear recurrence
/// y_{k+1} = (1 + η|λ|)y_k + β(y_k − y_{k−1}); Polyak 1964), 1/log₁₀ z per decade.
public enum SaddleSweep {
    /// The swept runs of optimizers matching `optimizer` (a glob) that escaped.
    public static func runs(_ results: ResultSet, optimizer: String) -> [RunRecord] {
        results.runs(problem: "double-well[*start-distance=*", optimizer: optimizer)
    }

    /// The start distance of a swept run.
    public static func distance(_ run: RunRecord) -> Double? {
        run.problem.parameters["start-distance"].flatMap(Double.init)
    }

    /// Escape iterations against log₁₀(1/distance) over the runs that escaped; nil with fewer than
    /// three distances.
    public static func fit(_ runs: [RunRecord]) -> LineFit? {
        var x: [Double] = [], y: [Double] = []
        for run in runs {
            guard let delta = distance(run), delta > 0,
                let hit = run.milestones.first(where: { $0.name == "escaped" })?.hit
            else { continue }
            x.append(log10(1 / delta))
            y.append(Double(hit.iteration))
        }
        guard Set(x).count >= 3 else { return nil }
        return LineFit(x: x, y: y)
    }

    /// Iterations per decade of distance in theory: 1/log₁₀ z with z = 1 + η|λ| without momentum, else
    /// the heavy-ball growth root.
    public static func theorySlope(eta: Double, curvature: Double, momentum beta: Double) -> Double {
        let a = 1 + beta + eta * curvature
        let z = beta == 0 ? 1 + eta * curvature : (a + (a * a - 4 * beta).squareRoot()) / 2
        return 1 / log10(z)
    }
}
