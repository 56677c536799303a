import Foundation
import LinearAlgebra
import Randomness
import TestSupport
import Testing

@testable import Objectives

/// Logistic regression against central finite differences, scikit-learn optima
/// (scripts/reference/logistic_reference.py) and the reference's [run] values (§C.6).
@Suite struct LogisticRegressionTests {
    static let breastCancerStandardized = LogisticRegression.Configuration(
        source: .breastCancer, standardize: true, lambda: 1e-2)

    static func synthetic(n: Int = 300, d: Int = 7, seed: UInt64 = 11) -> SyntheticClassificationData {
        SyntheticClassificationData(samples: n, features: d, featureConditioning: 50, labelNoise: 0.1, seed: seed)
    }

    /// Every data variant of the derivative checks: synthetic and breast cancer, raw and standardized,
    /// with and without intercept.
    static let variants: [LogisticRegression.Configuration] = [false, true].flatMap { intercept in
        [false, true].flatMap { standardize in
            [
                LogisticRegression.Configuration(
                    source: .synthetic(synthetic()), standardize: standardize, intercept: intercept, lambda: 1e-2),
                LogisticRegression.Configuration(
                    source: .breastCancer, standardize: standardize, intercept: intercept, lambda: 1e-2),
            ]
        }
    }

    /// A seeded point whose margins are of order one: wⱼ = 0.5·gⱼ / (column RMS·√d), gⱼ standard normal.
    static func seededPoint(for data: Dataset, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        let d = Double(data.columnCount)
        return data.columnRootMeanSquares().map { 0.5 * generator.nextGaussian() / ($0 * d.squareRoot()) }
    }

    @Test(arguments: variants)
    func derivativesMatchCentralDifferences(configuration: LogisticRegression.Configuration) throws {
        let problem = try LogisticRegression(configuration: configuration)
        let x = Self.seededPoint(for: problem.training, seed: 3)
        var generator = Xoshiro256StarStar(seed: 4)
        let v = generator.nextUnitVector(dimension: problem.dimension)
        if configuration.source == .breastCancer && !configuration.standardize {
            // Raw features up to ≈ 4000: check in coordinates scaled by the column RMS (see ColumnScaled).
            let scaled = ColumnScaled(base: problem, scales: problem.training.columnRootMeanSquares())
            let u = zip(x, scaled.scales).map { $0 * $1 }
            #expect(DerivativeCheck.gradientError(scaled, at: u) <= 1e-6)
            #expect(DerivativeCheck.hessianVectorError(scaled, at: u, vector: v) <= 1e-6)
            #expect(DerivativeCheck.hessianError(scaled, at: u) <= 1e-6)
        } else {
            #expect(DerivativeCheck.gradientError(problem, at: x) <= 1e-6)
            #expect(DerivativeCheck.hessianVectorError(problem, at: x, vector: v) <= 1e-6)
            #expect(DerivativeCheck.hessianError(problem, at: x) <= 1e-6)
        }
        #expect(DerivativeCheck.valueConsistencyError(problem, at: x) <= 1e-14)
    }

    /// The gradient-only pass skips the loss but must write exactly the gradient `evaluate` writes
    /// (records and committed baselines depend on it), at small and at large margins (both branches
    /// of the stable sigmoid), through the objective and through a full-batch Oracle.
    @Test(arguments: variants)
    func gradientOnlyIsBitwiseTheEvaluatedGradient(configuration: LogisticRegression.Configuration) throws {
        let problem = try LogisticRegression(configuration: configuration)
        let small = Self.seededPoint(for: problem.training, seed: 5)
        for x in [small, small.map { 40 * $0 }] {
            var expected = [Double](repeating: 0, count: problem.dimension)
            var gradient = [Double](repeating: .nan, count: problem.dimension)
            _ = problem.evaluate(at: x, gradient: &expected)
            problem.gradient(at: x, into: &gradient)
            #expect(gradient.map(\.bitPattern) == expected.map(\.bitPattern))
            var oracle = Oracle(objective: problem, seed: 1)
            gradient = [Double](repeating: .nan, count: problem.dimension)
            #expect(oracle.gradient(at: x, into: &gradient).isNaN)
            #expect(gradient.map(\.bitPattern) == expected.map(\.bitPattern))
            #expect(oracle.counts.functionEvaluations == 0 && oracle.counts.gradientEvaluations == 1)
        }
    }

