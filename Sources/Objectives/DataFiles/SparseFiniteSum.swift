#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Regularised logistic regression or least squares on sparse rows (``CompressedSparseRows``):
///
///   logistic:      f(w) = (1/n) Σᵢ log(1 + exp(−yᵢ xᵢᵀw)) + (λ/2)‖w‖²,  yᵢ ∈ {−1, +1}
///   least squares: f(w) = (1/(2n)) Σᵢ (xᵢᵀw − yᵢ)² + (λ/2)‖w‖²
///
/// the same functions as ``LogisticRegression`` and ``LeastSquares`` (reference §C.6), with kernels
/// that touch only the stored entries: per row one sparse dot product mᵢ = xᵢᵀw and one scatter
/// g += cᵢxᵢ (Xw and Xᵀr fused in one pass, as `scipy.sparse` computes them in two); Hv likewise with
/// xᵢᵀv. A full gradient costs O(nnz + d).
///
/// Constants: L = λ_max(XᵀX)·s/n + λ (s = ¼ logistic, 1 least squares) with λ_max by 300 power
/// iterations from a fixed start (a lower estimate, accurate to about 1e−6 relative on well separated
/// spectra); μ = λ (a lower bound of the strong convexity); x* by Newton-CG (logistic) or CG on the
/// normal equations (least squares) until ‖∇f‖ ≤ 1e−10·max(1, ‖∇f(0)‖), f* = f(x*) — nil when that
/// accuracy is not reached.
public struct SparseFiniteSum: Objective {
    public enum Loss: String, Sendable {
        case logistic
        case squared
    }

    public let matrix: CompressedSparseRows
    /// ±1 labels (logistic) or responses (squared).
    public let targets: [Double]
    public let loss: Loss
    public let lambda: Double
    public let constants: ObjectiveConstants

    /// A problem on `matrix`; solves its constants when `solvesConstants` (else only L is estimated).
    public init(
        matrix: CompressedSparseRows, targets: [Double], loss: Loss, lambda: Double, solvesConstants: Bool = true
    ) {
        precondition(targets.count == matrix.rowCount, "SparseFiniteSum: one target per row")
        let unsolved = SparseFiniteSum(
            matrix: matrix, targets: targets, loss: loss, lambda: lambda,
            constants: ObjectiveConstants())
        self.init(
            matrix: matrix, targets: targets, loss: loss, lambda: lambda,
            constants: SparseFiniteSumConstants.solve(unsolved, full: solvesConstants))
    }

    init(matrix: CompressedSparseRows, targets: [Double], loss: Loss, lambda: Double, constants: ObjectiveConstants) {
        self.matrix = matrix
        self.targets = targets
        self.loss = loss
        self.lambda = lambda
        self.constants = constants
    }

    public var dimension: Int { matrix.columnCount }
    public var startingPoint: [Double] { [Double](repeating: 0, count: matrix.columnCount) }
    public var sampleCount: Int? { matrix.rowCount }

    /// The loss of one row at margin or residual input `score` = xᵢᵀw.
    @inline(__always)
    func rowLoss(_ score: Double, _ y: Double) -> Double {
        switch loss {
        case .logistic:
            let m = y * score
            return max(-m, 0) + log1p(exp(-abs(m)))
        case .squared:
            let r = score - y
            return 0.5 * r * r
        }
    }

    /// ∂loss/∂score.
    @inline(__always)
    func rowSlope(_ score: Double, _ y: Double) -> Double {
        switch loss {
        case .logistic: return -y / (1 + exp(y * score))
        case .squared: return score - y
        }
    }

    /// ∂²loss/∂score².
    @inline(__always)
    func rowCurvature(_ score: Double, _ y: Double) -> Double {
        switch loss {
        case .logistic:
            let p = 1 / (1 + exp(-score))
            return p * (1 - p)
        case .squared: return 1
        }
    }

