import LinearAlgebra

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// L2-regularised logistic regression, mean loss, labels yᵢ ∈ {−1, +1}, no separate intercept
/// (reference §C.6):
///
///   f(w) = (1/n) Σᵢ log(1 + exp(−yᵢ xᵢᵀw)) + (λ/2)‖w‖²,
///   ∇f(w) = −(1/n) Σᵢ yᵢ σ(−mᵢ) xᵢ + λw,   mᵢ = yᵢ xᵢᵀw,  σ(z) = 1/(1 + e^(−z)),
///   ∇²f(w) = (1/n) Xᵀ D X + λI,   D = diag(σ(mᵢ) σ(−mᵢ)).
///
/// Each loss term is evaluated stably as log(1 + e^(−m)) = max(−m, 0) + log1p(e^(−|m|)) with one
/// `exp` and one `log1p` per row, and the loss total is a compensated sum (``CompensatedSum``), so f is
/// accurate to about one ulp (f(0) on the z-scored breast-cancer data is ln 2 within 2e−16). An
/// intercept, when asked for, is a last column of ones and is regularised like every other weight
/// (scikit-learn leaves it unregularised).
///
/// Finite sum: `sampleCount` = n (training rows); `evaluate(at:rows:gradient:)` returns the mean loss
/// over the given rows plus the full regulariser, an unbiased estimate of f and ∇f for uniform rows.
///
/// Kernels: X is row-major and contiguous; a full gradient is one pass over X in blocks of
/// ``rowBlock`` rows — the block's dot products xᵢᵀw, then its coefficients cᵢ = −yᵢσ(−mᵢ) in row
/// order, then gradient += cᵢxᵢ row after row while the block is still in L1 — i.e. the two
/// matrix–vector products Xw and Xᵀr fused, with no allocation (the block's scores live on the
/// stack). Hv likewise fuses xᵢᵀw, xᵢᵀv and the update in one pass, in the same blocks. The kernels
/// run on ``KernelPath/current``: on the AVX path four rows share each load of w and each load and
/// store of the gradient, and the result is bitwise the portable one (same products, same order of
/// additions). Timings: docs/performance.md.
///
/// Constants: L = λ_max(XᵀX)/(4n) + λ with λ_max from Jacobi eigenvalues of the Gram matrix
/// (``SymmetricEigenvalues``, accurate to a few ulps); μ = λ; x* by damped Newton with Cholesky
/// solves from w = 0 until ‖∇f‖ ≤ 1e−12 (or until rounding stops the decrease); f* = f(x*).
public struct LogisticRegression: Objective {
    /// Training data (f, f*, x* refer to these rows).
    public let training: Dataset
    /// Held-out rows for ``heldOutAccuracy(at:)``, if the problem was split.
    public let test: Dataset?
    /// λ > 0.
    public let lambda: Double
    public let constants: ObjectiveConstants

    /// A problem on the given data, solving for its constants now (not cached).
    public init(training: Dataset, test: Dataset? = nil, lambda: Double) throws {
        let constants = try LogisticRegression.solveConstants(training: training, lambda: lambda)
        self.init(training: training, test: test, lambda: lambda, constants: constants)
    }

    init(training: Dataset, test: Dataset?, lambda: Double, constants: ObjectiveConstants) {
        self.training = training
        self.test = test
        self.lambda = lambda
        self.constants = constants
    }

    public var dimension: Int { training.columnCount }
    /// w = 0, where f = ln 2 (+ 0).
    public var startingPoint: [Double] { [Double](repeating: 0, count: training.columnCount) }
    public var sampleCount: Int? { training.rowCount }

    public func value(at x: [Double]) -> Double {
        let loss = training.sumOverRows(at: x) { score, label in LogisticRegression.loss(margin: label * score) }
        return loss / Double(training.rowCount) + regulariser(x)
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        accumulate(at: x, rows: nil, gradient: &gradient)
    }

    public func evaluate(at x: [Double], rows: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
        accumulate(at: x, rows: rows, gradient: &gradient)
    }

    /// ∇f(x) alone: the same pass as `evaluate(at:gradient:)` without the `log1p` and the compensated
    /// loss sum, so the gradient is bitwise the one `evaluate` writes.
    public func gradient(at x: [Double], into gradient: inout [Double]) {
        _ = accumulate(at: x, rows: nil, gradient: &gradient, computesLoss: false)
    }

