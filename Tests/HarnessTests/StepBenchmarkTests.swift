import Foundation
import Harness
import Testing

/// `gdbench bench` measures through the harness; these tests check what it measures (never how fast):
/// every workload is a valid one-run suite, and a measurement covers exactly the iterations asked for.
@Suite struct StepBenchmarkTests {
    @Test func everyWorkloadIsAValidOneRunSuite() throws {
        for workload in StepWorkload.standard + StepWorkload.everyOptimizer + StepWorkload.everySchedule {
            let suite = try SuiteLoader(catalog: .builtIn).load(text: """
                name: check
                seed: 1
                budget:
                  max-iterations: \(workload.iterations)
                problems:
                  - \(workload.problem)
                optimizers:
                  - \(workload.optimizer)
                """, file: "<test>")
            let plan = try RunPlan(suite: suite)
            #expect(plan.specs.count == 1, "\(workload.name)")
        }
    }

    /// The second table of `gdbench bench` has a row for every optimizer kind of the catalog.
    @Test func everyOptimizerKindHasARow() throws {
        let timed = try StepWorkload.everyOptimizer.map { workload in
            try #require(workload.optimizer.firstMatch(of: /kind: ([a-z0-9-]+)/)).output.1
        }
        for kind in Catalog.builtIn.optimizers.map(\.name) {
            #expect(timed.contains { $0 == kind }, "\(kind) has no row in StepWorkload.everyOptimizer")
        }
    }

    /// … and one for every schedule kind.
    @Test func everyScheduleKindHasARow() throws {
        let timed = try StepWorkload.everySchedule.map { workload in
            try #require(workload.optimizer.firstMatch(of: /schedule: \{kind: ([a-z0-9-]+)/)).output.1
        }
        for kind in Catalog.builtIn.schedules.map(\.name) {
            #expect(timed.contains { $0 == kind }, "\(kind) has no row in StepWorkload.everySchedule")
        }
    }

    /// GD with lr 1e-3 on Rosenbrock from (−1.2, 1) is nowhere near x* after 500 steps, so the run
    /// uses its whole budget: the replay and the monitored pass both run exactly 500 iterations.
    @Test func measurementRunsTheWholeBudget() throws {
        var workload = StepWorkload.standard[0]
        workload.iterations = 500
        let result = try StepBenchmark.measure(workload, repeats: 3)
        #expect(result.iterations == 500)
        #expect(result.replayNanoseconds > 0 && result.monitoredNanoseconds > 0)
        #expect(result.spread >= 0)
    }
}