    public func value(at x: [Double]) -> Double {
        var total = 0.0
        forEachScore(x, rows: nil) { _, score, y, _, _ in total += rowLoss(score, y) }
        return total / Double(matrix.rowCount) + regulariser(x)
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        accumulate(x, rows: nil, gradient: &gradient, computesLoss: true)
    }

    public func gradient(at x: [Double], into gradient: inout [Double]) {
        _ = accumulate(x, rows: nil, gradient: &gradient, computesLoss: false)
    }

    public func evaluate(at x: [Double], rows: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
        accumulate(x, rows: rows, gradient: &gradient, computesLoss: true)
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let d = dimension, n = Double(matrix.rowCount)
        precondition(v.count == d && result.count == d, "SparseFiniteSum: vectors need \(d) entries")
        for j in 0..<d { result[j] = lambda * v[j] }
        v.withUnsafeBufferPointer { direction in
            result.withUnsafeMutableBufferPointer { out in
                forEachScore(x, rows: nil) { _, score, y, columns, values in
                    var projection = 0.0
                    for k in 0..<values.count { projection += values[k] * direction[Int(columns[k])] }
                    let c = rowCurvature(score, y) * projection / n
                    for k in 0..<values.count { out[Int(columns[k])] += c * values[k] }
                }
            }
        }
    }

    func regulariser(_ x: [Double]) -> Double {
        var squares = 0.0
        for value in x { squares += value * value }
        return 0.5 * lambda * squares
    }

    /// Calls `body(row, xᵢᵀw, yᵢ, columns, values)` for every row (or the selected rows) in order.
    @inline(__always)
    func forEachScore(
        _ x: [Double], rows selection: UnsafeBufferPointer<Int>?,
        _ body: (Int, Double, Double, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) -> Void
    ) {
        precondition(x.count == dimension, "SparseFiniteSum: x has \(x.count) entries, expected \(dimension)")
        matrix.rowStarts.withUnsafeBufferPointer { starts in
            matrix.columns.withUnsafeBufferPointer { columns in
                matrix.values.withUnsafeBufferPointer { values in
                    x.withUnsafeBufferPointer { w in
                        func visit(_ i: Int) {
                            let low = starts[i], high = starts[i + 1]
                            let rowColumns = UnsafeBufferPointer(rebasing: columns[low..<high])
                            let rowValues = UnsafeBufferPointer(rebasing: values[low..<high])
                            var score = 0.0
                            for k in 0..<rowValues.count { score += rowValues[k] * w[Int(rowColumns[k])] }
                            body(i, score, targets[i], rowColumns, rowValues)
                        }
                        if let selection {
                            for i in selection {
                                precondition(i >= 0 && i < matrix.rowCount, "SparseFiniteSum: row \(i) out of range")
                                visit(i)
                            }
                        } else {
                            for i in 0..<matrix.rowCount { visit(i) }
                        }
                    }
                }
            }
        }
    }

    /// Mean loss (NaN unless `computesLoss`) and gradient over the rows, plus the regulariser.
    @inline(__always)
    func accumulate(
        _ x: [Double], rows selection: UnsafeBufferPointer<Int>?, gradient: inout [Double],
        computesLoss: Bool
    ) -> Double {
        let d = dimension
        precondition(gradient.count == d, "SparseFiniteSum: the gradient needs \(d) entries")
        let count = Double(selection?.count ?? matrix.rowCount)
        var total = 0.0
        gradient.withUnsafeMutableBufferPointer { out in
            for j in 0..<d { out[j] = 0 }
            forEachScore(x, rows: selection) { _, score, y, columns, values in
                if computesLoss { total += rowLoss(score, y) }
                let c = rowSlope(score, y) / count
                for k in 0..<values.count { out[Int(columns[k])] += c * values[k] }
            }
            for j in 0..<d { out[j] += lambda * x[j] }
        }
        return computesLoss ? total / count + regulariser(x) : .nan
    }
}
