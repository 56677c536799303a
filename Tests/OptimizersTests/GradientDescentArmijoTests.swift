import Objectives
import Testing

@testable import Optimizers

struct GradientDescentArmijoTests {
    /// Reference §A.13 (author's numpy): c₁ = 1e−4, ρ = ½, α₀ = 1 on Rosenbrock from (−1.2, 1)
    /// accepts α = 2⁻¹⁰ with x₁ = (−0.9894531249999999, 1.0859375), f = 5.101112663710957.
    @Test func firstIterationOnRosenbrockMatchesReference() throws {
        var driver = TestDriver(ChainedRosenbrock(dimension: 2))
        var method = GradientDescentArmijo()
        try method.prepare(at: driver.x, oracle: &driver.oracle)
        #expect(driver.oracle.counts.functionEvaluations == 1)
        #expect(driver.oracle.counts.gradientEvaluations == 1)
        let report = try method.iterate(&driver.x, oracle: &driver.oracle)
        #expect(report.learningRate == 0x1p-10)
        #expect(abs(driver.x[0] - -0.9894531249999999) <= 1e-15)
        #expect(abs(driver.x[1] - 1.0859375) <= 1e-15)
        #expect(abs((report.valueAtNewIterate ?? .nan) - 5.101112663710957) <= 1e-14)
        // The doc comment's accounting: 11 trials (α = 1 … 2⁻¹⁰) and one gradient at x₁.
        #expect(driver.oracle.counts.functionEvaluations == 1 + 11)
        #expect(driver.oracle.counts.gradientEvaluations == 1 + 1)
    }

    /// Reference §A.13: 13757 iterations to reach ‖∇f‖ ≤ 1e−6 (author's numpy; allow ±2 for the
    /// accumulated rounding of a long run and the reference's own ±1).
    @Test func iterationsToToleranceOnRosenbrockMatchReference() throws {
        var driver = TestDriver(ChainedRosenbrock(dimension: 2))
        var method = GradientDescentArmijo()
        let iterations = try driver.run(&method, maxIterations: 20_000, stop: Stop.gradientNorm(1e-6))
        #expect(abs(iterations - 13757) <= 2, "iterations \(iterations)")
    }

    /// Every accepted step satisfies the Armijo condition, checked independently of the method.
    @Test func acceptedStepsSatisfyArmijo() throws {
        let objective = ChainedRosenbrock(dimension: 2)
        var driver = TestDriver(objective)
        var method = GradientDescentArmijo(warmStart: true)
        try method.prepare(at: driver.x, oracle: &driver.oracle)
        for _ in 0..<50 {
            let before = driver.x
            var g = [0.0, 0.0]
            let f0 = objective.evaluate(at: before, gradient: &g)
            let report = try method.iterate(&driver.x, oracle: &driver.oracle)
            let f1 = objective.value(at: driver.x)
            #expect(f1 <= f0 - 1e-4 * report.learningRate * (g[0] * g[0] + g[1] * g[1]))
            #expect(report.valueAtNewIterate == f1)
        }
    }

    /// With warm-start the second search begins at 2 × 2⁻¹⁰ = 2⁻⁹ and halves until the Armijo
    /// condition holds; the accepted step and the trials it cost are checked against the condition
    /// evaluated on the objective directly.
    @Test func warmStartBeginsFromPreviousStepTimesGrowth() throws {
        let objective = ChainedRosenbrock(dimension: 2)
        var driver = TestDriver(objective)
        var method = GradientDescentArmijo(warmStart: true, growth: 2)
        try method.prepare(at: driver.x, oracle: &driver.oracle)
        _ = try method.iterate(&driver.x, oracle: &driver.oracle)
        let x1 = driver.x
        var g = [0.0, 0.0]
        let f1 = objective.evaluate(at: x1, gradient: &g)
        let gg = g[0] * g[0] + g[1] * g[1]
        func armijo(_ alpha: Double) -> Bool {
            objective.value(at: [x1[0] - alpha * g[0], x1[1] - alpha * g[1]]) <= f1 - 1e-4 * alpha * gg
        }
        var expected = 0x1p-9, trials = 1
        while !armijo(expected) {
            expected /= 2
            trials += 1
        }
        let before = driver.oracle.counts.functionEvaluations
        let report = try method.iterate(&driver.x, oracle: &driver.oracle)
        #expect(report.learningRate == expected)
        #expect(driver.oracle.counts.functionEvaluations - before == trials)
    }

    /// The backtracking search gives up after max-backtracks reductions and the method stalls.
    @Test func stallsWhenNoStepDecreases() throws {
        var driver = TestDriver(ChainedRosenbrock(dimension: 2))
        var method = GradientDescentArmijo(lineSearch: ArmijoBacktracking(maxBacktracks: 3))
        let report = try { () throws -> IterationReport in
            try method.prepare(at: driver.x, oracle: &driver.oracle)
            return try method.iterate(&driver.x, oracle: &driver.oracle)
        }()
        #expect(report.isStalled)
        #expect(driver.x == [-1.2, 1])
        #expect(driver.oracle.counts.functionEvaluations == 1 + 4)
    }
}
