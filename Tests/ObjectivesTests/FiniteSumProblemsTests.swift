import Foundation
import Randomness
import Testing

@testable import Objectives

/// The `logistic` and `least-squares` kinds: building, seeding, validation and the constants cache.
@Suite struct FiniteSumProblemsTests {
    static func kind(_ name: String) throws -> ProblemKind {
        try #require(FiniteSumProblems.kinds.first { $0.name == name })
    }

    static func expectError(_ kind: ProblemKind, _ values: [String: ParameterValue], key: String) {
        var generator = Xoshiro256StarStar(seed: 1)
        do {
            _ = try kind.make(ParameterSet(values), &generator)
            Issue.record("expected a ParameterError for \(key)")
        } catch let error as ParameterError {
            #expect(error.key == key, "\(error)")
            #expect(!error.expected.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func kindsAreFiniteSumsAndDefaultsMatchTheirSpecs() throws {
        #expect(FiniteSumProblems.kinds.map(\.name) == ["logistic", "least-squares"])
        for kind in FiniteSumProblems.kinds {
            #expect(kind.isFiniteSum)
            // Building with every default written out equals building with none.
            var defaults = ParameterSet()
            for spec in kind.parameters { defaults[spec.name] = spec.defaultValue }
            var first = Xoshiro256StarStar(seed: 3), second = first
            let implicit = try kind.make(ParameterSet(), &first)
            let explicit = try kind.make(defaults, &second)
            #expect(implicit.constants == explicit.constants)
            #expect(implicit.sampleCount == 1000 && implicit.dimension == 20)
        }
    }

    @Test func instancesDependOnlyOnTheSeed() throws {
        let kind = try Self.kind("logistic")
        let parameters = ParameterSet(["n": .number(200), "d": .number(5), "test-fraction": .number(0.2)])
        var a = Xoshiro256StarStar(seed: 10), b = Xoshiro256StarStar(seed: 10), c = Xoshiro256StarStar(seed: 11)
        let first = try #require(try kind.make(parameters, &a) as? LogisticRegression)
        let again = try #require(try kind.make(parameters, &b) as? LogisticRegression)
        let other = try #require(try kind.make(parameters, &c) as? LogisticRegression)
        #expect(first.training == again.training && first.test == again.test)
        #expect(first.constants == again.constants)
        #expect(first.training != other.training)
        #expect(first.training.rowCount == 160 && first.test?.rowCount == 40)
        // make consumes exactly one draw of the problem's generator.
        var reference = Xoshiro256StarStar(seed: 10)
        _ = reference.next()
        #expect(a.s0 == reference.s0 && a.s1 == reference.s1 && a.s2 == reference.s2 && a.s3 == reference.s3)
    }

    @Test func breastCancerKindReproducesTheReferenceOptimum() throws {
        var generator = Xoshiro256StarStar(seed: 1)
        let problem = try Self.kind("logistic").make(
            ParameterSet(["data": .text("breast-cancer"), "lambda": .number(0.1)]), &generator)
        #expect(problem.dimension == 30 && problem.sampleCount == 569)
        #expect(abs(try #require(problem.constants.optimalValue) - 0.2098724307503274) <= 1e-12 * 0.21)
        #expect(abs(try #require(problem.constants.conditionNumber) - 34.20401920564476) <= 1e-10)
    }

    @Test func invalidParametersNameTheirKey() throws {
        let logistic = try Self.kind("logistic"), leastSquares = try Self.kind("least-squares")
        Self.expectError(logistic, ["data": .text("mnist")], key: "data")
        Self.expectError(logistic, ["lambda": .number(0)], key: "lambda")
        Self.expectError(logistic, ["lambda": .text("big")], key: "lambda")
        Self.expectError(logistic, ["n": .number(1)], key: "n")
        Self.expectError(logistic, ["n": .number(10.5)], key: "n")
        Self.expectError(logistic, ["d": .number(10_001)], key: "d")
        Self.expectError(logistic, ["n": .number(1e5), "d": .number(1001)], key: "n")
        Self.expectError(logistic, ["feature-conditioning": .number(0.5)], key: "feature-conditioning")
        Self.expectError(logistic, ["label-noise": .number(0.7)], key: "label-noise")
        Self.expectError(logistic, ["test-fraction": .number(1)], key: "test-fraction")
        Self.expectError(logistic, ["n": .number(4), "test-fraction": .number(0.9)], key: "test-fraction")
        Self.expectError(logistic, ["standardize": .number(1)], key: "standardize")
        Self.expectError(logistic, ["data": .text("breast-cancer"), "n": .number(100)], key: "n")
        // n < d with λ = 0 is the over-parameterised problem: f* = 0, x* the minimum-norm interpolant.
        var overGenerator = Xoshiro256StarStar(seed: 1)
        let over = try leastSquares.make(ParameterSet(["n": .number(10), "d": .number(20)]), &overGenerator)
        #expect(over.constants.optimalValue == 0 && over.constants.strongConvexity == 0)
        Self.expectError(leastSquares, ["noise": .number(-1)], key: "noise")
        Self.expectError(leastSquares, ["lambda": .number(.infinity)], key: "lambda")
        // n < d is fine with λ > 0.
        var generator = Xoshiro256StarStar(seed: 2)
        let wide = try leastSquares.make(
            ParameterSet(["n": .number(10), "d": .number(20), "lambda": .number(0.1)]), &generator)
        #expect(wide.dimension == 20)
    }

    @Test func concurrentBuildsOfOneInstanceSolveOnce() async throws {
        let cache = ConstantsCache<Int>()
        let results = try await withThrowingTaskGroup(of: ObjectiveConstants.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try cache.constants(for: 7) {
                        Thread.sleep(forTimeInterval: 0.01)
                        return ObjectiveConstants(optimalValue: 1.5)
                    }
                }
            }
            return try await group.reduce(into: [ObjectiveConstants]()) { $0.append($1) }
        }
        #expect(results.count == 20 && results.allSatisfy { $0.optimalValue == 1.5 })
        #expect(cache.solveCount == 1)
        _ = try cache.constants(for: 8) { ObjectiveConstants(optimalValue: 2) }
        #expect(cache.solveCount == 2)
    }

    @Test func cachedConstantsEqualAFreshSolve() throws {
        let configuration = LogisticRegression.Configuration(
            source: .synthetic(
                SyntheticClassificationData(
                    samples: 150, features: 4, featureConditioning: 10, labelNoise: 0.05, seed: 99)),
            standardize: true, intercept: true, lambda: 3e-3)
        let first = try LogisticRegression(configuration: configuration)
        let second = try LogisticRegression(configuration: configuration)
        let fresh = try LogisticRegression(training: first.training, lambda: 3e-3)
        #expect(first.constants == fresh.constants && second.constants == fresh.constants)
    }
}
