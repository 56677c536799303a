import LinearAlgebra
import Objectives

/// Linear conjugate gradient for quadratics f = ½xᵀAx − bᵀx, A ≻ 0 (`conjugate-gradient`;
/// Hestenes & Stiefel 1952, Nocedal & Wright Alg. 5.2, reference §A.16):
///
///     r₀ = −∇f(x₀) = b − Ax₀, p₀ = r₀;  α = rᵀr / pᵀAp;  x ← x + αp;  r ← r − αAp;
///     β = r_newᵀr_new / rᵀr;  p ← r_new + βp.
///
/// In exact arithmetic it finishes in at most d iterations, and in at most the number of distinct
/// eigenvalues of A. Ap is a Hessian-vector product at the current x, which is A exactly when f is
/// quadratic; on other objectives the method is not meaningful (use `nonlinear-cg`). pᵀAp ≤ 0 throws
/// (A is not positive definite).
///
/// Evaluations: `prepare` one ∇f; each iteration one Hessian-vector product and nothing else (the
/// residual is updated by the recurrence, so no f is reported).
public struct LinearConjugateGradient: Method {
    @usableFromInline var residual: [Double] = []
    @usableFromInline var direction: [Double] = []
    @usableFromInline var product: [Double] = []
    @usableFromInline var residualSquared = 0.0

    public init() {}

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        try MethodRequirements.quadratic(oracle.objective, method: "conjugate-gradient")
        try MethodRequirements.hessians(oracle.objective, method: "conjugate-gradient")
        residual = [Double](repeating: 0, count: x.count)
        product = residual
        oracle.gradient(at: x, into: &residual)
        for i in residual.indices { residual[i] = -residual[i] }
        direction = residual
        residualSquared = VectorKernels.dot(residual, residual)
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        guard residualSquared > 0 else { return IterationReport(learningRate: 0, isStalled: true) }
        oracle.hessianVectorProduct(at: x, vector: direction, result: &product)
        let curvature = VectorKernels.dot(direction, product)
        guard curvature > 0, curvature.isFinite else {
            throw MethodError(
                "conjugate-gradient: pᵀAp = \(curvature) is not positive; the objective is not a positive definite "
                    + "quadratic")
        }
        let alpha = residualSquared / curvature
        VectorKernels.addScaled(&x, alpha, direction)
        VectorKernels.addScaled(&residual, -alpha, product)
        let newResidualSquared = VectorKernels.dot(residual, residual)
        let beta = newResidualSquared / residualSquared
        residualSquared = newResidualSquared
        for i in direction.indices { direction[i] = residual[i] + beta * direction[i] }
        return IterationReport(learningRate: alpha)
    }
}
