import LinearAlgebra
import Randomness

/// f* of an objective without known constants, by damped Newton's method from several starts: the
/// given start and `extraStarts` seeded Gaussian perturbations of it (σⱼ = max(1, |startⱼ|)). Each
/// Newton step solves (H + τI)p = −∇f with the smallest τ ∈ {0, 1e−8·s, 1e−7·s, …} (s = 1 + max|Hᵢᵢ|)
/// for which Cholesky succeeds, then backtracks (Armijo, c = 1e−4) on f. A start counts when it ends
/// with ‖∇f‖∞ ≤ 1e−9·max(1, |f|) at a point whose Hessian is positive semidefinite up to a shift of
/// 1e−8·s (a local minimum, not a saddle); f* is the least f among those, x* its point. Dense
/// Hessians from d Hessian-vector products: limited to d ≤ ``maximumDimension``.
public enum NewtonMinimum {
    public static let maximumDimension = 200
    public static let maximumIterations = 500

    public struct Result: Sendable {
        public var value: Double
        public var minimizer: [Double]
        /// Starts that converged to a local minimum, of `starts`.
        public var converged: Int
        public var starts: Int
    }

    /// nil when d > ``maximumDimension`` or no start converged.
    public static func search(_ objective: some Objective, from start: [Double], extraStarts: Int = 7, seed: UInt64)
        -> Result?
    {
        let d = objective.dimension
        guard d <= maximumDimension else { return nil }
        var generator = Xoshiro256StarStar(seed: seed)
        var best: (Double, [Double])?
        var converged = 0
        for attempt in 0...extraStarts {
            var x = start
            if attempt > 0 {
                for j in 0..<d { x[j] += max(1, abs(start[j])) * generator.nextGaussian() }
            }
            guard let (value, point) = newton(objective, from: x) else { continue }
            converged += 1
            if best == nil || value < best!.0 { best = (value, point) }
        }
        guard let best else { return nil }
        return Result(value: best.0, minimizer: best.1, converged: converged, starts: extraStarts + 1)
    }

    static func newton(_ objective: some Objective, from start: [Double]) -> (Double, [Double])? {
        let d = objective.dimension
        var x = start
        var gradient = [Double](repeating: 0, count: d)
        var hessian = [Double](repeating: 0, count: d * d)
        var trial = [Double](repeating: 0, count: d)
        var f = objective.evaluate(at: x, gradient: &gradient)
        for _ in 0..<maximumIterations {
            guard f.isFinite, gradient.allSatisfy(\.isFinite) else { return nil }
            objective.hessian(at: x, into: &hessian)
            guard hessian.allSatisfy(\.isFinite) else { return nil }
            let scale = 1 + (0..<d).map { abs(hessian[$0 * d + $0]) }.max()!
            let gradientNorm = gradient.map(abs).max() ?? 0
            if gradientNorm <= 1e-9 * max(1, abs(f)) {
                var shifted = hessian
                for j in 0..<d { shifted[j * d + j] += 1e-8 * scale }
                return Cholesky.factorInPlace(&shifted, order: d) ? (f, x) : nil
            }
            var step: [Double]?
            var shift = 0.0
            for _ in 0..<20 {
                var factor = hessian
                for j in 0..<d { factor[j * d + j] += shift }
                if Cholesky.factorInPlace(&factor, order: d) {
                    var direction = gradient.map { -$0 }
                    Cholesky.solveInPlace(lower: factor, order: d, &direction)
                    step = direction
                    break
                }
                shift = shift == 0 ? 1e-8 * scale : shift * 10
            }
            guard let step else { return nil }
            let slope = zip(gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
            var t = 1.0
            var accepted = false
            for _ in 0..<60 {
                for j in 0..<d { trial[j] = x[j] + t * step[j] }
                let candidate = objective.value(at: trial)
                if candidate.isFinite && candidate <= f + 1e-4 * t * slope {
                    accepted = true
                    break
                }
                t *= 0.5
            }
            guard accepted else {
                // Rounding stops the decrease: accept if the gradient is already small.
                return gradientNorm <= 1e-6 * max(1, abs(f)) ? (f, x) : nil
            }
            x = trial
            f = objective.evaluate(at: x, gradient: &gradient)
        }
        return nil
    }
}
