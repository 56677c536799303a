import Analysis
import Harness
import Results
import Testing

/// What runs record while training: sharpness (against a known L), held-out loss and accuracy, the
/// update norm (against lr·‖∇f‖ of plain GD), the regularised objective of coupled weight decay,
/// the loss and held-out-accuracy targets, and the claims' decision rule on real records.
@Suite struct TrainingMeasurementTests {
    static func records(_ text: String) throws -> [RunRecord] {
        try SuiteRunner.records(
            try RunPlan(suite: SuiteLoader(catalog: .builtIn).load(text: text, file: "training.yaml")))
    }

    @Test func sharpnessIsTheLargestHessianEigenvalueAndIsNotCountedAsOptimizerWork() throws {
        let records = try Self.records(
            """
            name: sharpness
            seed: 3
            sharpness: trace
            budget: {max-iterations: 20}
            targets: {measure: gradient-norm, thresholds: [1e-12]}
            problems:
              - {kind: quadratic, d: 6, kappa: 10, mu: 0.5}
            optimizers:
              - {kind: sgd, lr: 0.01}
            """)
        let record = try #require(records.first)
        // quadratic: L = κ·μ = 5 (reference §C.5), the same Hessian everywhere; power iteration stops when
        // two Rayleigh quotients agree to 1e-4, so the first estimate is that close, later warm-started ones closer.
        #expect(abs(try #require(record.final.sharpness) - 5) <= 1e-6)
        #expect(record.trace.allSatisfy { abs(($0.sharpness ?? 0) - 5) <= 5e-3 })
        #expect(record.final.progress.hessianVectorProducts == 0)
        #expect((record.final.sharpnessHessianVectorProducts ?? 0) > record.trace.count)
    }

    @Test func networkRunsRecordHeldOutCurvesUpdateNormsAndAccuracyTargets() throws {
        let records = try Self.records(
            """
            name: network
            seed: 5
            budget: {max-iterations: 60}
            targets: {measure: held-out-accuracy, thresholds: [0.9, 0.6]}
            problems:
              - {kind: mlp, data: two-moons, n: 200, hidden: [8]}
            optimizers:
              - {kind: sgd, lr: 0.5}
            """)
        let record = try #require(records.first)
        #expect(record.targets.ladder.map(\.threshold) == [0.6, 0.9]) // ascending: easiest first
        #expect(record.trace.allSatisfy { $0.heldOutLoss != nil && $0.heldOutAccuracy != nil })
        #expect(record.final.heldOutLoss != nil && record.final.regularizedValue == nil)
        // Full-batch GD: the step from x_{k−1} to x_k has length lr·‖∇f(x_{k−1})‖ (iterations 1, 2, 3 are all marks).
        for k in 1...3 {
            let point = record.trace[k], previous = record.trace[k - 1]
            #expect(point.iteration == k && previous.iteration == k - 1)
            let expected = 0.5 * previous.gradientNorm
            #expect(abs(try #require(point.updateNorm) - expected) <= 1e-12 * expected)
        }
        if let hit = record.targets.ladder[0].hit {
            let point = try #require(record.trace.first { $0.iteration == hit.iteration })
            #expect((point.heldOutAccuracy ?? 0) >= 0.6)
            let before = record.trace.filter { $0.iteration < hit.iteration }
            #expect(before.allSatisfy { ($0.heldOutAccuracy ?? 1) < 0.6 })
        }
    }

    @Test func coupledWeightDecayRecordsTheRegularisedObjectiveAndLossTargetsAreAbsolute() throws {
        let records = try Self.records(
            """
            name: decay
            seed: 7
            budget: {max-iterations: 30}
            targets: {measure: loss, thresholds: [0.6, 1e-9]}
            problems:
              - {kind: mlp, data: spirals, n: 150, hidden: [8]}
            optimizers:
              - {kind: adam, lr: 0.01, weight-decay: 0.1}
              - {kind: adamw, lr: 0.01, weight-decay: 0.1}
            """)
        let coupled = try #require(records.first { $0.optimizer.kind == "adam" })
        let decoupled = try #require(records.first { $0.optimizer.kind == "adamw" })
        #expect(decoupled.final.regularizedValue == nil && decoupled.trace.allSatisfy { $0.regularizedValue == nil })
        // f + (λ/2)‖x‖² > f, and the difference is the same (λ/2)‖x‖² however f changes.
        let regularized = try #require(coupled.final.regularizedValue)
        #expect(regularized > coupled.final.value)
        #expect(coupled.trace.allSatisfy { ($0.regularizedValue ?? 0) > $0.value })
        for record in records {
            if let hit = record.targets.ladder[0].hit {
                #expect(try #require(record.trace.first { $0.iteration == hit.iteration }).value <= 0.6)
            }
        }
    }

    @Test func claimsFollowTheirDecisionRuleOnRealRecords() throws {
        let records = try Self.records(
            """
            name: claims
            seed: 9
            repetitions: 5
            budget: {max-iterations: 40}
            targets: {measure: loss, thresholds: [1e-9]}
            problems:
              - {kind: mlp, data: two-moons, n: 200, hidden: [8]}
            optimizers:
              - {kind: sgd, lr: 0.5}
              - {kind: sgd, lr: 1e-6}
            """)
        let problem = "mlp[data=two-moons,hidden=[8],n=200]"
        func id(_ lr: String) throws -> String {
            try #require(records.first { $0.optimizer.parameters["lr"] == lr }).optimizer.id
        }
        let fast = TrainingClaim.Group(label: "lr 0.5", problem: problem, optimizer: try id("0.5"))
        let slow = TrainingClaim.Group(label: "lr 1e-6", problem: problem, optimizer: try id("1e-06"))
        #expect(records.count == 10)
        let claim = TrainingClaim(
            statement: "a step helps", source: "test", quantity: .trainingLoss, better: fast, worse: slow)
        guard let outcome = claim.evaluate(records) else {
            Issue.record("no outcome for \(fast.optimizer) against \(slow.optimizer)")
            return
        }
        #expect(outcome.supported && outcome.measurements.map(\.count) == [5, 5])
        let reversed = TrainingClaim(
            statement: "a step hurts", source: "test", quantity: .trainingLoss, better: slow, worse: fast)
        #expect(try #require(reversed.evaluate(records)).supported == false)
        let missing = TrainingClaim.Group(label: "none", problem: problem, optimizer: "adam[lr=1]")
        #expect(
            TrainingClaim(statement: "x", source: "t", quantity: .trainingLoss, better: missing, worse: fast).evaluate(
                records) == nil)
    }
}
