import Objectives
import Testing

@testable import Optimizers

struct RandomRestartsTests {
    /// Starts: x₀, then points at distance `radius` from x₀; `iterations-per-restart` each; the
    /// reported iterate is the best point so far, so f along the run never increases.
    @Test func restartsFromTheSphereAndKeepsTheBest() throws {
        let objective = AxisAlignedQuadratic(eigenvalues: [1, 2, 3], minimizer: [0.5, 0.5, 0.5], start: [1, 1, 1])
        var driver = TestDriver(objective)
        var method = RandomRestarts(
            inner: RecordingMethod(offset: 0.1), restarts: 4, iterationsPerRestart: 3, radius: 0.7, seed: 11)
        try method.prepare(at: driver.x, oracle: &driver.oracle)
        #expect(method.inner.start == [1, 1, 1])
        var previous = objective.value(at: driver.x)
        var starts: [[Double]] = []
        for k in 0..<12 {
            let report = try method.iterate(&driver.x, oracle: &driver.oracle)
            if k % 3 == 0 && k > 0 { starts.append(method.inner.start) }
            let value = objective.value(at: driver.x)
            #expect(value <= previous)
            #expect(report.valueAtNewIterate == value)
            previous = value
        }
        #expect(starts.count == 3)
        for start in starts { #expect(abs(Stop.distance(start, [1, 1, 1]) - 0.7) <= 1e-12) }
        #expect(Set(starts.map { $0.description }).count == 3)
        #expect(try method.iterate(&driver.x, oracle: &driver.oracle).isStalled)
        // Doc comment: one f at x₀, one per iteration (the inner method reports none).
        #expect(driver.oracle.counts.functionEvaluations == 1 + 12)
    }

    /// The first restart is the plain run from x₀ (same inner method, same start), so the best value
    /// over all restarts is never worse than the plain run's (4-D Rosenbrock has two local minima).
    @Test func neverWorseThanTheFirstRun() throws {
        let objective = ChainedRosenbrock(dimension: 4)
        var plainDriver = TestDriver(objective)
        var plain = GradientDescentArmijo()
        try plainDriver.run(&plain, maxIterations: 200)
        var driver = TestDriver(objective)
        var method = RandomRestarts(
            inner: GradientDescentArmijo(), restarts: 3, iterationsPerRestart: 200, radius: 1, seed: 5)
        try driver.run(&method, maxIterations: 600)
        #expect(objective.value(at: driver.x) <= objective.value(at: plainDriver.x))
    }
}
