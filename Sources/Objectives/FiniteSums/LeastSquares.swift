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
        let n = data.rowCount, d = data.columnCount
        precondition(x.count == d, "LeastSquares: x has \(x.count) entries, expected \(d)")
        var loss = CompensatedSum()
        data.features.withUnsafeBufferPointer { features in
            data.targets.withUnsafeBufferPointer { targets in
                x.withUnsafeBufferPointer { w in
                    guard let rows = features.baseAddress, let weights = w.baseAddress else { return }
                    let path = KernelPath.current
                    for i in 0..<n {
                        let residual = VectorKernels.dot(rows + i * d, weights, count: d, path: path) - targets[i]
                        loss.add(residual * residual)
                    }
                }
            }
        }
        return 0.5 * loss.value / Double(n) + regulariser(x)
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        accumulate(at: x, rows: nil, gradient: &gradient)
    }

    public func evaluate(at x: [Double], rows: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
        accumulate(at: x, rows: rows, gradient: &gradient)
    }

    /// Mean loss and gradient over `rows` (all rows when nil), plus the regulariser.
    func accumulate(at x: [Double], rows selection: UnsafeBufferPointer<Int>?, gradient: inout [Double]) -> Double {
        let n = data.rowCount, d = data.columnCount
        precondition(x.count == d && gradient.count == d, "LeastSquares: x and gradient need \(d) entries")
        let count = selection?.count ?? n
        var loss = CompensatedSum()
        data.features.withUnsafeBufferPointer { features in
            data.targets.withUnsafeBufferPointer { targets in
                x.withUnsafeBufferPointer { w in
                    gradient.withUnsafeMutableBufferPointer { g in
                        guard let rows = features.baseAddress, let weights = w.baseAddress,
                            let out = g.baseAddress
                        else { return }
                        out.update(repeating: 0, count: d)
                        let path = KernelPath.current
                        for k in 0..<count {
                            let i = selection?[k] ?? k
                            precondition(i >= 0 && i < n, "LeastSquares: row index \(i) outside 0..<\(n)")
                            let row = rows + i * d
                            let residual = VectorKernels.dot(row, weights, count: d, path: path) - targets[i]
                            loss.add(residual * residual)
                            VectorKernels.axpy(residual, row, out, count: d, path: path)
                        }
                        let scale = count > 0 ? 1 / Double(count) : 0
                        for j in 0..<d { out[j] = out[j] * scale + lambda * weights[j] }
                    }
                }
            }
        }
        return (count > 0 ? 0.5 * loss.value / Double(count) : 0) + regulariser(x)
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let n = data.rowCount, d = data.columnCount
        precondition(v.count == d && result.count == d, "LeastSquares: vectors need \(d) entries")
        data.features.withUnsafeBufferPointer { features in
            v.withUnsafeBufferPointer { direction in
                result.withUnsafeMutableBufferPointer { r in
                    guard let rows = features.baseAddress, let vector = direction.baseAddress,
                        let out = r.baseAddress
                    else { return }
                    out.update(repeating: 0, count: d)
                    let path = KernelPath.current
                    for i in 0..<n {
                        let row = rows + i * d
                        VectorKernels.axpy(
                            VectorKernels.dot(row, vector, count: d, path: path), row, out, count: d, path: path)
                    }
                    let scale = 1 / Double(n)
                    for j in 0..<d { out[j] = out[j] * scale + lambda * vector[j] }
                }
            }
        }
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
