import Objectives
import Testing

@testable import Optimizers

struct StrongWolfeLineSearchTests {
    /// φ(α) = f(x + αp) and φ'(α), evaluated on the objective directly.
    static func phi(_ objective: some Objective, _ x: [Double], _ p: [Double], _ alpha: Double) -> (Double, Double) {
        let point = zip(x, p).map { $0 + alpha * $1 }
        var g = [Double](repeating: 0, count: x.count)
        let value = objective.evaluate(at: point, gradient: &g)
        return (value, zip(g, p).reduce(0) { $0 + $1.0 * $1.1 })
    }

    /// From Rosenbrock's standard start along −g, for initial trials that force the bracketing phase
    /// (1e−6: doubling), the zoom phase (1: far too long) and an intermediate one, the returned
    /// step satisfies both strong Wolfe conditions, and the stored point and gradient are those at x + αp.
    @Test(arguments: [1e-6, 1e-3, 1.0], [0.1, 0.9])
    func returnsAStrongWolfePoint(initialStep: Double, curvature: Double) throws {
        let objective = ChainedRosenbrock(dimension: 2)
        let x = [-1.2, 1.0]
        var g = [0.0, 0.0]
        let f0 = objective.evaluate(at: x, gradient: &g)
        let p = g.map { -$0 }
        let slope = zip(g, p).reduce(0) { $0 + $1.0 * $1.1 }
        var oracle = Oracle(objective: objective, seed: 1)
        var search = StrongWolfeLineSearch(curvature: curvature)
        search.prepare(dimension: 2)
        let outcome = search.search(
            from: x, value: f0, slope: slope, direction: p, initialStep: initialStep, oracle: &oracle)
        #expect(outcome.satisfiesWolfe)
        let (value, derivative) = Self.phi(objective, x, p, outcome.step)
        #expect(value <= f0 + 1e-4 * outcome.step * slope)
        #expect(abs(derivative) <= curvature * abs(slope))
        #expect(outcome.value == value)
        #expect(search.point == zip(x, p).map { $0 + outcome.step * $1 })
        var expectedGradient = [0.0, 0.0]
        _ = objective.evaluate(at: search.point, gradient: &expectedGradient)
        #expect(search.gradient == expectedGradient)
        // Doc comment: one f and one ∇f per trial, at most maxEvaluations.
        #expect(oracle.counts.functionEvaluations == outcome.evaluations)
        #expect(oracle.counts.gradientEvaluations == outcome.evaluations)
        #expect(outcome.evaluations <= 25)
    }

    /// On a quadratic, |φ'(α)| ≤ c₂|φ'(0)| means |α − α*|·pᵀAp ≤ c₂|φ'(0)| with α* = −gᵀp/pᵀAp.
    @Test func tightCurvatureConditionFindsTheExactMinimizer() throws {
        let objective = DenseQuadratic(eigenvalues: [1, 10, 100], rotationSeed: 2)
        let x = [1.0, -2, 3]
        var g = [0.0, 0, 0]
        let f0 = objective.evaluate(at: x, gradient: &g)
        let p = [-1.0, 0.5, -0.25]
        let slope = zip(g, p).reduce(0) { $0 + $1.0 * $1.1 }
        try #require(slope < 0)
        var ap = [0.0, 0, 0]
        objective.hessianVectorProduct(at: x, vector: p, result: &ap)
        let curvature = zip(p, ap).reduce(0) { $0 + $1.0 * $1.1 }
        let exact = -slope / curvature
        var oracle = Oracle(objective: objective, seed: 1)
        var search = StrongWolfeLineSearch(curvature: 0.01)
        search.prepare(dimension: 3)
        let outcome = search.search(from: x, value: f0, slope: slope, direction: p, initialStep: 1, oracle: &oracle)
        #expect(outcome.satisfiesWolfe)
        #expect(abs(outcome.step - exact) * curvature <= 0.01 * abs(slope) * (1 + 1e-12))
    }

    /// Along a direction where f decreases without bound, no Wolfe point exists: the search stops
    /// after maxEvaluations and returns the best sufficient-decrease point, flagged as not Wolfe.
    @Test func unboundedDirectionReturnsBestDecrease() throws {
        let objective = TestQuadratic(eigenvalues: [1, -1])
        let x = [0.0, 1]
        var g = [0.0, 0]
        let f0 = objective.evaluate(at: x, gradient: &g)
        let p = [0.0, 1]
        var oracle = Oracle(objective: objective, seed: 1)
        var search = StrongWolfeLineSearch(maxEvaluations: 8)
        search.prepare(dimension: 2)
        let outcome = search.search(from: x, value: f0, slope: -1, direction: p, initialStep: 1, oracle: &oracle)
        #expect(!outcome.satisfiesWolfe)
        #expect(outcome.evaluations == 8)
        // φ(α) = −(1 + α)²/2 decreases along p, so the best point is the longest of the growing trials.
        #expect(outcome.step > 1)
        #expect(outcome.value == objective.value(at: [0, 1 + outcome.step]))
        #expect(search.point == [0, 1 + outcome.step])
    }
}
