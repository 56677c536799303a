import Objectives
import Optimizers
import TestSupport
import Testing

/// torch SGD(momentum=0.9) and Adam driven by every torch scheduler for 100 steps on ½(x² + 100y²)
/// and 2-D Rosenbrock (`Fixtures/schedule_driven_trajectories.json`, scripts/reference/schedule_fixtures.py):
/// the schedule built through ScheduleCatalog and the optimizer through OptimizerCatalog must reproduce
/// every iterate to |a − b| ≤ 1e−12·max(1, |b|) and every learning rate to 1e−12 relative.
@Suite struct ScheduleDrivenTrajectoryTests {
    @Test func coversBothOptimizersOnBothProblemsWithEveryTorchScheduler() throws {
        let cases = try ScheduleFixtures.drivenCases()
        #expect(cases.count == 52)
        #expect(
            Set(cases.map { "\($0.problem)/\($0.optimizer)" }) == [
                "quadratic/sgd", "quadratic/adam", "rosenbrock/sgd", "rosenbrock/adam",
            ])
    }

    @Test(arguments: try ScheduleFixtures.drivenCases())
    func reproducesTorch(_ fixture: ScheduleFixtures.DrivenCase) throws {
        let scheduleKind = try #require(ScheduleCatalog.kind(named: fixture.schedule.kind))
        let schedule = try scheduleKind.make(fixture.parameterSet, fixture.baseLearningRate)
        let optimizerKind = try #require(OptimizerCatalog.kind(named: fixture.optimizer))
        let method = try optimizerKind.make(try Self.parameters(fixture), AnySchedule(schedule), 0)
        switch fixture.problem {
        case "quadratic":
            try check(method, on: AxisAlignedQuadratic.narrowValley, fixture)
        case "rosenbrock":
            try check(method, on: Rosenbrock(), fixture)
        default:
            Issue.record("unknown problem \(fixture.problem)")
        }
    }

    func check<O: Objective>(_ method: any Method, on objective: O, _ fixture: ScheduleFixtures.DrivenCase) throws {
        #expect(objective.startingPoint == fixture.start)
        var method = method
        var oracle = Oracle(objective: objective, seed: 0)
        var x = objective.startingPoint
        var iterates = [x]
        var rates: [Double] = []
        try method.prepare(at: x, oracle: &oracle)
        for _ in fixture.lr.indices {
            rates.append(try method.iterate(&x, oracle: &oracle).learningRate)
            iterates.append(x)
        }
        let error = RelativeError.worst(iterates, fixture.iterates)
        #expect(error <= 1e-12, "worst relative error of the iterates \(error)")
        for (step, (rate, expected)) in zip(rates, fixture.lr).enumerated() {
            #expect(abs(rate - expected) <= 1e-12 * abs(expected), "lr of update \(step): \(rate) vs torch \(expected)")
        }
    }

    /// torch's keyword arguments under the catalog's names (betas split into beta1 and beta2).
    static func parameters(_ fixture: ScheduleFixtures.DrivenCase) throws -> ParameterSet {
        var values: [String: ParameterValue] = [:]
        for (name, parameter) in fixture.optimizerParameters {
            switch (name, parameter.value) {
            case ("betas", .numbers(let betas)) where betas.count == 2:
                values["beta1"] = .number(betas[0])
                values["beta2"] = .number(betas[1])
            case (_, let value):
                values[name.replacingOccurrences(of: "_", with: "-")] = value
            }
        }
        return ParameterSet(values)
    }
}
