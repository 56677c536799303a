import Objectives

/// Line-search Newton-CG (`newton-cg`; Nocedal & Wright Alg. 7.1): the Newton direction from a
/// truncated linear CG solve of H·d = −g that uses only Hessian-vector products, then Armijo
/// backtracking from t = 1 (c₁ = 1e−4, ρ = ½).
///
/// Inner CG: z₀ = 0, r₀ = g, p₀ = −g; for j = 0, 1, …: if pⱼᵀHpⱼ ≤ 0 (negative curvature) return
/// −g when j = 0, else zⱼ; α = rᵀr/pᵀHp, z ← z + αp, r ← r + αHp; stop when ‖r‖ ≤ ηₖ‖g‖; p ← −r + βp.
/// The forcing term is ηₖ = min(½, √‖g‖) (`forcing: superlinear`, N&W eq. 7.3's choice giving
/// superlinear convergence) or a constant (`forcing: fixed`, `forcing-term`, default ½). At most 2d
/// inner iterations.
///
/// Evaluations: `prepare` one f and ∇f; each iteration one Hessian-vector product per inner CG
/// iteration, j + 1 function evaluations for j backtracks, one ∇f at the new iterate.
public struct NewtonConjugateGradient: Method {
    public var fixedForcingTerm: Double?
    public var lineSearch: ArmijoBacktracking
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var direction: [Double] = []
    @usableFromInline var residual: [Double] = []
    @usableFromInline var searchDirection: [Double] = []
    @usableFromInline var curvatureProduct: [Double] = []
    @usableFromInline var value = Double.nan

    /// `fixedForcingTerm` nil: ηₖ = min(½, √‖g‖).
    public init(fixedForcingTerm: Double? = nil, lineSearch: ArmijoBacktracking = ArmijoBacktracking()) {
        self.fixedForcingTerm = fixedForcingTerm
        self.lineSearch = lineSearch
    }

    public mutating func prepare<O: Objective>(at x: [Double], oracle: inout Oracle<O>) throws {
        gradient = [Double](repeating: 0, count: x.count)
        direction = gradient
        residual = gradient
        searchDirection = gradient
        curvatureProduct = gradient
        lineSearch.prepare(dimension: x.count)
        value = oracle.valueAndGradient(at: x, into: &gradient)
    }

    @inlinable
    public mutating func iterate<O: Objective>(_ x: inout [Double], oracle: inout Oracle<O>) throws -> IterationReport {
        let gradientNorm = MethodVectors.norm(gradient)
        guard gradientNorm > 0 else { return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true) }
        let forcing = fixedForcingTerm ?? min(0.5, gradientNorm.squareRoot())
        let tolerance = forcing * gradientNorm
        for i in direction.indices { direction[i] = 0 }
        MethodVectors.copy(gradient, into: &residual)
        MethodVectors.setScaled(&searchDirection, -1, gradient)
        var residualSquared = gradientNorm * gradientNorm
        for j in 0..<(2 * x.count) {
            oracle.hessianVectorProduct(at: x, vector: searchDirection, result: &curvatureProduct)
            let curvature = MethodVectors.dot(searchDirection, curvatureProduct)
            if curvature <= 0 {
                if j == 0 { MethodVectors.setScaled(&direction, -1, gradient) }
                break
            }
            let alpha = residualSquared / curvature
            MethodVectors.addScaled(&direction, alpha, searchDirection)
            MethodVectors.addScaled(&residual, alpha, curvatureProduct)
            let newResidualSquared = MethodVectors.dot(residual, residual)
            if newResidualSquared.squareRoot() <= tolerance { break }
            let beta = newResidualSquared / residualSquared
            residualSquared = newResidualSquared
            for i in searchDirection.indices { searchDirection[i] = -residual[i] + beta * searchDirection[i] }
        }
        let slope = MethodVectors.dot(gradient, direction)
        guard slope < 0 else {
            throw MethodError("newton-cg: the truncated CG direction is not a descent direction (gᵀd = \(slope)); the Hessian-vector products are not finite")
        }
        let outcome = lineSearch.search(from: x, value: value, slope: slope, direction: direction, initialStep: 1, oracle: &oracle)
        guard outcome.accepted else { return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true) }
        MethodVectors.copy(lineSearch.trialPoint, into: &x)
        value = outcome.value
        oracle.gradient(at: x, into: &gradient)
        return IterationReport(valueAtNewIterate: value, learningRate: outcome.step)
    }
}
