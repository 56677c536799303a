import LinearAlgebra
import Objectives

/// Steepest descent with exact line search on quadratics (`steepest-descent-exact`; Boyd &
/// Vandenberghe §9.3, reference §A.13 and D.1): p = −g, α = gᵀg/(gᵀHg), x ← x + αp.
///
/// On f = ½(x − x*)ᵀA(x − x*) each step multiplies f − f* by at most ((κ−1)/(κ+1))² (Kantorovich),
/// exactly that factor from the worst-case start. On a non-quadratic the step is a Newton step
/// along −g (see ``ExactQuadraticLineSearch``).
///
/// Evaluations: `prepare` spends one ∇f (`oracle.gradient`); each iteration one Hessian-vector
/// product and one f and ∇f at the new iterate (`valueAndGradient`).
public struct SteepestDescentExact: Method {
    public var lineSearch = ExactQuadraticLineSearch()
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var direction: [Double] = []

    public init() {}

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        try MethodRequirements.hessians(oracle.objective, method: "steepest-descent-exact")
        gradient = [Double](repeating: 0, count: x.count)
        direction = gradient
        lineSearch.prepare(dimension: x.count)
        oracle.gradient(at: x, into: &gradient)
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        VectorKernels.setScaled(&direction, -1, gradient)
        let slope = -VectorKernels.dot(gradient, gradient)
        guard slope < 0 else { return IterationReport(learningRate: 0, isStalled: true) }
        let step = try lineSearch.step(at: x, slope: slope, direction: direction, oracle: &oracle)
        VectorKernels.addScaled(&x, step, direction)
        let value = oracle.valueAndGradient(at: x, into: &gradient)
        return IterationReport(valueAtNewIterate: value, learningRate: step)
    }
}
