import Foundation
import LinearAlgebra

/// The best fixed decision in hindsight, min_{‖x‖≤R} F(x) with F = Σ_{t<m} f_t, computed exactly:
///
/// - `linear`: F(x) = ⟨c, x⟩ with c = Σ y_t a_t, minimised on the ball by the projection x* = −R·c/‖c‖,
///   F* = −R‖c‖;
/// - `absolute`: the rows are G·v for one unit vector v, so F depends on s = ⟨v, x⟩ ∈ [−R, R] only and
///   is minimised by a median of the y_t/G (all in [−R, R]);
/// - `squared`, `logistic`: F is smooth and convex. The unconstrained minimiser (Cholesky of the normal
///   equations; Newton's method with backtracking for logistic) is taken when it exists and lies in
///   the ball; otherwise the minimiser is on the sphere, x(ν) = argmin F + (ν/2)‖x‖² with ν > 0 such
///   that ‖x(ν)‖ = R (the KKT conditions; Moré & Sorensen 1983, §2), found by safeguarded false
///   position on 1/‖x(ν)‖ − 1/R, which is nearly linear in ν, inside the bracket [0, ‖∇F(0)‖/R].
///
/// The value is F summed directly at the minimiser (compensated), not from the normal equations.
public enum OnlineComparator {
    public static func minimum(_ stream: OnlineStream, rounds m: Int, warmStart: inout [Double])
        -> (value: Double, minimizer: [Double])
    {
        let d = stream.dimension, radius = stream.radius
        var x = [Double](repeating: 0, count: d)
        switch stream.loss {
        case .linear:
            var c = [Double](repeating: 0, count: d)
            for t in 0..<m { for k in 0..<d { c[k] += stream.targets[t] * stream.features[t * d + k] } }
            let norm = VectorKernels.norm(c)
            if norm > 0 { for k in 0..<d { x[k] = -radius * c[k] / norm } }
        case .absolute:
            guard m > 0 else { break }
            var rowNorm = 0.0
            for k in 0..<d { rowNorm += stream.features[k] * stream.features[k] }
            rowNorm = rowNorm.squareRoot()
            guard rowNorm > 0 else { break }
            let offsets = stream.targets[0..<m].map { $0 / rowNorm }.sorted()
            let median = min(radius, max(-radius, offsets[(m - 1) / 2]))
            for k in 0..<d { x[k] = median * stream.features[k] / rowNorm }
        case .squared, .logistic:
            x = smoothMinimum(stream, rounds: m, warmStart: warmStart)
            warmStart = x
        }
        return (total(stream, rounds: m, at: x), x)
    }

    /// Σ_{t<m} f_t(x), compensated.
    public static func total(_ stream: OnlineStream, rounds m: Int, at x: [Double]) -> Double {
        var sum = CompensatedSum()
        let regulariser = 0.5 * stream.lambda * stream.squaredNorm(x)
        for t in 0..<m {
            sum.add(stream.rowLoss(t, stream.prediction(t, x)).value)
            sum.add(regulariser)
        }
        return sum.value
    }

    static func smoothMinimum(_ stream: OnlineStream, rounds m: Int, warmStart: [Double]) -> [Double] {
        let radius = stream.radius
        var x = warmStart
        if shifted(stream, rounds: m, shift: 0, &x), VectorKernels.norm(x) <= radius { return x }
        // Bracket: F + (ν/2)‖x‖² is ν-strongly convex, so ‖x(ν)‖ ≤ ‖∇F(0)‖/ν ≤ R at ν = ‖∇F(0)‖/R.
        var gradient = [Double](repeating: 0, count: stream.dimension)
        for t in 0..<m {
            let slope = stream.rowLoss(t, 0).slope
            for k in gradient.indices { gradient[k] += slope * stream.features[t * stream.dimension + k] }
        }
        var high = VectorKernels.norm(gradient) / radius, low = 0.0
        var lowValue = -1 / radius // 1/‖x(0)‖ − 1/R < 0 (outside the ball, or no minimiser: ‖x‖ → ∞)
        x = [Double](repeating: 0, count: stream.dimension)
        guard high > 0, shifted(stream, rounds: m, shift: high, &x) else { return x }
        var highValue = 1 / VectorKernels.norm(x) - 1 / radius
        var best = x, bestValue = abs(highValue)
        var side = 0
        for _ in 0..<200 {
            if abs(highValue) <= 1e-14 / radius || high - low <= 1e-15 * high { break }
            var shift = (low * highValue - high * lowValue) / (highValue - lowValue)
            if !(shift > low && shift < high) { shift = 0.5 * (low + high) }
            guard shifted(stream, rounds: m, shift: shift, &x) else { break }
            let value = 1 / VectorKernels.norm(x) - 1 / radius
            if abs(value) < bestValue {
                best = x
                bestValue = abs(value)
            }
            if abs(value) <= 1e-14 / radius { break }
            if value < 0 {
                low = shift
                lowValue = value
                if side == -1 { highValue *= 0.5 } // Illinois: halve the stale end
                side = -1
            } else {
                high = shift
                highValue = value
                if side == 1 { lowValue *= 0.5 }
                side = 1
            }
        }
        let length = VectorKernels.norm(best)
        if length > radius { for k in best.indices { best[k] *= radius / length } }
        return best
    }

