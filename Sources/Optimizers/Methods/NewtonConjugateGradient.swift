import LinearAlgebra
import Objectives

/// Line-search Newton-CG (`newton-cg`; Nocedal & Wright Alg. 7.1): the Newton direction from a
/// truncated linear CG solve of H·d = −g that uses only Hessian-vector products, then Armijo
/// backtracking from t = 1 (c₁ = 1e−4, ρ = ½).
///
/// Inner CG: z₀ = 0, r₀ = g, p₀ = −g; for j = 0, 1, …: if pⱼᵀHpⱼ ≤ 0 (negative curvature) return
/// −g when j = 0, else zⱼ; α = rᵀr/pᵀHp, z ← z + αp, r ← r + αHp; stop when ‖r‖ ≤ ηₖ‖g‖; p ← −r + βp.
/// The forcing term ηₖ is
/// * `superlinear` (default): min(½, √‖g‖), N&W's choice giving superlinear convergence (§7.1);
/// * `eisenstat-walker`: Eisenstat & Walker (1996) choice 2, ηₖ = 0.9(‖gₖ‖/‖gₖ₋₁‖)², safeguarded by
///   ηₖ ← max(ηₖ, 0.9ηₖ₋₁²) when 0.9ηₖ₋₁² > 0.1, capped at 0.9, η₀ = ½;
/// * `fixed`: a constant (`forcing-term`, default ½).
/// At most 2d inner iterations.
///
/// Evaluations: `prepare` one f and ∇f; each iteration one Hessian-vector product per inner CG
/// iteration, j + 1 function evaluations for j backtracks, one ∇f at the new iterate.
public struct NewtonConjugateGradient: Method {
    public enum Forcing: Sendable, Equatable {
        case superlinear
        case eisenstatWalker
        case fixed(Double)
    }

    public var forcing: Forcing
    public var lineSearch: ArmijoBacktracking
    @usableFromInline var previousForcing = 0.5
    @usableFromInline var previousGradientNorm = Double.nan
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var direction: [Double] = []
    @usableFromInline var residual: [Double] = []
    @usableFromInline var searchDirection: [Double] = []
    @usableFromInline var curvatureProduct: [Double] = []
    @usableFromInline var value = Double.nan

    public init(forcing: Forcing = .superlinear, lineSearch: ArmijoBacktracking = ArmijoBacktracking()) {
        self.forcing = forcing
        self.lineSearch = lineSearch
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        try MethodRequirements.hessians(oracle.objective, method: "newton-cg")
        gradient = [Double](repeating: 0, count: x.count)
        direction = gradient
        residual = gradient
        searchDirection = gradient
        curvatureProduct = gradient
        lineSearch.prepare(dimension: x.count)
        value = oracle.valueAndGradient(at: x, into: &gradient)
        previousForcing = 0.5
        previousGradientNorm = .nan
    }

    /// ηₖ for the current gradient norm.
    @inlinable
    mutating func forcingTerm(gradientNorm: Double) -> Double {
        switch forcing {
        case .fixed(let term): return term
        case .superlinear: return min(0.5, gradientNorm.squareRoot())
        case .eisenstatWalker:
            guard previousGradientNorm.isFinite else {
                previousGradientNorm = gradientNorm
                return previousForcing
            }
            let ratio = gradientNorm / previousGradientNorm
            var term = 0.9 * ratio * ratio
            let safeguard = 0.9 * previousForcing * previousForcing
            if safeguard > 0.1 { term = max(term, safeguard) }
            term = min(term, 0.9)
            previousForcing = term
            previousGradientNorm = gradientNorm
            return term
        }
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        let gradientNorm = VectorKernels.norm(gradient)
        guard gradientNorm > 0 else {
            return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
        }
        let tolerance = forcingTerm(gradientNorm: gradientNorm) * gradientNorm
        for i in direction.indices { direction[i] = 0 }
        VectorKernels.copy(gradient, into: &residual)
        VectorKernels.setScaled(&searchDirection, -1, gradient)
        var residualSquared = gradientNorm * gradientNorm
        for j in 0..<(2 * x.count) {
            oracle.hessianVectorProduct(at: x, vector: searchDirection, result: &curvatureProduct)
            let curvature = VectorKernels.dot(searchDirection, curvatureProduct)
            if curvature <= 0 {
                if j == 0 { VectorKernels.setScaled(&direction, -1, gradient) }
                break
            }
            let alpha = residualSquared / curvature
            VectorKernels.addScaled(&direction, alpha, searchDirection)
            VectorKernels.addScaled(&residual, alpha, curvatureProduct)
            let newResidualSquared = VectorKernels.dot(residual, residual)
            if newResidualSquared.squareRoot() <= tolerance { break }
            let beta = newResidualSquared / residualSquared
            residualSquared = newResidualSquared
            for i in searchDirection.indices { searchDirection[i] = -residual[i] + beta * searchDirection[i] }
        }
        let slope = VectorKernels.dot(gradient, direction)
        guard slope < 0 else {
            throw MethodError(
                "newton-cg: the truncated CG direction is not a descent direction (gᵀd = \(slope)); the "
                    + "Hessian-vector products are not finite")
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
