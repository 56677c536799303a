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

        public init(
            source: Source, standardize: Bool, intercept: Bool = false, lambda: Double,
            testFraction: Double = 0, splitSeed: UInt64 = 0
        ) {
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
            scales = SyntheticClassificationData.columnScales(
                features: recipe.features, conditioning: recipe.featureConditioning)
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
}