    /// Minimises Σ_{t<m} f_t + (shift/2)‖x‖² from `x` in place: one Cholesky solve for `squared`,
    /// Newton's method with backtracking for `logistic`. False when there is no minimiser
    /// (a singular system, or Newton leaving any bounded region on separable rows).
    static func shifted(_ stream: OnlineStream, rounds m: Int, shift: Double, _ x: inout [Double]) -> Bool {
        let d = stream.dimension
        let ridge = Double(m) * stream.lambda + shift
        if stream.loss == .squared {
            var matrix = [Double](repeating: 0, count: d * d), rhs = [Double](repeating: 0, count: d)
            for t in 0..<m {
                for i in 0..<d {
                    let a = stream.features[t * d + i]
                    rhs[i] += a * stream.targets[t]
                    for j in 0...i { matrix[i * d + j] += a * stream.features[t * d + j] }
                }
            }
            for i in 0..<d { matrix[i * d + i] += ridge }
            guard let factor = Cholesky(matrix: matrix, order: d) else { return false }
            x = factor.solve(rhs)
            return x.allSatisfy(\.isFinite)
        }
        func objective(_ x: [Double]) -> Double {
            var sum = CompensatedSum()
            for t in 0..<m { sum.add(stream.rowLoss(t, stream.prediction(t, x)).value) }
            return sum.value + 0.5 * ridge * stream.squaredNorm(x)
        }
        var value = objective(x)
        for _ in 0..<100 {
            var gradient = [Double](repeating: 0, count: d), hessian = [Double](repeating: 0, count: d * d)
            for t in 0..<m {
                let p = stream.prediction(t, x)
                let slope = stream.rowLoss(t, p).slope, curvature = stream.rowCurvature(t, p)
                for i in 0..<d {
                    let a = stream.features[t * d + i]
                    gradient[i] += slope * a
                    for j in 0...i { hessian[i * d + j] += curvature * a * stream.features[t * d + j] }
                }
            }
            for i in 0..<d {
                gradient[i] += ridge * x[i]
                hessian[i * d + i] += ridge
            }
            guard let factor = Cholesky(matrix: hessian, order: d) else { return false }
            let step = factor.solve(gradient)
            var decrement = 0.0
            for i in 0..<d { decrement += step[i] * gradient[i] }
            // Within rounding of the minimum (quadratic convergence: the full step is exact to ~1e-24).
            if decrement <= 1e-12 * max(1, abs(value)) {
                for i in 0..<d { x[i] -= step[i] }
                return true
            }
            var alpha = 1.0, trial = x, trialValue = value
            for _ in 0..<60 {
                for i in 0..<d { trial[i] = x[i] - alpha * step[i] }
                trialValue = objective(trial)
                if trialValue <= value - 1e-4 * alpha * decrement { break }
                alpha *= 0.5
            }
            if trialValue > value { return false }
            x = trial
            value = trialValue
            if VectorKernels.norm(x) > 1e6 * stream.radius { return false }
        }
        return false
    }
}

extension OnlineStream {
    public func comparator(rounds: Int, warmStart: inout [Double]) -> (value: Double, minimizer: [Double]) {
        OnlineComparator.minimum(self, rounds: rounds, warmStart: &warmStart)
    }
}
