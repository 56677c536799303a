import LinearAlgebra
import Objectives

/// Newton's method with a dense Hessian (`newton`; reference §A.14, Boyd & Vandenberghe §9.5,
/// Nocedal & Wright §3.4): solve (H + τI)d = −g by Cholesky, then x ← x + t·d.
///
/// * **Modification** (N&W Alg. 3.3, "Cholesky with added multiple of the identity", the Levenberg
///   shift): τ = 0 when min Hᵢᵢ > 0, else τ = β − min Hᵢᵢ; while the Cholesky factorisation of
///   H + τI fails, τ ← max(2τ, β); β = `shift` (default 1e−3). On a positive definite H, τ = 0 and
///   d is the pure Newton direction; otherwise d is still a descent direction. After 100 failed
///   doublings (a Hessian with non-finite entries) the method throws.
/// * **Damping**: `armijo` (default): t from ``ArmijoBacktracking`` starting at t = 1
///   (c₁ = 1e−4, ρ = ½); `none`: t = 1 (pure Newton).
///
/// Evaluations: `prepare` one f and ∇f. Each iteration one dense Hessian; with `armijo`, j + 1
/// function evaluations for j backtracks and one ∇f at the new iterate; with `none`, one f and ∇f
/// at the new iterate.
public struct NewtonMethod: Method {
    public var damping: Bool
    public var lineSearch: ArmijoBacktracking
    public var shift: Double
    /// The shift τ used by the last iteration (0 when H was positive definite).
    public var lastShift: Double { shiftUsed }
    @usableFromInline var shiftUsed = 0.0
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var direction: [Double] = []
    @usableFromInline var hessian: [Double] = []
    @usableFromInline var factor: [Double] = []
    @usableFromInline var value = Double.nan

    public init(damping: Bool = true, lineSearch: ArmijoBacktracking = ArmijoBacktracking(), shift: Double = 1e-3) {
        self.damping = damping
        self.lineSearch = lineSearch
        self.shift = shift
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        try MethodRequirements.hessians(oracle.objective, method: "newton")
        let d = x.count
        gradient = [Double](repeating: 0, count: d)
        direction = gradient
        hessian = [Double](repeating: 0, count: d * d)
        factor = hessian
        lineSearch.prepare(dimension: d)
        value = oracle.valueAndGradient(at: x, into: &gradient)
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        let d = x.count
        guard VectorKernels.maxNorm(gradient) > 0 else {
            return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
        }
        oracle.hessian(at: x, into: &hessian)
        var smallestDiagonal = Double.infinity
        for i in 0..<d { smallestDiagonal = min(smallestDiagonal, hessian[i * d + i]) }
        var tau = smallestDiagonal > 0 ? 0 : shift - smallestDiagonal
        var attempts = 0
        while true {
            VectorKernels.copy(hessian, into: &factor)
            for i in 0..<d { factor[i * d + i] += tau }
            if Cholesky.factorInPlace(&factor, order: d) { break }
            attempts += 1
            guard attempts <= 100, tau.isFinite else {
                throw MethodError(
                    "newton: H + τI is not positive definite for any shift τ tried (up to \(tau)); the Hessian has "
                        + "non-finite entries")
            }
            tau = max(2 * tau, shift)
        }
        shiftUsed = tau
        VectorKernels.setScaled(&direction, -1, gradient)
        Cholesky.solveInPlace(lower: factor, order: d, &direction)
        let slope = VectorKernels.dot(gradient, direction)
        guard slope < 0 else { return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true) }
        if !damping {
            VectorKernels.addScaled(&x, 1, direction)
            value = oracle.valueAndGradient(at: x, into: &gradient)
            return IterationReport(valueAtNewIterate: value, learningRate: 1)
        }
        let outcome = lineSearch.search(
            from: x, value: value, slope: slope, direction: direction, initialStep: 1, oracle: &oracle)
        guard outcome.accepted else {
            return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
        }
        VectorKernels.copy(lineSearch.trialPoint, into: &x)
        value = outcome.value
        oracle.gradient(at: x, into: &gradient)
        return IterationReport(valueAtNewIterate: value, learningRate: outcome.step)
    }
}
