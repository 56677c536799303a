import Checking
import Foundation
import Results
import Testing

/// Each kind of change, made by hand to a copy of the base record, against the classification
/// rules of README "What counts as a change": regressions (status worse, more iterations, target lost), improvements
/// (the opposite), behaviour changes (fingerprint, final gap, failure kind), missing and new runs,
/// and wall time only with a time tolerance.
@Suite struct ComparisonClassificationTests {
    typealias F = ComparisonFixtures

    @Test func identicalRecordsAreCleanWithExitCodeZero() throws {
        let records = [try F.record("a/gd/rep=0"), try F.record("b/gd/rep=0")]
        let report = try F.compare(records, records)
        #expect(report.runs.map(\.verdict) == [.unchanged, .unchanged])
        #expect(report.runs.allSatisfy { $0.findings.isEmpty })
        #expect(!report.failed)
        #expect(report.exitCode == .success)
        #expect(report.exitCode.rawValue == 0)
        #expect(report.headline == "PASS — 2 unchanged")
    }

    @Test func statusConvergedToBudgetWithTheLastTargetLostIsARegression() throws {
        let baseline = try F.record()
        var current = baseline
        current.status = .budget
        current.targets.ladder[3].hit = nil
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].verdict == .regression)
        #expect(report.runs[0].findings.map(\.kind) == [.regression, .regression])
        #expect(report.runs[0].findings[0].text == "status converged → budget")
        #expect(report.runs[0].findings[1].text == "target 1e-08 no longer hit (baseline: iteration 100)")
        #expect(report.exitCode.rawValue == 1)
    }

    @Test(arguments: [RunStatus.diverged, .timeout, .error])
    func anyFailureAfterConvergingIsARegression(status: RunStatus) throws {
        let baseline = try F.record()
        var current = baseline
        current.status = status
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].verdict == .regression)
        #expect(report.exitCode == .regression)
    }

    @Test func budgetToConvergedIsAnImprovementAndPasses() throws {
        var baseline = try F.record()
        baseline.status = .budget
        baseline.targets.ladder[3].hit = nil
        let current = try F.record()
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].verdict == .improvement)
        #expect(
            report.runs[0].findings.map(\.text) == [
                "status budget → converged", "target 1e-08 now hit (iteration 100)",
            ])
        #expect(report.exitCode == .success)
    }

    @Test func divergedToErrorIsABehaviourChangeThatFailsUnlessAllowed() throws {
        var baseline = try F.record()
        baseline.status = .diverged
        var current = baseline
        current.status = .error
        current.message = "non-finite gradient"
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].verdict == .behaviourChange)
        #expect(report.runs[0].findings[0].text == "status diverged → error (non-finite gradient)")
        #expect(report.exitCode == .regression)
        let allowed = try F.compare([baseline], [current], policy: ComparisonPolicy(allowBehaviourChanges: true))
        #expect(allowed.runs[0].verdict == .behaviourChange)
        #expect(allowed.exitCode == .success)
    }

    @Test func oneMoreIterationToATargetIsARegression() throws {
        let baseline = try F.record()
        var current = baseline
        current.targets.ladder[2].hit?.iteration = 41
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].verdict == .regression)
        #expect(report.runs[0].findings == [Finding(.regression, "iterations to 1e-06: 40 → 41 (+1; tolerance exact)")])
        #expect(report.exitCode == .regression)
    }

    @Test func moreEvaluationsOfAnyKindIsARegression() throws {
        let baseline = try F.record()
        var gradients = baseline
        gradients.targets.ladder[0].hit?.gradientEvaluations = 11
        var functions = baseline
        functions.targets.ladder[1].hit?.functionEvaluations = 11
        var products = baseline
        products.targets.ladder[1].hit?.hessianVectorProducts = 1
        for current in [gradients, functions, products] {
            let report = try F.compare([baseline], [current])
            #expect(report.runs[0].verdict == .regression)
        }
        #expect(
            try F.compare([baseline], [gradients]).runs[0].findings[0].text
                == "gradient evaluations to 0.01: 10 → 11 (+1; tolerance exact)")
        #expect(
            try F.compare([baseline], [functions]).runs[0].findings[0].text
                == "function evaluations to 0.0001: 10 → 11 (+1; tolerance exact)")
    }

    @Test func fewerIterationsIsAnImprovement() throws {
        let baseline = try F.record()
        var current = baseline
        current.targets.ladder[2].hit?.iteration = 38
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].verdict == .improvement)
        #expect(report.runs[0].findings[0].text == "iterations to 1e-06: 40 → 38 (-2; tolerance exact)")
        #expect(report.exitCode == .success)
    }

    @Test func aRegressionOutranksAnImprovementInTheSameRun() throws {
        let baseline = try F.record()
        var current = baseline
        current.targets.ladder[0].hit?.iteration = 9
        current.targets.ladder[2].hit = nil
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].verdict == .regression)
        #expect(report.runs[0].findings.map(\.kind) == [.regression, .improvement])
    }

    @Test func aChangedFingerprintWithEqualCountsIsABehaviourChange() throws {
        let baseline = try F.record()
        var current = baseline
        F.diverge(&current, from: 50)
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].verdict == .behaviourChange)
        #expect(report.runs[0].findings.count == 1)
        #expect(
            report.runs[0].findings[0].text.hasPrefix(
                "final iterate changed (fingerprint \(F.fingerprint(100)) → \(F.fingerprint(100, variant: 1)))"))
        #expect(report.exitCode == .regression)
        let allowed = try F.compare([baseline], [current], policy: ComparisonPolicy(allowBehaviourChanges: true))
        #expect(allowed.runs[0].verdict == .behaviourChange)
        #expect(allowed.exitCode == .success)
        let notCompared = try F.compare([baseline], [current], policy: ComparisonPolicy(compareFingerprints: false))
        #expect(notCompared.runs[0].verdict == .unchanged)
    }

    /// Default relative tolerance 1e-9: |c − b| ≤ 1e-9 · max(|b|, |c|).
    @Test func theFinalGapMovesBeyondItsRelativeToleranceEitherWay() throws {
        let baseline = try F.record()
        for (gap, expected) in [
            (5e-9 * (1 + 4e-10), RunVerdict.unchanged), (5e-9 * (1 - 4e-10), .unchanged),
            (5e-9 * (1 + 3e-9), .behaviourChange), (5e-9 * (1 - 3e-9), .behaviourChange),
            (4e-9, .behaviourChange), (6e-9, .behaviourChange),
        ] {
            var current = baseline
            current.final.gap = gap
            let report = try F.compare([baseline], [current])
            #expect(report.runs[0].verdict == expected, "gap \(gap)")
        }
        var looser = baseline
        looser.final.gap = 5e-9 * (1 + 3e-9)
        #expect(
            try F.compare([baseline], [looser], policy: ComparisonPolicy(finalGap: 1e-8)).runs[0].verdict == .unchanged)
    }

    @Test func withoutAnOptimumTheFinalValueIsCompared() throws {
        var baseline = try F.record()
        baseline.final.gap = nil
        baseline.final.value = 2.5
        var current = baseline
        current.final.value = 2.5 + 1e-6
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].verdict == .behaviourChange)
        // 2.5 and 2.500001 look alike in six digits, so both are shown in full.
        #expect(report.runs[0].findings[0].text.hasPrefix("final value 2.5 → 2.500001 (relative change"))
    }

    @Test func missingRunsFailAndNewRunsAreListed() throws {
        let kept = try F.record("kept/gd/rep=0")
        let dropped = try F.record("dropped/gd/rep=0")
        let added = try F.record("added/gd/rep=0")
        let missing = try F.compare([kept, dropped], [kept])
        #expect(missing.runs.map(\.verdict) == [.missing, .unchanged])
        #expect(missing.runs[0].id == "dropped/gd/rep=0")
        #expect(missing.exitCode == .regression)
        let new = try F.compare([kept], [kept, added])
        #expect(new.runs.map(\.verdict) == [.new, .unchanged])
        #expect(new.runs[0].id == "added/gd/rep=0")
        #expect(new.exitCode == .success)
    }

    @Test func wallTimeIsComparedOnlyWithATimeTolerance() throws {
        let baseline = try F.record()
        var slower = baseline
        slower.wallTime = WallTime(medianSeconds: 0.002, repeats: [0.002])
        #expect(try F.compare([baseline], [slower]).runs[0].verdict == .unchanged)

        let warned = try F.compare([baseline], [slower], policy: ComparisonPolicy(timeRatio: 1.5))
        #expect(warned.runs[0].verdict == .warning)
        #expect(warned.runs[0].findings[0].text == "slower: median wall time 1 ms → 2 ms (×2, tolerance ×1.5)")
        #expect(warned.exitCode == .success)

        let failed = try F.compare([baseline], [slower], policy: ComparisonPolicy(timeRatio: 1.5, failOnTime: true))
        #expect(failed.runs[0].verdict == .regression)
        #expect(failed.exitCode == .regression)

        // ×2 is within a tolerance of ×2.5.
        #expect(
            try F.compare([baseline], [slower], policy: ComparisonPolicy(timeRatio: 2.5)).runs[0].verdict == .unchanged)

        var faster = baseline
        faster.wallTime = WallTime(medianSeconds: 0.0005, repeats: [0.0005])
        #expect(
            try F.compare([baseline], [faster], policy: ComparisonPolicy(timeRatio: 1.5)).runs[0].verdict == .unchanged)
        #expect(
            try F.compare([baseline], [faster], policy: ComparisonPolicy(timeRatio: 1.5, failOnTime: true)).runs[0]
                .verdict
                == .improvement)
    }

    @Test func runsAreSortedBySeverityThenID() throws {
        let base = try ["e", "d", "c", "b", "a", "f"].map { try F.record("\($0)/gd/rep=0") }
        var current = base
        current[4].targets.ladder[2].hit?.iteration = 39 // a: improvement
        F.diverge(&current[3], from: 0) // b: behaviour change
        current[1].status = .budget // d: regression
        current.remove(at: 0) // e: missing
        current.append(try F.record("0-new/gd/rep=0")) // new
        let report = try F.compare(base, current)
        #expect(
            report.runs.map(\.id) == [
                "d/gd/rep=0", "e/gd/rep=0", "a/gd/rep=0", "b/gd/rep=0", "0-new/gd/rep=0",
                "c/gd/rep=0", "f/gd/rep=0",
            ])
        #expect(
            report.runs.map(\.verdict) == [
                .regression, .missing, .improvement, .behaviourChange, .new, .unchanged, .unchanged,
            ])
        #expect(
            report.headline
                == "FAIL — 1 regression, 1 missing run, 1 behaviour change; 1 improvement, 1 new run, 2 unchanged")
    }

    @Test func aRepeatedRunIDIsAnInputErrorNamingTheSide() throws {
        let record = try F.record()
        #expect {
            try F.compare([record, record], [record])
        } throws: { error in
            (error as? ResultsError)?.message
                == "results/baseline/smoke.jsonl: run id \(record.id) appears more than once"
        }
    }
}
