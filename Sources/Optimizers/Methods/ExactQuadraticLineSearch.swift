import LinearAlgebra
import Objectives

/// Exact line search for quadratics (reference §A.13): α* = −gᵀp / (pᵀHp), with Hp from one
/// Hessian-vector product at x.
///
/// On f(x) = ½xᵀAx − bᵀx this is the exact minimiser of φ(α) = f(x + αp). On any other objective it
/// is one Newton step on φ (the minimiser of the local quadratic model along p), which is neither
/// exact nor safeguarded; whether the objective is quadratic cannot be checked from its oracle, so
/// the kinds that use it say "for quadratics" in their summaries. A non-positive curvature pᵀHp ≤ 0
/// is an error: the model along p has no minimiser.
public struct ExactQuadraticLineSearch: Sendable {
    /// Hp for the last search.
    public var curvatureProduct: [Double] { product }
    @usableFromInline var product: [Double] = []

    public init() {}

    public mutating func prepare(dimension: Int) {
        product = [Double](repeating: 0, count: dimension)
    }

    /// α* = −gᵀp/(pᵀHp); `slope` = gᵀp. Costs one Hessian-vector product.
    @inlinable
    public mutating func step(
        at x: [Double], slope: Double, direction: [Double], oracle: inout Oracle
    ) throws -> Double {
        oracle.hessianVectorProduct(at: x, vector: direction, result: &product)
        let curvature = VectorKernels.dot(direction, product)
        guard curvature > 0, curvature.isFinite else {
            throw MethodError(
                "exact line search: the curvature pᵀHp = \(curvature) along the search direction is not "
                    + "positive, so φ(α) = f(x + αp) has no minimiser (the objective is not a convex quadratic)")
        }
        return -slope / curvature
    }
}
