import LinearAlgebra
import Objectives

/// BFGS with a dense inverse-Hessian approximation, scipy's convention (`bfgs`; Nocedal & Wright
/// Alg. 6.1, reference §A.15, scipy/optimize/_optimize.py `_minimize_bfgs`):
///
///     d = −H g;  x ← x + αd (strong Wolfe, c₁ = 1e−4, c₂ = 0.9);  s = αd, y = g_new − g, ρ = 1/yᵀs
///     H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ,   H₀ = I (no initial scaling), ρ = 1000 when yᵀs = 0.
///
/// The first trial step is scipy's min(1, 1.01·2(f_k − f_{k−1})/gᵀd) with f_{−1} = f₀ + ‖g₀‖/2; the
/// Wolfe search is gdbench's ``StrongWolfeLineSearch`` (scipy tries MINPACK's dcsrch, then its own
/// `scalar_search_wolfe2`). When the search fails, H is reset to I and −g is tried once.
/// The update is applied as H ← H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²·yᵀHy + ρ)ssᵀ, O(d²) per iteration.
///
/// Evaluations: `prepare` one f and ∇f; each iteration one f and ∇f per line-search trial.
public struct BFGS: Method {
    public var lineSearch: StrongWolfeLineSearch
    @usableFromInline var inverseHessian: [Double] = []
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var direction: [Double] = []
    @usableFromInline var step: [Double] = []
    @usableFromInline var change: [Double] = []
    @usableFromInline var product: [Double] = []
    @usableFromInline var value = Double.nan
    @usableFromInline var previousValue = Double.nan

    public init(
        lineSearch: StrongWolfeLineSearch = StrongWolfeLineSearch(
            sufficientDecrease: 1e-4, curvature: 0.9, maxEvaluations: 25)
    ) {
        self.lineSearch = lineSearch
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        let d = x.count
        gradient = [Double](repeating: 0, count: d)
        direction = gradient
        step = gradient
        change = gradient
        product = gradient
        inverseHessian = [Double](repeating: 0, count: d * d)
        resetInverseHessian()
        lineSearch.prepare(dimension: d)
        value = oracle.valueAndGradient(at: x, into: &gradient)
        previousValue = value + VectorKernels.norm(gradient) / 2
    }

    @inlinable
    mutating func resetInverseHessian() {
        let d = gradient.count
        for i in inverseHessian.indices { inverseHessian[i] = 0 }
        for i in 0..<d { inverseHessian[i * d + i] = 1 }
    }

    /// out ← H·v.
    @inlinable
    static func multiply(_ matrix: [Double], _ v: [Double], into out: inout [Double]) {
        let d = v.count
        matrix.withUnsafeBufferPointer { h in
            v.withUnsafeBufferPointer { v in
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<d {
                        var sum = 0.0
                        for j in 0..<d { sum += h[i * d + j] * v[j] }
                        out[i] = sum
                    }
                }
            }
        }
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        guard VectorKernels.maxNorm(gradient) > 0 else {
            return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
        }
        Self.multiply(inverseHessian, gradient, into: &direction)
        for i in direction.indices { direction[i] = -direction[i] }
        var slope = VectorKernels.dot(gradient, direction)
        if !(slope < 0) {
            resetInverseHessian()
            VectorKernels.setScaled(&direction, -1, gradient)
            slope = VectorKernels.dot(gradient, direction)
        }
        let ratio = 1.01 * 2 * (value - previousValue) / slope
        var outcome = lineSearch.search(
            from: x, value: value, slope: slope, direction: direction,
            initialStep: ratio > 0 && ratio.isFinite ? min(1, ratio) : 1, oracle: &oracle)
        if !outcome.accepted {
            resetInverseHessian()
            VectorKernels.setScaled(&direction, -1, gradient)
            slope = VectorKernels.dot(gradient, direction)
            outcome = lineSearch.search(
                from: x, value: value, slope: slope, direction: direction,
                initialStep: min(1, 1 / VectorKernels.norm(gradient)), oracle: &oracle)
        }
        guard outcome.accepted else {
            return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
        }
        VectorKernels.setScaled(&step, outcome.step, direction)
        VectorKernels.setDifference(&change, lineSearch.gradient, gradient)
        VectorKernels.copy(lineSearch.point, into: &x)
        VectorKernels.copy(lineSearch.gradient, into: &gradient)
        previousValue = value
        value = outcome.value
        updateInverseHessian()
        return IterationReport(valueAtNewIterate: value, learningRate: outcome.step)
    }

    /// H ← H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²·yᵀHy + ρ)ssᵀ.
    @inlinable
    mutating func updateInverseHessian() {
        let d = step.count
        let ys = VectorKernels.dot(change, step)
        let rho = ys == 0 ? 1000 : 1 / ys
        Self.multiply(inverseHessian, change, into: &product)
        let yHy = VectorKernels.dot(change, product)
        let outer = rho * rho * yHy + rho
        step.withUnsafeBufferPointer { s in
            product.withUnsafeBufferPointer { hy in
                inverseHessian.withUnsafeMutableBufferPointer { h in
                    for i in 0..<d {
                        for j in 0..<d {
                            h[i * d + j] += -rho * (s[i] * hy[j] + hy[i] * s[j]) + outer * s[i] * s[j]
                        }
                    }
                }
            }
        }
    }
}
