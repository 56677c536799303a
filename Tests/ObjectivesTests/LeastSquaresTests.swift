import Randomness
import TestSupport
import Testing

@testable import Objectives

/// Least squares against central finite differences and numpy/LAPACK solutions
/// (scripts/reference/least_squares_reference.py).
@Suite struct LeastSquaresTests {
    static func configuration(_ c: Fixtures.LeastSquaresReference.Case) -> LeastSquares.Configuration {
        LeastSquares.Configuration(
            data: SyntheticRegressionData(
                samples: c.n, features: c.d, featureConditioning: c.feature_conditioning,
                noise: c.noise, seed: c.seed),
            lambda: c.lam)
    }

    @Test func constantsMatchNumpy() throws {
        for reference in try Fixtures.LeastSquaresReference.load().cases {
            let problem = try LeastSquares(configuration: Self.configuration(reference))
            let d = reference.d
            #expect(
                Array(problem.data.features[0..<d]) + [problem.data.targets[0]] == reference.first_row,
                "\(reference.name)")
            let constants = problem.constants
            #expect(
                RelativeError.of(try #require(constants.optimalValue), reference.f_star) <= 1e-12, "\(reference.name)")
            #expect(
                RelativeError.of(try #require(constants.smoothness), reference.smoothness) <= 1e-12, "\(reference.name)"
            )
            #expect(
                RelativeError.of(try #require(constants.strongConvexity), reference.strong_convexity) <= 1e-10,
                "\(reference.name)")
            let minimizer = try #require(constants.minimizer)
            let distance = norm(zip(minimizer, reference.minimizer).map { $0 - $1 })
            #expect(distance <= 1e-10 * norm(reference.minimizer), "\(reference.name)")
        }
    }

    @Test func minimizerIsStationaryAndAttainsOptimalValue() throws {
        for reference in try Fixtures.LeastSquaresReference.load().cases {
            let problem = try LeastSquares(configuration: Self.configuration(reference))
            let minimizer = try #require(problem.constants.minimizer)
            var gradient = [Double](repeating: 0, count: problem.dimension)
            let value = problem.evaluate(at: minimizer, gradient: &gradient)
            #expect(norm(gradient) <= 1e-12)
            #expect(value == problem.constants.optimalValue)
        }
    }

    @Test(arguments: [0.0, 0.05])
    func derivativesMatchCentralDifferences(lambda: Double) throws {
        let problem = try LeastSquares(
            configuration: .init(
                data: SyntheticRegressionData(samples: 80, features: 9, featureConditioning: 1e3, noise: 0.3, seed: 4),
                lambda: lambda))
        var generator = Xoshiro256StarStar(seed: 21)
        let x = (0..<9).map { _ in generator.nextGaussian() }
        let v = generator.nextUnitVector(dimension: 9)
        #expect(DerivativeCheck.gradientError(problem, at: x) <= 1e-6)
        #expect(DerivativeCheck.valueConsistencyError(problem, at: x) <= 1e-14)
        #expect(DerivativeCheck.hessianVectorError(problem, at: x, vector: v) <= 1e-6)
        #expect(DerivativeCheck.hessianError(problem, at: x) <= 1e-6)
    }

    @Test func quadraticIdentityHoldsExactly() throws {
        // For a quadratic, f(x) − f* = ½(x − x*)ᵀH(x − x*) and ∇f(x) = H(x − x*).
        let problem = try LeastSquares(
            configuration: .init(
                data: SyntheticRegressionData(samples: 200, features: 6, featureConditioning: 30, noise: 1, seed: 8),
                lambda: 1e-2))
        let minimizer = try #require(problem.constants.minimizer)
        var generator = Xoshiro256StarStar(seed: 2)
        let x = (0..<6).map { _ in generator.nextGaussian() }
        let offset = zip(x, minimizer).map { $0 - $1 }
        var hOffset = [Double](repeating: 0, count: 6)
        problem.hessianVectorProduct(at: x, vector: offset, result: &hOffset)
        var gradient = [Double](repeating: 0, count: 6)
        let value = problem.evaluate(at: x, gradient: &gradient)
        let quadratic = 0.5 * zip(offset, hOffset).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(value - (try #require(problem.constants.optimalValue)) - quadratic) <= 1e-12 * value)
        #expect(DerivativeCheck.relativeError(gradient, hOffset) <= 1e-12)
    }

    @Test func miniBatchGradientsAverageToTheFullGradient() throws {
        let problem = try LeastSquares(
            configuration: .init(
                data: SyntheticRegressionData(samples: 90, features: 11, featureConditioning: 10, noise: 0.1, seed: 3),
                lambda: 1e-3))
        let x = [Double](repeating: 0.3, count: 11)
        var full = [Double](repeating: 0, count: 11), batch = full, weighted = full
        let fullValue = problem.evaluate(at: x, gradient: &full)
        // Unequal batches 0..<10, 10..<40, 40..<90: Σ (|B|/n)·(batch estimate) = full.
        var weightedValue = 0.0
        for range in [0..<10, 10..<40, 40..<90] {
            let rows = Array(range)
            let value = rows.withUnsafeBufferPointer { problem.evaluate(at: x, rows: $0, gradient: &batch) }
            let weight = Double(rows.count) / 90
            weightedValue += weight * value
            for j in 0..<11 { weighted[j] += weight * batch[j] }
        }
        #expect(abs(weightedValue - fullValue) <= 1e-14 * fullValue)
        #expect(DerivativeCheck.relativeError(weighted, full) <= 1e-14)
    }
}
