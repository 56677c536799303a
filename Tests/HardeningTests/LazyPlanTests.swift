import Foundation
import Harness
import Randomness
import Results
import Testing

/// ``RunSpecs`` enumerates the runs from their positions instead of storing them: the order must be
/// exactly the string order of the ids that an eager expansion (every problem × optimizer that
/// applies × repetition, sorted) gives, and a grid far over the default limit costs no memory per run.
@Suite struct LazyPlanTests {
    static let text = """
        name: lazy
        seed: 7
        repetitions: 12
        budget: {max-iterations: 3}
        problems:
          - kind: quadratic
            d: [2, 10]
            kappa: [10, 1e3]
          - kind: logistic
            n: 30
            d: 3
            batch-size: [5, full]
          - kind: rosenbrock
        optimizers:
          - kind: sgd
            lr: [0.01, 1/L]
          - kind: adam
            lr: [0.001, 0.01]
            only-on: "quadratic*"
          - kind: sgd
            lr: 0.5
            schedule: {kind: step, step-size: [10, 2], gamma: 0.5}
            only-on: ["logistic*", "rosenbrock*"]

        """

    @Test func theLazyOrderIsTheSortedOrderOfAnEagerExpansion() throws {
        let plan = try RunPlan(suite: try SuiteLoader(catalog: .builtIn).load(text: Self.text, file: "lazy.yaml"))
        var eager: [String] = []
        for problem in plan.problems {
            for optimizer in plan.optimizers where optimizer.applies(to: problem.id) {
                for repetition in 0..<12 { eager.append("\(problem.id)/\(optimizer.id)/rep=\(repetition)") }
            }
        }
        eager.sort()
        let lazy = plan.specs.map(\.id)
        #expect(lazy == eager)
        #expect(Set(lazy).count == lazy.count)
        for position in stride(from: 0, to: plan.specs.count, by: 7) {
            #expect(plan.specs.position(of: plan.specs[position].id) == position)
        }
        #expect(plan.specs.position(of: "quadratic/none/rep=0") == nil)
        // Seeds as an eager expansion derives them: the instance and repetition, then the optimizer id.
        let spec = plan.specs[plan.specs.count / 2]
        #expect(spec.problemSeed == SeedDerivation.derive(7, "\(spec.problem.instanceID)/rep=\(spec.repetition)"))
        #expect(spec.runSeed == SeedDerivation.derive(spec.problemSeed, spec.optimizer.id))
    }

    @Test func selectionsPartitionTheRunsWithAndWithoutAFilter() throws {
        let plan = try RunPlan(suite: try SuiteLoader(catalog: .builtIn).load(text: Self.text, file: "lazy.yaml"))
        for filter in [nil, GlobPattern("*rep=1*")] {
            let all = SuiteRunner.select(plan, filter: filter, shard: nil)
            let shards = try (1...5).map {
                SuiteRunner.select(plan, filter: filter, shard: try Shard(index: $0, count: 5))
            }
            #expect(shards.map(\.count).reduce(0, +) == all.count)
            #expect(shards.map { Array($0).count } == shards.map(\.count))
            #expect(Set(shards.flatMap { Array($0) }) == Set(all))
            let expected = plan.specs.indices.filter { filter?.matches(plan.specs[$0].id) ?? true }
            #expect(Array(all) == expected)
        }
    }

    @Test func aGridOfAHundredMillionRunsIsCountedNotStored() throws {
        let lrs = (1...2000).map { "\(Double($0) / 1e4)" }.joined(separator: ", ")
        let text = """
            name: huge
            seed: 1
            repetitions: 50000
            problems:
              - kind: quadratic
                d: 2
            optimizers:
              - kind: sgd
                lr: [\(lrs)]

            """
        #expect(throws: SuiteError.self) { try SuiteLoader(catalog: .builtIn).load(text: text, file: "huge.yaml") }
        let suite = try SuiteLoader(catalog: .builtIn, maximumRuns: nil).load(text: text, file: "huge.yaml")
        let plan = try RunPlan(suite: suite)
        #expect(plan.specs.count == 100_000_000)
        let last = plan.specs[plan.specs.count - 1]
        #expect(last.id == "quadratic[d=2]/sgd[lr=0.2]/rep=9999") // "rep=9999" sorts last
        #expect(plan.specs.position(of: last.id) == plan.specs.count - 1)
        #expect(SuiteRunner.select(plan, filter: nil, shard: try Shard(index: 3, count: 1000)).count == 100_000)
    }

    @Test func cellsHaveALimitThatForceDoesNotLift() {
        let lrs = (1...1100).map { "\($0)e-6" }.joined(separator: ", ")
        let moms = (1...1000).map { "\(Double($0) / 1001)" }.joined(separator: ", ")
        let text =
            "name: cells\nseed: 1\nproblems: [{kind: quadratic}]\noptimizers:\n  - kind: heavy-ball\n    lr: [\(lrs)]\n"
            + "    momentum: [\(moms)]\n"
        do {
            _ = try SuiteLoader(catalog: .builtIn, maximumRuns: nil).load(text: text, file: "cells.yaml")
            Issue.record("1.1 million cells were expanded")
        } catch {
            #expect("\(error)".contains("expand to 1100001 cells"))
            #expect("\(error)".contains("this entry gives 1100000"))
            #expect("\(error)".contains("even with --force"))
        }
    }
}