    @Test(arguments: variants)
    func minimizerIsStationaryAndAttainsOptimalValue(configuration: LogisticRegression.Configuration) throws {
        let problem = try LogisticRegression(configuration: configuration)
        let minimizer = try #require(problem.constants.minimizer)
        var gradient = [Double](repeating: 0, count: problem.dimension)
        let value = problem.evaluate(at: minimizer, gradient: &gradient)
        #expect(norm(gradient) <= LogisticRegression.minimizerTolerance)
        #expect(value == problem.constants.optimalValue)
        #expect(problem.constants.strongConvexity == configuration.lambda)
        // f* is a minimum: below f at the start and at nearby points.
        #expect(value < problem.value(at: problem.startingPoint))
        var generator = Xoshiro256StarStar(seed: 5)
        for _ in 0..<5 {
            let direction = generator.nextUnitVector(dimension: problem.dimension)
            let nearby = zip(minimizer, direction).map { $0 + 1e-3 * $1 }
            #expect(problem.value(at: nearby) > value)
        }
    }

    @Test func hessianSavingStrategyReachesThePlainNewtonMinimizer() throws {
        // Warm start on every eighth row and reused factors (forced on here, default only on wide
        // problems) against plain damped Newton from 0: both stationary to the tolerance, so by strong
        // convexity ‖x − x'‖ ≤ 2·10⁻¹²/λ and f* agrees to its rounding.
        // Also with the rows sorted by label, as a data file may list them.
        let generated = SyntheticClassificationData(
            samples: 3000, features: 30, featureConditioning: 100, labelNoise: 0.1, seed: 11
        ).generate()
        let sorted = generated.selectingRows((0..<3000).sorted { generated.targets[$0] < generated.targets[$1] })
        for training in [generated, sorted] {
            let plain = try LogisticRegression.solveConstants(
                training: training, lambda: 1e-3,
                strategy: .init(reuseFromFeatures: .max, warmStartFromWork: .infinity))
            let saving = try LogisticRegression.solveConstants(
                training: training, lambda: 1e-3, strategy: .init(reuseFromFeatures: 1, warmStartFromWork: 0))
            let problem = LogisticRegression(training: training, test: nil, lambda: 1e-3, constants: saving)
            var gradient = [Double](repeating: 0, count: 30)
            _ = problem.evaluate(at: try #require(saving.minimizer), gradient: &gradient)
            #expect(norm(gradient) <= LogisticRegression.minimizerTolerance)
            let distance = norm(zip(try #require(plain.minimizer), try #require(saving.minimizer)).map { $0 - $1 })
            #expect(distance <= 2 * LogisticRegression.minimizerTolerance / 1e-3)
            #expect(RelativeError.of(try #require(saving.optimalValue), try #require(plain.optimalValue)) <= 1e-15)
            #expect(saving.smoothness == plain.smoothness)
        }
    }

    @Test func breastCancerMatchesReferenceRunValues() throws {
        // Reference §C.6 [run]: z-scored (population std), no intercept.
        let data = LogisticRegression.dataSets(for: Self.breastCancerStandardized).training
        let largest = try #require(SymmetricEigenvalues.compute(data.gramMatrix(), order: 30).last)
        #expect(RelativeError.of(largest, 7557.234771204747) <= 1e-12)
        let expected: [(lambda: Double, optimalValue: Double, minimizerNorm: Double)] = [
            (0.1, 0.2098724307503274, 1.1616445493180787),
            (0.01, 0.10241656575570417, 2.420662632732873),
            (0.001, 0.05983977454242226, 4.575110604512884),
        ]
        for (lambda, optimalValue, minimizerNorm) in expected {
            let problem = try LogisticRegression(
                configuration: .init(source: .breastCancer, standardize: true, lambda: lambda))
            #expect(abs(problem.value(at: problem.startingPoint) - log(2.0)) <= 2e-16)
            #expect(RelativeError.of(try #require(problem.constants.optimalValue), optimalValue) <= 1e-12)
            #expect(RelativeError.of(norm(try #require(problem.constants.minimizer)), minimizerNorm) <= 1e-9)
            let smoothness = try #require(problem.constants.smoothness)
            #expect(RelativeError.of(smoothness, 7557.234771204747 / (4 * 569) + lambda) <= 1e-12)
        }
        // The trace bound of the reference: (1/(4n))Σ‖xᵢ‖² = p/4 = 7.5 after z-scoring.
        let trace = data.features.reduce(0) { $0 + $1 * $1 } / (4 * 569)
        #expect(abs(trace - 7.5) <= 1e-12)
    }

    @Test func optimalValuesMatchScikitLearn() throws {
        let reference = try Fixtures.LogisticReference.load()
        let s = reference.synthetic
        let configurations: [(String, LogisticRegression.Configuration)] = [
            ("breast-cancer-standardized-1e-2", .init(source: .breastCancer, standardize: true, lambda: 1e-2)),
            ("breast-cancer-standardized-1e-4", .init(source: .breastCancer, standardize: true, lambda: 1e-4)),
            (
                "breast-cancer-standardized-intercept-1e-3",
                .init(source: .breastCancer, standardize: true, intercept: true, lambda: 1e-3)
            ),
            (
                "synthetic-1e-3",
                .init(
                    source: .synthetic(
                        SyntheticClassificationData(
                            samples: s.n, features: s.d, featureConditioning: s.feature_conditioning,
                            labelNoise: s.label_noise,
                            seed: s.seed)), standardize: false, lambda: 1e-3)
            ),
        ]
        for (name, configuration) in configurations {
            let expected = try reference.named(name)
            #expect(expected.lambda == configuration.lambda)
            let problem = try LogisticRegression(configuration: configuration)
            #expect(problem.training.rowCount == expected.rows && problem.dimension == expected.columns)
            #expect(RelativeError.of(try #require(problem.constants.optimalValue), expected.f_star) <= 1e-12, "\(name)")
            // Strong convexity: ‖x* − w_sklearn‖ ≤ (‖∇f(x*)‖ + ‖∇f(w_sklearn)‖)/λ.
            let minimizer = try #require(problem.constants.minimizer)
            var gradient = [Double](repeating: 0, count: problem.dimension)
            _ = problem.evaluate(at: minimizer, gradient: &gradient)
            #expect(norm(gradient) <= LogisticRegression.minimizerTolerance, "\(name)")
            _ = problem.evaluate(at: expected.minimizer, gradient: &gradient)
            let bound = (LogisticRegression.minimizerTolerance + norm(gradient)) / configuration.lambda
            let distance = norm(zip(minimizer, expected.minimizer).map { $0 - $1 })
            #expect(distance <= bound, "\(name)")
            #expect(
                RelativeError.of(norm(minimizer), expected.minimizer_norm) <= bound / expected.minimizer_norm + 1e-15)
        }
    }

    @Test func syntheticDataMatchThePythonGenerator() throws {
        let reference = try Fixtures.LogisticReference.load()
        let s = reference.synthetic
        let data = SyntheticClassificationData(
            samples: s.n, features: s.d, featureConditioning: s.feature_conditioning,
            labelNoise: s.label_noise, seed: s.seed
        ).generate()
        #expect(Array(data.features[0..<s.d]) + [data.targets[0]] == reference.synthetic_first_row)
    }

    @Test func syntheticDesignFollowsItsRecipe() {
        let recipe = SyntheticClassificationData(
            samples: 20_000, features: 5, featureConditioning: 1e4, labelNoise: 0.2, seed: 9)
        let scales = SyntheticClassificationData.columnScales(features: 5, conditioning: 1e4)
        #expect(scales.first == 1)
        #expect(abs(scales[4] * scales[4] * 1e4 - 1) <= 1e-14) // variance ratio κ_f
        let clean = SyntheticClassificationData(
            samples: 20_000, features: 5, featureConditioning: 1e4, labelNoise: 0, seed: 9)
        let noisy = recipe.generate(), separable = clean.generate()
        #expect(noisy.features == separable.features)
        let flipped = zip(noisy.targets, separable.targets).filter { $0 != $1 }.count
        // Binomial(20000, 0.2): mean 4000, sd ≈ 57; 6 sd either side.
        #expect(abs(flipped - 4000) <= 340)
        let statistics = separable.columnStatistics()
        for j in 0..<5 { #expect(abs(statistics.standardDeviations[j] / scales[j] - 1) <= 0.05) }
        // Standardised synthetic data: z-scored first, then scaled, so column j has mean 0 and std s_j exactly.
        let standardized = LogisticRegression.dataSets(
            for: .init(source: .synthetic(recipe), standardize: true, lambda: 1)
        ).training
        let exact = standardized.columnStatistics()
        for j in 0..<5 {
            #expect(abs(exact.means[j]) <= 1e-15)
            #expect(abs(exact.standardDeviations[j] / scales[j] - 1) <= 1e-13)
        }
    }

    @Test func miniBatchGradientsAreConsistentWithTheFullGradient() throws {
        let problem = try LogisticRegression(
            configuration: .init(source: .synthetic(Self.synthetic(n: 120)), standardize: false, lambda: 1e-2))
        let x = Self.seededPoint(for: problem.training, seed: 8)
        let n = problem.training.rowCount, d = problem.dimension
        var full = [Double](repeating: 0, count: d)
        let fullValue = problem.evaluate(at: x, gradient: &full)
        var batchGradient = full
        let allRows = Array(0..<n)
        let allValue = allRows.withUnsafeBufferPointer { problem.evaluate(at: x, rows: $0, gradient: &batchGradient) }
        #expect(abs(allValue - fullValue) <= 1e-15 * abs(fullValue))
        #expect(DerivativeCheck.relativeError(batchGradient, full) <= 1e-15)
        // A seeded partition into 8 batches of 15: the mean of the batch estimates is the full value
        // and gradient (each batch carries the full regulariser).
        var permutation = allRows
        var generator = Xoshiro256StarStar(seed: 12)
        generator.shuffle(&permutation)
        var meanGradient = [Double](repeating: 0, count: d)
        var meanValue = 0.0
        for b in 0..<8 {
            let rows = Array(permutation[(b * 15)..<((b + 1) * 15)])
            meanValue +=
                rows.withUnsafeBufferPointer { problem.evaluate(at: x, rows: $0, gradient: &batchGradient) } / 8
            for j in 0..<d { meanGradient[j] += batchGradient[j] / 8 }
        }
        #expect(abs(meanValue - fullValue) <= 1e-14)
        #expect(DerivativeCheck.relativeError(meanGradient, full) <= 1e-14)
        // One row: the closed form −y σ(−y xᵀw) x + λw.
        let row = [37]
        let single = row.withUnsafeBufferPointer { problem.evaluate(at: x, rows: $0, gradient: &batchGradient) }
        let features = Array(problem.training.features[(37 * d)..<(38 * d)])
        let y = problem.training.targets[37]
        let margin = y * zip(features, x).reduce(0) { $0 + $1.0 * $1.1 }
        let regulariser = 0.5 * 1e-2 * x.reduce(0) { $0 + $1 * $1 }
        #expect(abs(single - (log(1 + exp(-margin)) + regulariser)) <= 1e-14)
        let expected = (0..<d).map { -y / (1 + exp(margin)) * features[$0] + 1e-2 * x[$0] }
        #expect(DerivativeCheck.relativeError(batchGradient, expected) <= 1e-14)
    }

    @Test func lossIsStableForLargeMargins() throws {
        // One row x = (1), y = +1, λ = 0+: f(w) = log(1 + e^(−w)).
        let data = Dataset(rowCount: 2, columnCount: 1, features: [1, -1], targets: [1, -1])
        let problem = LogisticRegression(training: data, test: nil, lambda: 1e-300, constants: ObjectiveConstants())
        var gradient = [0.0]
        #expect(problem.evaluate(at: [40], gradient: &gradient) == exp(-40.0)) // log1p(e^(−40)) rounds to e^(−40)
        #expect(gradient[0] == -exp(-40.0))
        #expect(problem.evaluate(at: [-800], gradient: &gradient) == 800) // no overflow of e^800
        #expect(gradient[0] == -1)
    }

    @Test func trainTestSplitIsSeededAndDisjoint() throws {
        let configuration = LogisticRegression.Configuration(
            source: .breastCancer, standardize: true, lambda: 1e-2,
            testFraction: 0.25, splitSeed: 77)
        let (training, test) = LogisticRegression.dataSets(for: configuration)
        let held = try #require(test)
        #expect(held.rowCount == 142 && training.rowCount == 427) // round(0.25·569) = 142
        #expect(LogisticRegression.dataSets(for: configuration).training == training)
        // Standardised with the training statistics: training columns have mean 0 and std 1.
        let statistics = training.columnStatistics()
        for j in 0..<30 {
            #expect(abs(statistics.means[j]) <= 1e-13)
            #expect(abs(statistics.standardDeviations[j] - 1) <= 1e-13)
        }
        // The raw rows of the two parts together are the whole data set, each row once.
        var generator = Xoshiro256StarStar(seed: 77)
        let (rawTraining, rawTest) = Dataset.breastCancerWisconsin.split(testFraction: 0.25, using: &generator)
        let rows = { (set: Dataset) in (0..<set.rowCount).map { Array(set.features[($0 * 30)..<(($0 + 1) * 30)]) } }
        let all = rows(Dataset.breastCancerWisconsin)
        let together = rows(rawTraining) + rows(try #require(rawTest))
        #expect(together.count == all.count)
        #expect(Set(together.map { $0.description }) == Set(all.map { $0.description }))
        // Held-out accuracy: sign(xᵀw) at x*, counted independently here.
        let problem = try LogisticRegression(configuration: configuration)
        let minimizer = try #require(problem.constants.minimizer)
        var correct = 0
        for i in 0..<held.rowCount {
            let score = (0..<30).reduce(0.0) { $0 + held.features[i * 30 + $1] * minimizer[$1] }
            if (score > 0) == (held.targets[i] > 0) { correct += 1 }
        }
        let accuracy = try #require(problem.heldOutAccuracy(at: minimizer))
        #expect(accuracy == Double(correct) / 142)
        #expect(accuracy > 0.9) // the data are nearly separable (≈ 97–98 % in the literature)
        #expect(
            problem.heldOutAccuracy(at: [Double](repeating: 0, count: 30)) == Double(
                held.targets.filter { $0 < 0 }.count) / 142)
        #expect(
            try LogisticRegression(configuration: Self.breastCancerStandardized).heldOutAccuracy(at: minimizer) == nil)
    }
}
