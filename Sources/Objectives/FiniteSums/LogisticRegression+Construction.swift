import LinearAlgebra
import Parameters
import Randomness

extension LogisticRegression {
    /// Everything that defines one instance; also the key of the process-wide constants cache.
    public struct Configuration: Sendable, Hashable {
        public enum Source: Sendable, Hashable {
            case synthetic(SyntheticClassificationData)
            /// ``Dataset/breastCancerWisconsin``.
            case breastCancer
        }

        public var source: Source
        /// z-score the features with the training rows' mean and population std (ddof 0).
        public var standardize: Bool
        /// Append a column of ones (regularised like the other weights).
        public var intercept: Bool
        /// λ > 0.
        public var lambda: Double
        /// Fraction of the rows held out for ``LogisticRegression/heldOutAccuracy(at:)``, in [0, 1).
        public var testFraction: Double
        /// Seed of the train/test shuffle (irrelevant when `testFraction` is 0).
        public var splitSeed: UInt64

        public init(source: Source, standardize: Bool, intercept: Bool = false, lambda: Double,
                    testFraction: Double = 0, splitSeed: UInt64 = 0) {
            self.source = source
            self.standardize = standardize
            self.intercept = intercept
            self.lambda = lambda
            self.testFraction = testFraction
            self.splitSeed = testFraction > 0 ? splitSeed : 0
        }
    }

    /// The instance for `configuration`; its constants come from the process-wide cache, so building
    /// the same instance again (for the next optimizer) costs no second Newton solve.
    public init(configuration: Configuration) throws {
        let (training, test) = LogisticRegression.dataSets(for: configuration)
        let constants = try LogisticRegression.cache.constants(for: configuration) {
            try LogisticRegression.solveConstants(training: training, lambda: configuration.lambda)
        }
        self.init(training: training, test: test, lambda: configuration.lambda, constants: constants)
    }

    static let cache = ConstantsCache<Configuration>()

    /// The training and test rows of a configuration, in this order: raw features (synthetic: the
    /// unscaled normals of ``SyntheticClassificationData/generateRaw()``; breast cancer: the raw
    /// measurements); the seeded split (``Dataset/split(testFraction:using:)`` with
    /// `Xoshiro256StarStar(seed: splitSeed)`); standardisation with the training statistics, applied
    /// to both parts; for synthetic data the column scales s_j (so the designed conditioning survives
    /// standardisation); finally the intercept column.
    public static func dataSets(for configuration: Configuration) -> (training: Dataset, test: Dataset?) {
        let raw: Dataset
        var scales: [Double]?
        switch configuration.source {
        case .synthetic(let recipe):
            raw = recipe.generateRaw()
            scales = SyntheticClassificationData.columnScales(features: recipe.features, conditioning: recipe.featureConditioning)
        case .breastCancer:
            raw = Dataset.breastCancerWisconsin
        }
        var generator = Xoshiro256StarStar(seed: configuration.splitSeed)
        var (training, test) = raw.split(testFraction: configuration.testFraction, using: &generator)
        if configuration.standardize {
            let (means, deviations) = training.columnStatistics()
            training = training.standardized(means: means, standardDeviations: deviations)
            test = test?.standardized(means: means, standardDeviations: deviations)
        }
        if let scales {
            training = training.scalingColumns(by: scales)
            test = test?.scalingColumns(by: scales)
        }
        if configuration.intercept {
            training = training.appendingInterceptColumn()
            test = test?.appendingInterceptColumn()
        }
        return (training, test)
    }

    /// Gradient norm at which the Newton solve for x* stops.
    public static let minimizerTolerance = 1e-12
    /// Squared Newton decrement below which the solve takes full Newton steps.
    static let fullStepDecrement = 1e-10

    /// f*, x*, L and μ of the problem on `training` with regularisation λ.
    ///
    /// x*: damped Newton from w = 0. Each step solves ((1/n)XᵀDX + λI)Δ = −∇f by Cholesky and
    /// backtracks (halving) until f(w + tΔ) ≤ f(w) + 10⁻⁴·t·∇fᵀΔ (Armijo). Once the squared Newton
    /// decrement −∇fᵀΔ is below 10⁻¹⁰ the iterate is deep in the region of quadratic convergence and
    /// the next decreases of f fall below its rounding (which would defeat the Armijo test), so full
    /// steps are taken without a test. It stops at ‖∇f‖ ≤ ``minimizerTolerance``, or when a full step no longer lowers
    /// ‖∇f‖ (the rounding floor), keeping the iterate with the smallest gradient norm.
    /// L = λ_max(XᵀX)/(4n) + λ (``ExtremeEigenvalues``), μ = λ.
    static func solveConstants(training: Dataset, lambda: Double) throws -> ObjectiveConstants {
        let problem = LogisticRegression(training: training, test: nil, lambda: lambda, constants: ObjectiveConstants())
        let d = training.columnCount
        var w = [Double](repeating: 0, count: d)
        var gradient = w, trial = w, trialGradient = w
        var hessian = [Double](repeating: 0, count: d * d)
        var value = problem.evaluate(at: w, gradient: &gradient)
        var gradientNorm = VectorKernels.norm(gradient)
        var best = (point: w, gradientNorm: gradientNorm)
        var iterations = 0
        while gradientNorm > minimizerTolerance && iterations < 200 {
            iterations += 1
            problem.hessian(at: w, into: &hessian)
            guard let factor = Cholesky(matrix: hessian, order: d) else {
                throw ParameterError(key: "lambda", expected: "a value for which (1/n)XᵀDX + λI is numerically positive definite",
                                     found: ParameterValue.format(lambda))
            }
            let step = factor.solve(gradient.map { -$0 })
            var slope = 0.0
            for j in 0..<d { slope += gradient[j] * step[j] }
            var t = 1.0
            var trialValue = 0.0
            for _ in 0..<60 {
                for j in 0..<d { trial[j] = w[j] + t * step[j] }
                trialValue = problem.evaluate(at: trial, gradient: &trialGradient)
                if -slope < fullStepDecrement || trialValue <= value + 1e-4 * t * slope { break }
                t *= 0.5
            }
            let trialNorm = VectorKernels.norm(trialGradient)
            if -slope < fullStepDecrement && trialNorm >= gradientNorm { break }
            swap(&w, &trial)
            swap(&gradient, &trialGradient)
            value = trialValue
            gradientNorm = trialNorm
            if gradientNorm < best.gradientNorm { best = (w, gradientNorm) }
        }
        let largest = ExtremeEigenvalues.compute(training.gramMatrix(), order: d).max
        return ObjectiveConstants(
            optimalValue: problem.value(at: best.point), minimizer: best.point,
            smoothness: largest / (4 * Double(training.rowCount)) + lambda, strongConvexity: lambda)
    }
}