    /// Mean loss and gradient over `rows` (all rows when nil), plus the regulariser. With
    /// `computesLoss` false only the gradient is computed (identically) and the result is NaN. The
    /// kernels run on `path` (bitwise the same result on either).
    ///
    /// All rows: blocks of ``rowBlock`` consecutive rows, their dot products first
    /// (``VectorKernels/dotRows(_:stride:rowCount:_:count:into:path:)``), then their coefficients in
    /// row order, then their axpys (``VectorKernels/axpyRows(_:_:stride:rowCount:_:count:path:)``),
    /// which is exactly the row-by-row computation reordered across independent rows (a row's dot
    /// product does not read the gradient). Selected rows: one row at a time.
    @inline(__always)
    func accumulate(
        at x: [Double], rows selection: UnsafeBufferPointer<Int>?, gradient: inout [Double], computesLoss: Bool = true,
        path: KernelPath = .current
    ) -> Double {
        let n = training.rowCount, d = training.columnCount
        precondition(x.count == d && gradient.count == d, "LogisticRegression: x and gradient need \(d) entries")
        let count = selection?.count ?? n
        var loss = CompensatedSum()
        training.features.withUnsafeBufferPointer { features in
            training.targets.withUnsafeBufferPointer { labels in
                x.withUnsafeBufferPointer { w in
                    gradient.withUnsafeMutableBufferPointer { g in
                        guard let rows = features.baseAddress, let weights = w.baseAddress,
                            let out = g.baseAddress
                        else { return }
                        out.update(repeating: 0, count: d)
                        if let selection {
                            for i in selection {
                                precondition(i >= 0 && i < n, "LogisticRegression: row index \(i) outside 0..<\(n)")
                                let row = rows + i * d
                                let coefficient = LogisticRegression.gradientCoefficient(
                                    score: VectorKernels.dot(row, weights, count: d, path: path), label: labels[i],
                                    loss: &loss, computesLoss: computesLoss)
                                VectorKernels.axpy(coefficient, row, out, count: d, path: path)
                            }
                        } else {
                            withUnsafeTemporaryAllocation(of: Double.self, capacity: LogisticRegression.rowBlock) {
                                block in
                                let scores = block.baseAddress.unsafelyUnwrapped
                                var start = 0
                                while start < n {
                                    let size = min(LogisticRegression.rowBlock, n - start)
                                    let first = rows + start * d
                                    VectorKernels.dotRows(
                                        first, stride: d, rowCount: size, weights, count: d, into: scores, path: path)
                                    for r in 0..<size {
                                        scores[r] = LogisticRegression.gradientCoefficient(
                                            score: scores[r], label: labels[start + r], loss: &loss,
                                            computesLoss: computesLoss)
                                    }
                                    VectorKernels.axpyRows(
                                        scores, first, stride: d, rowCount: size, out, count: d, path: path)
                                    start += size
                                }
                            }
                        }
                        let scale = count > 0 ? 1 / Double(count) : 0
                        for j in 0..<d { out[j] = out[j] * scale + lambda * weights[j] }
                    }
                }
            }
        }
        guard computesLoss else { return .nan }
        return (count > 0 ? loss.value / Double(count) : 0) + regulariser(x)
    }

    /// Rows per block of the full pass in ``accumulate(at:rows:gradient:computesLoss:path:)``: their
    /// d-entry rows stay in L1 between the dot products and the axpys.
    static var rowBlock: Int { 8 }

    /// The gradient coefficient −y·σ(−m) of a row with score s = xᵀw and label y (m = y·s), adding
    /// the row's loss log(1 + e^(−m)) = max(−m, 0) + log1p(e^(−|m|)) to `loss` when asked.
    @inline(__always)
    static func gradientCoefficient(score: Double, label y: Double, loss: inout CompensatedSum, computesLoss: Bool)
        -> Double
    {
        let margin = y * score
        let e = exp(-abs(margin))
        if computesLoss { loss.add(log1p(e) + max(-margin, 0)) }
        let sigmoidOfMinusMargin = margin >= 0 ? e / (1 + e) : 1 / (1 + e)
        return -y * sigmoidOfMinusMargin
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        hessianVectorProduct(at: x, vector: v, result: &result, path: .current)
    }

