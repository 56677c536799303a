import Objectives

/// Central finite differences against an objective's analytic derivatives.
///
/// Gradient: ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ with hᵢ = ε^(1/3)·max(1, |xᵢ|); the central
/// difference has O(h²) truncation and O(ε/h) rounding error, minimised near h ≈ ε^(1/3).
/// Hessian-vector product: (∇f(x + hv) − ∇f(x − hv)) / 2h with h = ε^(1/3)·max(1, ‖x‖)/‖v‖.
/// Errors are relative: ‖a − b‖∞ / max(1, ‖b‖∞).
public enum DerivativeCheck {
    public static let step = 6.0554544523933395e-06 // cbrt(2.220446049250313e-16)

    /// Worst relative error between the analytic gradient and central differences of f.
    public static func gradientError(_ objective: some Objective, at x: [Double]) -> Double {
        var gradient = [Double](repeating: 0, count: objective.dimension)
        _ = objective.evaluate(at: x, gradient: &gradient)
        var numeric = [Double](repeating: 0, count: objective.dimension)
        var probe = x
        for i in 0..<objective.dimension {
            let h = step * max(1, abs(x[i]))
            probe[i] = x[i] + h
            let plus = objective.value(at: probe)
            probe[i] = x[i] - h
            let minus = objective.value(at: probe)
            probe[i] = x[i]
            numeric[i] = (plus - minus) / (2 * h)
        }
        return relativeError(gradient, numeric)
    }

    /// Worst relative error of `value(at:)` against the value returned by `evaluate(at:gradient:)`.
    public static func valueConsistencyError(_ objective: some Objective, at x: [Double]) -> Double {
        var gradient = [Double](repeating: 0, count: objective.dimension)
        let a = objective.evaluate(at: x, gradient: &gradient)
        let b = objective.value(at: x)
        return abs(a - b) / max(1, abs(b))
    }

    /// Worst relative error between the analytic Hessian-vector product and central differences
    /// of the analytic gradient.
    public static func hessianVectorError(_ objective: some Objective, at x: [Double], vector v: [Double]) -> Double {
        let d = objective.dimension
        var analytic = [Double](repeating: 0, count: d)
        objective.hessianVectorProduct(at: x, vector: v, result: &analytic)
        let xNorm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let vNorm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let h = step * max(1, xNorm) / max(vNorm, .leastNormalMagnitude)
        var plus = x, minus = x
        for i in 0..<d {
            plus[i] += h * v[i]
            minus[i] -= h * v[i]
        }
        var gPlus = [Double](repeating: 0, count: d), gMinus = gPlus
        _ = objective.evaluate(at: plus, gradient: &gPlus)
        _ = objective.evaluate(at: minus, gradient: &gMinus)
        var numeric = [Double](repeating: 0, count: d)
        for i in 0..<d { numeric[i] = (gPlus[i] - gMinus[i]) / (2 * h) }
        return relativeError(analytic, numeric)
    }

    /// Worst relative error between the dense Hessian and central differences of the gradient,
    /// plus its asymmetry.
    public static func hessianError(_ objective: some Objective, at x: [Double]) -> Double {
        let d = objective.dimension
        var hessian = [Double](repeating: 0, count: d * d)
        objective.hessian(at: x, into: &hessian)
        var numeric = [Double](repeating: 0, count: d * d)
        var plus = x, minus = x
        var gPlus = [Double](repeating: 0, count: d), gMinus = gPlus
        for j in 0..<d {
            let h = step * max(1, abs(x[j]))
            plus[j] = x[j] + h
            minus[j] = x[j] - h
            _ = objective.evaluate(at: plus, gradient: &gPlus)
            _ = objective.evaluate(at: minus, gradient: &gMinus)
            plus[j] = x[j]
            minus[j] = x[j]
            for i in 0..<d { numeric[i * d + j] = (gPlus[i] - gMinus[i]) / (2 * h) }
        }
        var asymmetry = 0.0
        for i in 0..<d { for j in 0..<d { asymmetry = max(asymmetry, abs(hessian[i * d + j] - hessian[j * d + i])) } }
        let scale = max(1, hessian.reduce(0) { max($0, abs($1)) })
        return max(relativeError(hessian, numeric), asymmetry / scale)
    }

    /// ‖a − b‖∞ / max(1, ‖b‖∞).
    public static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        var worst = 0.0, scale = 1.0
        for i in a.indices {
            worst = max(worst, abs(a[i] - b[i]))
            scale = max(scale, abs(b[i]))
        }
        return worst / scale
    }
}
