import LinearAlgebra

extension LeastSquares {
    /// Constants of the over-parameterised, unregularised problem (n < d, λ = 0): f* = 0 (the rows
    /// can be interpolated) and x* the minimum-norm interpolant X⁺y = Xᵀ(XXᵀ)⁻¹y, solved by Cholesky
    /// on the n×n Gram matrix XXᵀ (``SymmetricProducts/rowGram(rows:rowCount:columnCount:path:)``) with one
    /// step of iterative refinement. Gradient descent from 0 stays
    /// in the row space of X and converges to this x* (e.g. Gunasekar et al. 2018, §2; Zhang et al.
    /// 2017, §5), which is what the record's distance measures. L = λ_max(XXᵀ)/n, μ = 0.
    static func minimumNormConstants(data: Dataset) throws -> ObjectiveConstants {
        let n = data.rowCount, d = data.columnCount
        let rowGram = SymmetricProducts.rowGram(rows: data.features, rowCount: n, columnCount: d)
        guard let factor = Cholesky(matrix: rowGram, order: n) else {
            throw ParameterError(
                key: "n", expected: "rows whose Gram matrix XXᵀ is numerically positive definite",
                found: String(n))
        }
        func interpolant(_ targets: [Double]) -> [Double] {
            let alpha = factor.solve(targets)
            var x = [Double](repeating: 0, count: d)
            for i in 0..<n {
                for k in 0..<d { x[k] += alpha[i] * data.features[i * d + k] }
            }
            return x
        }
        var minimizer = interpolant(data.targets)
        var residual = data.targets
        for i in 0..<n {
            var prediction = 0.0
            for k in 0..<d { prediction += data.features[i * d + k] * minimizer[k] }
            residual[i] -= prediction
        }
        let correction = interpolant(residual)
        for k in 0..<d { minimizer[k] += correction[k] }
        let largest = ExtremeEigenvalues.compute(rowGram, order: n).max
        return ObjectiveConstants(
            optimalValue: 0, minimizer: minimizer, smoothness: largest / Double(n), strongConvexity: 0)
    }
}
