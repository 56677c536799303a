import Foundation
import Harness
import Objectives
import Optimizers
import Randomness
import Results
import Testing

@Suite struct RunnerTests {
    func run(_ text: String, catalog: Catalog = TestKinds.catalog, jobs: Int = 1) throws -> [RunRecord] {
        try SuiteRunner.records(try plan(text, catalog: catalog), options: SuiteRunOptions(jobs: jobs))
    }

    func header(_ budget: String = "budget: {max-iterations: 1000}") -> String {
        "name: t\nseed: 7\n\(budget)\n"
    }

    /// Relative gap of GD with step η on f = ½Σλᵢxᵢ² after k steps: Σλᵢ(1−ηλᵢ)^{2k}xᵢ² / Σλᵢxᵢ².
    func closedFormGap(_ q: DiagonalQuadratic, lr: Double, steps k: Int) -> Double {
        var numerator = 0.0, denominator = 0.0
        for (lambda, x) in zip(q.eigenvalues, q.startingPoint) {
            numerator += lambda * Foundation.pow(1 - lr * lambda, Double(2 * k)) * x * x
            denominator += lambda * x * x
        }
        return numerator / denominator
    }

    func instance(_ plan: RunPlan, repetition: Int = 0) throws -> DiagonalQuadratic {
        let spec = try #require(plan.specs.first { $0.repetition == repetition })
        return try #require(
            try Instantiation.makeProblem(spec.problem, problemSeed: spec.problemSeed).objective as? DiagonalQuadratic)
    }

    @Test func firstHitsMatchTheClosedFormOfGradientDescent() throws {
        let text = header() + "problems: [{kind: quad, d: 5, kappa: 10}]\noptimizers: [{kind: gd, lr: 1/L}]\n"
        let p = try plan(text)
        let q = try instance(p)
        let record = try #require(try run(text).first)
        #expect(record.status == .converged)
        for target in record.targets.ladder {
            let expected = (0...1000).first { closedFormGap(q, lr: 0.1, steps: $0) <= target.threshold }
            #expect(target.hit?.iteration == expected, "threshold \(target.threshold)")
            #expect(target.hit?.gradientEvaluations == expected)
            #expect(target.hit?.functionEvaluations == 0)
        }
        #expect(record.final.progress.iteration == record.targets.ladder.last?.hit?.iteration)
        #expect(record.initialValue == q.value(at: q.startingPoint))
        #expect(record.trace.first?.fingerprint == RunRecord.hex(SeedDerivation.fingerprint(q.startingPoint)))
        let hits = Set(record.targets.ladder.compactMap { $0.hit?.iteration })
        #expect(hits.isSubset(of: Set(record.trace.map(\.iteration))))
        #expect(record.wallTime.repeats.count == 1)
        #expect(record.final.progress.seconds != nil)
    }

    @Test func lateFirstHitsAreAtMostATenthOfAPercentLate() throws {
        let text =
            header("budget: {max-iterations: 20000}")
            + "problems: [{kind: quad, d: 3, kappa: 1000}]\noptimizers: [{kind: gd, lr: 1/L}]\n"
        let q = try instance(try plan(text))
        let record = try #require(try run(text).first)
        #expect(record.status == .converged)
        for target in record.targets.ladder {
            let exact = try #require((0...20000).first { closedFormGap(q, lr: 0.001, steps: $0) <= target.threshold })
            let hit = try #require(target.hit?.iteration)
            if exact <= 1000 {
                #expect(hit == exact)
            } else {
                #expect(hit >= exact && Double(hit) <= Double(exact) * 1.001 + 1, "threshold \(target.threshold)")
            }
        }
    }

    @Test func budgetStatusWhenTheIterationsRunOut() throws {
        let text =
            header("budget: {max-iterations: 7}") + "problems: [{kind: quad}]\noptimizers: [{kind: gd, lr: 1e-6}]\n"
        let record = try #require(try run(text).first)
        #expect(record.status == .budget)
        #expect(record.final.progress.iteration == 7)
        #expect(record.final.progress.gradientEvaluations == 7)
        #expect(record.targets.ladder.allSatisfy { $0.hit == nil })
    }

    @Test func gradientEvaluationBudget() throws {
        let text =
            header("budget: {max-iterations: 1000, max-gradient-evaluations: 12}")
            + "problems: [{kind: quad}]\noptimizers: [{kind: gd, lr: 1e-6}]\n"
        let record = try #require(try run(text).first)
        #expect(record.status == .budget)
        #expect(record.final.progress.gradientEvaluations == 12)
        #expect(record.final.progress.iteration == 12)
    }

    @Test func divergedOnNaN() throws {
        let text = header() + "problems: [{kind: quad}]\noptimizers: [{kind: gd, lr: 0.01, nan-at: 3}]\n"
        let record = try #require(try run(text).first)
        #expect(record.status == .diverged)
        #expect(record.final.progress.iteration == 3)
        #expect(record.message?.contains("not finite") == true)
    }

    @Test func divergedOnBlowUpAtTheClosedFormIteration() throws {
        // η = 3/L > 2/L: the top mode grows by |1 − 3| = 2 per step, the gap by 4.
        let text = header() + "problems: [{kind: quad, d: 2, kappa: 10}]\noptimizers: [{kind: gd, lr: 3/L}]\n"
        let q = try instance(try plan(text))
        let record = try #require(try run(text).first)
        let expected = (1...1000).first { closedFormGap(q, lr: 0.3, steps: $0) > 1e6 }
        #expect(record.status == .diverged)
        #expect(record.final.progress.iteration == expected)
    }

    @Test func timeoutInsideTheLoop() throws {
        let text =
            header("budget: {max-iterations: 100000, timeout: 0.05}")
            + "problems: [{kind: quad}]\noptimizers: [{kind: gd, lr: 1e-9, sleep: 2}]\n"
        let started = Date()
        let record = try #require(try run(text).first)
        #expect(record.status == .timeout)
        #expect(record.final.progress.iteration < 100)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func errorStatusCarriesTheMethodsMessage() throws {
        let text = header() + "problems: [{kind: quad}]\noptimizers: [{kind: gd, lr: 1e-3, fail-at: 4}]\n"
        let record = try #require(try run(text).first)
        #expect(record.status == .error)
        #expect(record.message == "iteration 4: singular test matrix")
        #expect(record.final.progress.gradientEvaluations == 3)
    }

    @Test func monitoringIsNeitherCountedNorTimed() throws {
        let counter = CallCounter()
        let text = header() + "timing-repeats: 2\nproblems: [{kind: counted}]\noptimizers: [{kind: gd, lr: 1/L}]\n"
        let record = try #require(try run(text, catalog: TestKinds.instrumentedCatalog(counter: counter)).first)
        let iterations = record.final.progress.iteration
        #expect(iterations > 10)
        // The method asks the oracle for exactly one gradient per iteration and nothing else.
        #expect(record.final.progress.gradientEvaluations == iterations)
        #expect(record.final.progress.functionEvaluations == 0)
        // The objective saw those calls in the monitored pass and in both replays, plus monitoring.
        #expect(counter.total > 3 * iterations + iterations)
        #expect(record.wallTime.repeats.count == 2)
    }

    @Test func everyOptimizerSeesTheSameInstanceStartAndBatches() throws {
        let text =
            header("budget: {max-iterations: 50}")
            + "repetitions: 2\nproblems: [{kind: lsq, n: 64, d: 3, batch-size: 4}]\noptimizers: [{kind: gd, lr: 0.05, "
            + "label: [a, b]}]\n"
        let records = try run(text)
        #expect(records.count == 4)
        let byRep = Dictionary(grouping: records, by: \.repetition)
        for (_, pair) in byRep {
            #expect(pair.count == 2)
            #expect(pair[0].problemSeed == pair[1].problemSeed)
            #expect(pair[0].runSeed != pair[1].runSeed)
            #expect(pair[0].trace.first?.fingerprint == pair[1].trace.first?.fingerprint)
            // Same mini-batch stream: two identical methods end bit for bit at the same iterate.
            #expect(pair[0].finalFingerprint == pair[1].finalFingerprint)
        }
        #expect(byRep[0]?.first?.problemSeed != byRep[1]?.first?.problemSeed)
        let epochs = try #require(records.first?.final.progress.epochs)
        #expect(epochs == 50.0 * 4 / 64)
    }

    @Test func epochBudgetForMiniBatches() throws {
        let text =
            header("budget: {max-iterations: 100000, max-epochs: 2}")
            + "problems: [{kind: lsq, n: 64, batch-size: 8}]\noptimizers: [{kind: gd, lr: 1e-4}]\n"
        let record = try #require(try run(text).first)
        #expect(record.status == .budget)
        #expect(record.final.progress.iteration == 16)
        #expect(record.final.progress.epochs == 2)
    }

    @Test func scheduleDrivesTheLearningRate() throws {
        let text =
            header("budget: {max-iterations: 20}")
            + "problems: [{kind: quad}]\noptimizers: [{kind: gd, lr: 0.01, schedule: {kind: exponential, gamma: "
            + "0.5}}]\n"
        let record = try #require(try run(text).first)
        #expect(record.optimizer.id == "gd[lr=0.01,schedule=exponential[gamma=0.5]]")
        #expect(record.optimizer.schedule == ScheduleIdentity(kind: "exponential", parameters: ["gamma": "0.5"]))
        for point in record.trace where point.iteration > 0 {
            #expect(point.learningRate == 0.01 * Foundation.pow(0.5, Double(point.iteration - 1)))
        }
    }

    @Test func recordsAreIdenticalForAnyJobCountAndOnRepeat() throws {
        let text =
            header("budget: {max-iterations: 300}")
                + """
                repetitions: 3
                problems:
                  - {kind: quad, d: [2, 5], kappa: [10, 100]}
                  - {kind: lsq, n: 32, batch-size: [4, full]}
                optimizers:
                  - {kind: gd, lr: [1/L, 0.5/L]}
                """.replacingOccurrences(of: "lr: [1/L, 0.5/L]", with: "lr: [0.05, 0.01]")
        let one = try run(text, jobs: 1)
        let two = try run(text, jobs: 2)
        let again = try run(text, jobs: 2)
        #expect(one.count == (4 + 2) * 3 * 2)
        #expect(try bits(one) == bits(two))
        #expect(try bits(one) == bits(again))
        #expect(one.map(\.id) == one.map(\.id).sorted())
    }
}

