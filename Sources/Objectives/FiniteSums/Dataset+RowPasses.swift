import LinearAlgebra

/// The row-by-row passes the finite-sum objectives share (``LeastSquares``, ``LogisticRegression``): each
/// row's score xᵢᵀu by ``VectorKernels/dot(_:_:count:path:)`` on ``KernelPath/current``, in row order.
/// The closures are inlined into the caller, so each objective gets its own loop, with no call per row.
extension Dataset {
    /// Σᵢ term(xᵢᵀw, yᵢ) over all rows in row order, as a compensated sum (``CompensatedSum``).
    @inline(__always)
    func sumOverRows(at w: [Double], _ term: (_ score: Double, _ target: Double) -> Double) -> Double {
        let n = rowCount, d = columnCount
        precondition(w.count == d, "Dataset: the point has \(w.count) entries, expected \(d)")
        var sum = CompensatedSum()
        features.withUnsafeBufferPointer { features in
            targets.withUnsafeBufferPointer { targets in
                w.withUnsafeBufferPointer { w in
                    guard let rows = features.baseAddress, let weights = w.baseAddress else { return }
                    let path = KernelPath.current
                    for i in 0..<n {
                        sum.add(term(VectorKernels.dot(rows + i * d, weights, count: d, path: path), targets[i]))
                    }
                }
            }
        }
        return sum.value
    }

    /// out = scale·Σᵢ cᵢ·xᵢ + λ·u over the rows listed in `selection` (all rows, in order, when nil), with
    /// cᵢ = coefficient(xᵢᵀu, i): per row its score, its coefficient, then out += cᵢ·xᵢ
    /// (``VectorKernels/axpy(_:_:_:count:path:)``); at the end out_j ← out_j·scale + λ·u_j with
    /// scale = 1/(number of rows) (0 for none). Returns that number of rows.
    @inline(__always)
    func accumulateRows(
        projecting u: [Double], rows selection: UnsafeBufferPointer<Int>?, regularisation lambda: Double,
        into out: inout [Double], coefficient: (_ score: Double, _ row: Int) -> Double
    ) -> Int {
        let n = rowCount, d = columnCount
        precondition(u.count == d && out.count == d, "Dataset: vectors need \(d) entries")
        let count = selection?.count ?? n
        features.withUnsafeBufferPointer { features in
            u.withUnsafeBufferPointer { u in
                out.withUnsafeMutableBufferPointer { o in
                    guard let rows = features.baseAddress, let vector = u.baseAddress, let result = o.baseAddress
                    else { return }
                    result.update(repeating: 0, count: d)
                    let path = KernelPath.current
                    for k in 0..<count {
                        let i = selection?[k] ?? k
                        precondition(i >= 0 && i < n, "Dataset: row index \(i) outside 0..<\(n)")
                        let row = rows + i * d
                        let c = coefficient(VectorKernels.dot(row, vector, count: d, path: path), i)
                        VectorKernels.axpy(c, row, result, count: d, path: path)
                    }
                    let scale = count > 0 ? 1 / Double(count) : 0
                    for j in 0..<d { result[j] = result[j] * scale + lambda * vector[j] }
                }
            }
        }
        return count
    }
}
