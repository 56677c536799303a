import Objectives

/// Diagonally (Jacobi) preconditioned gradient descent (`preconditioned-gd`):
/// x ← x − η·D⁻¹∇f(x), D = diag(max(Hᵢᵢ(x), floor)), with the diagonal refreshed at iterations
/// 0, r, 2r, … (`refresh-every` r, default 10), `floor` default 1e−8, η default 1 (a Newton step
/// on a diagonal quadratic).
///
/// The diagonal comes from the dense Hessian (`diagonal: hessian`, one Hessian evaluation per
/// refresh) or from d Hessian-vector products with the unit vectors (`diagonal: hessian-vector`,
/// d products per refresh, for objectives without a cheap dense Hessian).
/// Evaluations: one ∇f per iteration plus the refreshes.
public struct PreconditionedGradientDescent: Method {
    public var learningRate: any Schedule
    public var refreshEvery: Int
    public var floor: Double
    public var usesDenseHessian: Bool
    @usableFromInline var iterations = 0
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var inverseDiagonal: [Double] = []
    @usableFromInline var hessian: [Double] = []
    @usableFromInline var unit: [Double] = []
    @usableFromInline var column: [Double] = []

    public init(
        learningRate: any Schedule = 1.0, refreshEvery: Int = 10, floor: Double = 1e-8, usesDenseHessian: Bool = true
    ) {
        self.learningRate = learningRate
        self.refreshEvery = refreshEvery
        self.floor = floor
        self.usesDenseHessian = usesDenseHessian
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        try MethodRequirements.hessians(oracle.objective, method: "preconditioned-gd")
        let d = x.count
        iterations = 0
        gradient = [Double](repeating: 0, count: d)
        inverseDiagonal = gradient
        if usesDenseHessian {
            hessian = [Double](repeating: 0, count: d * d)
        } else {
            unit = gradient
            column = gradient
        }
    }

    @inlinable
    mutating func refreshDiagonal(at x: [Double], oracle: inout Oracle) throws {
        let d = x.count
        for i in 0..<d {
            let diagonal: Double
            if usesDenseHessian {
                if i == 0 { oracle.hessian(at: x, into: &hessian) }
                diagonal = hessian[i * d + i]
            } else {
                unit[i] = 1
                oracle.hessianVectorProduct(at: x, vector: unit, result: &column)
                unit[i] = 0
                diagonal = column[i]
            }
            guard !diagonal.isNaN else {
                throw MethodError("preconditioned-gd: the Hessian diagonal has a NaN entry at index \(i)")
            }
            inverseDiagonal[i] = 1 / max(diagonal, floor)
        }
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        if iterations % refreshEvery == 0 { try refreshDiagonal(at: x, oracle: &oracle) }
        let step = learningRate(iterations)
        iterations += 1
        oracle.gradient(at: x, into: &gradient)
        gradient.withUnsafeBufferPointer { g in
            inverseDiagonal.withUnsafeBufferPointer { scale in
                x.withUnsafeMutableBufferPointer { x in
                    for i in 0..<x.count { x[i] -= step * scale[i] * g[i] }
                }
            }
        }
        return IterationReport(learningRate: step)
    }
}