    /// Hv = (1/n) Σᵢ σ(sᵢ)σ(−sᵢ)(xᵢᵀv) xᵢ + λv with sᵢ = xᵢᵀw, in blocks of ``rowBlock`` rows as the
    /// gradient: the block's scores xᵢᵀw and xᵢᵀv, then its coefficients, then its axpys; on `path`
    /// (bitwise the same result on either).
    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double], path: KernelPath) {
        let n = training.rowCount, d = training.columnCount
        precondition(x.count == d && v.count == d && result.count == d, "LogisticRegression: vectors need \(d) entries")
        training.features.withUnsafeBufferPointer { features in
            x.withUnsafeBufferPointer { w in
                v.withUnsafeBufferPointer { direction in
                    result.withUnsafeMutableBufferPointer { r in
                        guard let rows = features.baseAddress, let weights = w.baseAddress,
                            let vector = direction.baseAddress, let out = r.baseAddress
                        else { return }
                        out.update(repeating: 0, count: d)
                        let block = LogisticRegression.rowBlock
                        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * block) { scratch in
                            let scores = scratch.baseAddress.unsafelyUnwrapped, projections = scores + block
                            var start = 0
                            while start < n {
                                let size = min(block, n - start)
                                let first = rows + start * d
                                VectorKernels.dotRows(
                                    first, stride: d, rowCount: size, weights, count: d, into: scores, path: path)
                                VectorKernels.dotRows(
                                    first, stride: d, rowCount: size, vector, count: d, into: projections, path: path)
                                for k in 0..<size {
                                    scores[k] = LogisticRegression.curvature(at: scores[k]) * projections[k]
                                }
                                VectorKernels.axpyRows(
                                    scores, first, stride: d, rowCount: size, out, count: d, path: path)
                                start += size
                            }
                        }
                        let scale = 1 / Double(n)
                        for j in 0..<d { out[j] = out[j] * scale + lambda * vector[j] }
                    }
                }
            }
        }
    }

    /// (1/n) Xᵀ D X + λI with D = diag(σ(sᵢ)σ(−sᵢ)), sᵢ = xᵢᵀw (scores as the gradient's row blocks):
    /// XᵀDX by the blocked ``SymmetricProducts/weightedGram(rows:weights:rowCount:columnCount:path:)``.
    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let n = training.rowCount, d = training.columnCount
        precondition(x.count == d && hessian.count == d * d, "LogisticRegression: hessian needs \(d)×\(d) entries")
        let path = KernelPath.current
        var curvatures = [Double](repeating: 0, count: n)
        training.features.withUnsafeBufferPointer { features in
            x.withUnsafeBufferPointer { w in
                curvatures.withUnsafeMutableBufferPointer { c in
                    guard let rows = features.baseAddress, let weights = w.baseAddress, let out = c.baseAddress else {
                        return
                    }
                    VectorKernels.dotRows(rows, stride: d, rowCount: n, weights, count: d, into: out, path: path)
                    for i in 0..<n { out[i] = LogisticRegression.curvature(at: out[i]) }
                }
            }
        }
        let product = SymmetricProducts.weightedGram(
            rows: training.features, weights: curvatures, rowCount: n, columnCount: d, path: path)
        let scale = 1 / Double(n)
        for j in 0..<d {
            for k in 0..<d { hessian[j * d + k] = product[j * d + k] * scale }
            hessian[j * d + j] += lambda
        }
    }

    /// Fraction of the held-out rows classified correctly by sign(xᵀw) (xᵀw > 0 → +1, else −1, as
    /// scikit-learn's `predict`); nil without a test split.
    public func heldOutAccuracy(at x: [Double]) -> Double? {
        guard let test, test.rowCount > 0 else { return nil }
        let d = test.columnCount
        var correct = 0
        for i in 0..<test.rowCount {
            var score = 0.0
            for j in 0..<d { score += test.features[i * d + j] * x[j] }
            if (score > 0 ? 1.0 : -1.0) == test.targets[i] { correct += 1 }
        }
        return Double(correct) / Double(test.rowCount)
    }

    /// (λ/2)‖w‖².
    func regulariser(_ w: [Double]) -> Double {
        0.5 * lambda * VectorKernels.dot(w, w)
    }

    /// log(1 + e^(−m)) = max(−m, 0) + log1p(e^(−|m|)).
    static func loss(margin m: Double) -> Double {
        log1p(exp(-abs(m))) + max(-m, 0)
    }

    /// σ(z)σ(−z) = e^(−|z|)/(1 + e^(−|z|))², the Hessian weight of a row with score z = xᵀw (the same
    /// for either label).
    static func curvature(at z: Double) -> Double {
        let e = exp(-abs(z))
        return e / ((1 + e) * (1 + e))
    }
}
