import Foundation
import Objectives
import Testing

@testable import Optimizers

struct LinearConjugateGradientTests {
    /// Reference §D: eigenvalues {1, 3, 10, 30, 100}, each ×10 (d = 50): relative residual ≤ 1e−10
    /// in 5 iterations (the number of distinct eigenvalues).
    @Test func fiveDistinctEigenvaluesFinishInFive() throws {
        let eigenvalues = [1.0, 3, 10, 30, 100].flatMap { [Double](repeating: $0, count: 10) }
        let objective = DenseQuadratic(eigenvalues: eigenvalues, rotationSeed: 21)
        var driver = TestDriver(objective)
        let initial = Self.gradientNorm(objective, driver.x)
        var method = LinearConjugateGradient()
        let iterations = try driver.run(
            &method, maxIterations: 50, stop: { o, x in Self.gradientNorm(o, x) <= 1e-10 * initial })
        #expect(iterations == 5)
        // Doc comment: prepare one ∇f; one Hessian-vector product per iteration and nothing else.
        #expect(driver.oracle.counts.gradientEvaluations == 1)
        #expect(driver.oracle.counts.hessianVectorProducts == 5)
        #expect(driver.oracle.counts.functionEvaluations == 0)
    }

    /// Reference §D table, "CG" column (±1): stop at ‖x_k − x*‖ ≤ 1e−6‖x₀ − x*‖, x₀ = 1, x* = 0.
    @Test(arguments: [
        ([1.0, 100], 2),
        (Spectrum.linear(1, 100, count: 50), 35),
        (Spectrum.geometric(1, 100, count: 50), 47),
    ])
    func referenceIterationCounts(eigenvalues: [Double], expected: Int) throws {
        let objective = AxisAlignedQuadratic(eigenvalues: eigenvalues)
        var driver = TestDriver(objective)
        var method = LinearConjugateGradient()
        let count = try driver.run(
            &method, maxIterations: 500,
            stop: Stop.relativeDistance(1e-6, start: objective.startingPoint, minimizer: objective.minimizer))
        #expect(abs(count - expected) <= 1, "iterations \(count)")
    }

    /// At most d iterations on a rotated d = 30 quadratic with distinct eigenvalues (κ = 100), with
    /// the §D criterion ‖x_k − x*‖ ≤ 1e−6‖x₀ − x*‖ (finite precision delays exact termination).
    @Test func finishesInAtMostDIterations() throws {
        let objective = DenseQuadratic(
            eigenvalues: Spectrum.linear(1, 100, count: 30), minimizer: (0..<30).map { sin(Double($0)) },
            rotationSeed: 4)
        var driver = TestDriver(objective)
        var method = LinearConjugateGradient()
        let iterations = try driver.run(
            &method, maxIterations: 100,
            stop: Stop.relativeDistance(1e-6, start: objective.startingPoint, minimizer: objective.minimizer))
        #expect(iterations <= 30)
    }

    @Test func indefiniteMatrixIsAnError() throws {
        let objective = TestQuadratic(eigenvalues: [-1, -3])
        var driver = TestDriver(objective)
        var method = LinearConjugateGradient()
        #expect(throws: MethodError.self) { try driver.run(&method, maxIterations: 2) }
    }

    static func gradientNorm(_ objective: some Objective, _ x: [Double]) -> Double {
        var g = [Double](repeating: 0, count: x.count)
        _ = objective.evaluate(at: x, gradient: &g)
        return g.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
