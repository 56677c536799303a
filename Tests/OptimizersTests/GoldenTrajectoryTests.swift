import Foundation
import Objectives
import Optimizers
import TestSupport
import Testing

/// Every optimizer configuration against the 100-step trajectories torch and optax produced on the four
/// fixture problems (scripts/reference/optimizer_fixtures.py), to |a − b| ≤ 1e−12·max(1, |b|).
@Suite struct GoldenTrajectoryTests {
    @Test func everyConfigurationHasAFixture() {
        #expect(Fixtures.trajectoryNames.count >= 30)
    }

    @Test(arguments: Fixtures.trajectoryNames)
    func reproducesLibraryTrajectory(_ name: String) throws {
        let fixture = try Fixtures.load(Fixtures.Trajectory.self, name)
        let kind = try Fixtures.kind(fixture.kind)
        #expect(fixture.runs.count == 4)
        for problem in fixture.runs.keys.sorted() {
            let run = try #require(fixture.runs[problem])
            var values = fixture.parameters.mapValues(\.parameterValue)
            values["lr"] = .number(run.lr)
            let method = try kind.make(ParameterSet(values), nil, 0)
            let iterates = try trajectory(method, on: try Fixtures.problem(problem), steps: run.iterates.count)
            let error = RelativeError.worst(iterates, run.iterates)
            #expect(error <= 1e-12, "\(name) (\(fixture.call)) on \(problem): worst relative error \(error)")
        }
    }
}
