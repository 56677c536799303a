import LinearAlgebra

/// Regularised linear least squares, mean of half squared residuals (reference §C.6):
///
///   f(w) = (1/(2n)) ‖Xw − y‖² + (λ/2)‖w‖²,   ∇f(w) = (1/n) Xᵀ(Xw − y) + λw,   ∇²f = (1/n) XᵀX + λI.
///
/// The loss is ½‖·‖² averaged over the n rows (a mean, not a sum). Finite sum: `sampleCount` = n and
/// `evaluate(at:rows:gradient:)` is the mean of ½rᵢ² over the given rows plus the full regulariser.
///
/// Kernels: one pass over the row-major X per gradient (residual rᵢ = xᵢᵀw − yᵢ, then
/// gradient += rᵢxᵢ while the row is in L1) and per Hessian-vector product; no allocation; the loss
/// total is a compensated sum (``CompensatedSum``). The dense
/// Hessian is assembled from the rows on each call (O(nd²)), so it costs what it would cost a real
/// finite-sum method; it does not depend on w.
///
/// Constants, from the Gram matrix G = XᵀX: x* solves (G/n + λI)x = Xᵀy/n by Cholesky, followed by one
/// step of iterative refinement with the exactly evaluated gradient; f* = f(x*);
/// L = λ_max(G)/n + λ and μ = λ_min(G)/n + λ from Jacobi eigenvalues (``SymmetricEigenvalues``).
public struct LeastSquares: Objective {
    public let data: Dataset
    /// λ ≥ 0.
    public let lambda: Double
    public let constants: ObjectiveConstants

    /// A problem on the given data, solving for its constants now (not cached).
    public init(data: Dataset, lambda: Double) throws {
        let constants = try LeastSquares.solveConstants(data: data, lambda: lambda)
        self.init(data: data, lambda: lambda, constants: constants)
    }

    init(data: Dataset, lambda: Double, constants: ObjectiveConstants) {
        self.data = data
        self.lambda = lambda
        self.constants = constants
    }

    public var dimension: Int { data.columnCount }
    /// w = 0.
    public var startingPoint: [Double] { [Double](repeating: 0, count: data.columnCount) }
    public var sampleCount: Int? { data.rowCount }

    public func value(at x: [Double]) -> Double {
        let loss = data.sumOverRows(at: x) { score, target in (score - target) * (score - target) }
        return 0.5 * loss / Double(data.rowCount) + regulariser(x)
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        accumulate(at: x, rows: nil, gradient: &gradient)
    }

    public func evaluate(at x: [Double], rows: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
        accumulate(at: x, rows: rows, gradient: &gradient)
    }

    /// Mean loss and gradient over `rows` (all rows when nil), plus the regulariser: per row the residual
    /// rᵢ = xᵢᵀw − yᵢ, its square into the loss, then gradient += rᵢxᵢ (``Dataset/accumulateRows``).
    func accumulate(at x: [Double], rows selection: UnsafeBufferPointer<Int>?, gradient: inout [Double]) -> Double {
        var loss = CompensatedSum()
        let count = data.targets.withUnsafeBufferPointer { targets in
            data.accumulateRows(projecting: x, rows: selection, regularisation: lambda, into: &gradient) { score, i in
                let residual = score - targets[i]
                loss.add(residual * residual)
                return residual
            }
        }
        return (count > 0 ? 0.5 * loss.value / Double(count) : 0) + regulariser(x)
    }

    /// Hv = (1/n) Σᵢ (xᵢᵀv) xᵢ + λv (``Dataset/accumulateRows``).
    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        _ = data.accumulateRows(projecting: v, rows: nil, regularisation: lambda, into: &result) { score, _ in score }
    }

    /// XᵀX/n + λI.
    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let d = data.columnCount
        precondition(hessian.count == d * d, "LeastSquares: hessian needs \(d)×\(d) entries")
        let gram = data.gramMatrix()
        let scale = 1 / Double(data.rowCount)
        for j in 0..<(d * d) { hessian[j] = gram[j] * scale }
        for j in 0..<d { hessian[j * d + j] += lambda }
    }

    /// (λ/2)‖w‖².
    func regulariser(_ w: [Double]) -> Double {
        0.5 * lambda * VectorKernels.dot(w, w)
    }
}

extension LeastSquares {
    /// f is exactly quadratic (constant Hessian).
    public var isQuadratic: Bool { true }
}