@Suite struct BatchConstantTests {
    @Test func bIsTheRunsBatchSize() throws {
        let text =
            "name: t\nseed: 3\nbudget: {max-iterations: 5}\nproblems: [{kind: lsq, n: 64, batch-size: [4, 8, "
            + "full]}]\noptimizers: [{kind: gd, lr: 0.01*b/4}]\n"
        let records = try SuiteRunner.records(try plan(text))
        let lr = Dictionary(
            uniqueKeysWithValues: records.map { ($0.problem.batchSize ?? 64, $0.optimizer.parameters["lr"]) })
        #expect(lr[4] == "0.01")
        #expect(lr[8] == "0.02")
        #expect(lr[64] == "0.16")
        #expect(records.allSatisfy { $0.optimizer.id == "gd[lr=0.01*b/4]" })
    }
}

@Suite struct DeterminismCheckTests {
    /// Each `make` gets a larger step, so the timing replays cannot end where the monitored pass did.
    @Test func timingRepeatsThatDisagreeMakeTheRunAnError() throws {
        let counter = CallCounter()
        var catalog = TestKinds.catalog
        catalog.optimizers.append(
            OptimizerKind(
                name: "drifting", summary: "", updateRule: "", conventions: "", references: [], parameters: [],
                acceptsSchedule: false,
                make: { _, _, _ in
                    counter.tick()
                    return TestGradientDescent(
                        schedule: 0.001 * Double(counter.total), failAt: 0, nanAt: 0, sleepMicroseconds: 0)
                }))
        let text =
            "name: t\nseed: 1\nbudget: {max-iterations: 20}\nproblems: [{kind: quad}]\noptimizers: [{kind: drifting}]\n"
        let record = try #require(try SuiteRunner.records(try RunPlan(suite: suite(text, catalog: catalog))).first)
        #expect(record.status == .error)
        #expect(record.message?.contains("not deterministic") == true)
    }
}
