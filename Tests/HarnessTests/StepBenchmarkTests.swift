import Foundation
import Harness
import Objectives
import Testing

/// `gdbench bench` measures through the harness; these tests check what it measures (never how fast):
/// every workload is a valid one-run suite, and a measurement covers exactly the iterations asked for.
@Suite struct StepBenchmarkTests {
    @Test func everyWorkloadIsAValidOneRunSuite() throws {
        for workload in StepWorkload.standard + StepWorkload.everyOptimizer + StepWorkload.everySchedule {
            let suite = try SuiteLoader(catalog: .builtIn).load(
                text: """
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

    /// Each hand-written reference loop computes the update of its harness row: after 1 000 updates
    /// its point gives the f the harness records (GD and heavy ball to the bit, Adam, whose bias
    /// corrections are grouped differently, to 1e−12 relative).
    @Test func referenceLoopsComputeTheirRowsUpdate() throws {
        let rows = StepWorkload.standard.filter { $0.referenceLoop != nil }
        #expect(Set(rows.compactMap(\.referenceLoop)) == Set(ReferenceLoop.allCases))
        for var row in rows {
            row.iterations = 1000
            let loop = try #require(row.referenceLoop)
            let suite = try SuiteLoader(catalog: .builtIn).load(
                text: """
                    name: check
                    seed: 1
                    budget: {max-iterations: 1000}
                    targets: {measure: relative-gap, thresholds: [1e-300]}
                    problems:
                      - \(row.problem)
                    optimizers:
                      - \(row.optimizer)
                    """, file: "<test>")
            let record = try #require(try SuiteRunner.records(try RunPlan(suite: suite)).first)
            let point = loop.run(iterations: 1000)
            let value =
                (1 - point.x) * (1 - point.x) + 100 * (point.y - point.x * point.x) * (point.y - point.x * point.x)
            if loop == .adam {
                #expect(abs(value - record.final.value) <= 1e-12 * abs(record.final.value), "\(row.name)")
            } else {
                #expect(value == record.final.value, "\(row.name)")
            }
        }
    }

    /// The loops in memory and over arrays compute the same iterates as the loops over registers, to the bit.
    @Test func arrayLoopsComputeTheSameIteratesAsRegisterLoops() {
        for loop in ReferenceLoop.allCases {
            let registers = loop.run(iterations: 1000)
            let arrays = loop.runOverArrays(iterations: 1000, objective: Rosenbrock())
            let memory = loop.runInMemory(iterations: 1000, dimension: 2)
            #expect(registers == arrays, "\(loop)")
            #expect(registers == memory, "\(loop)")
            #expect(registers != (-1.2, 1.0), "\(loop) moved")
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
