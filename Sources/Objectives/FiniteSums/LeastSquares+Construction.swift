import LinearAlgebra
import Parameters

extension LeastSquares {
    /// Everything that defines one instance; also the key of the process-wide constants cache.
    public struct Configuration: Sendable, Hashable {
        public var data: SyntheticRegressionData
        /// λ ≥ 0.
        public var lambda: Double

        public init(data: SyntheticRegressionData, lambda: Double) {
            self.data = data
            self.lambda = lambda
        }
    }

    /// The instance for `configuration`, with its constants from the process-wide cache.
    public init(configuration: Configuration) throws {
        let data = configuration.data.generate()
        let constants = try LeastSquares.cache.constants(for: configuration) {
            try LeastSquares.solveConstants(data: data, lambda: configuration.lambda)
        }
        self.init(data: data, lambda: configuration.lambda, constants: constants)
    }

    static let cache = ConstantsCache<Configuration>()

    /// x*, f*, L and μ (see the type's documentation).
    static func solveConstants(data: Dataset, lambda: Double) throws -> ObjectiveConstants {
        let n = data.rowCount, d = data.columnCount
        if lambda == 0 && n < d { return try minimumNormConstants(data: data) }
        let gram = data.gramMatrix()
        var system = gram
        for j in 0..<(d * d) { system[j] /= Double(n) }
        for j in 0..<d { system[j * d + j] += lambda }
        guard let factor = Cholesky(matrix: system, order: d) else {
            throw ParameterError(
                key: "lambda",
                expected: "a value for which XᵀX/n + λI is numerically positive definite (or more rows, or a lower "
                    + "feature-conditioning)",
                found: ParameterValue.format(lambda))
        }
        let problem = LeastSquares(data: data, lambda: lambda, constants: ObjectiveConstants())
        var gradient = [Double](repeating: 0, count: d)
        let zero = [Double](repeating: 0, count: d)
        _ = problem.evaluate(at: zero, gradient: &gradient) // ∇f(0) = −Xᵀy/n
        var minimizer = factor.solve(gradient.map { -$0 })
        _ = problem.evaluate(at: minimizer, gradient: &gradient) // refinement: x ← x − H⁻¹∇f(x)
        let correction = factor.solve(gradient)
        for j in 0..<d { minimizer[j] -= correction[j] }
        let extremes = ExtremeEigenvalues.compute(gram, order: d)
        return ObjectiveConstants(
            optimalValue: problem.value(at: minimizer), minimizer: minimizer,
            smoothness: extremes.max / Double(n) + lambda,
            strongConvexity: extremes.min / Double(n) + lambda)
    }
}
