import Results
import SuiteLanguage
import Testing

@testable import Harness

/// The monitored pass steps in runs up to ``CheckSchedule/nextLook(after:)`` and asks the schedule
/// only at the ends of runs: it must look at exactly the iterations it would look at when asked after
/// every iteration.
@Suite struct CheckScheduleTests {
    static func settings(exactCheckIterations: Int) -> RunSettings {
        var settings = RunSettings(
            budget: Budget(maxIterations: 200_000), targets: TargetLadder(measure: .absoluteGap, thresholds: [1e-6]))
        settings.exactCheckIterations = exactCheckIterations
        return settings
    }

    @Test(arguments: [1000, 7, 1])
    func runsOfStepsLookWhereSingleStepsLook(exactCheckIterations: Int) {
        let settings = Self.settings(exactCheckIterations: exactCheckIterations)
        let marks = RunLoop.traceIterations(limit: 200_000, points: 100)
        var everyStep = CheckSchedule(marks: marks, miniBatchSampleCount: nil, settings: settings)
        var expected: [Int: CheckSchedule.Decision] = [:]
        for iteration in 1...200_000 {
            let decision = everyStep.decide(after: iteration, rowGradients: 0)
            if decision.check || decision.atMark { expected[iteration] = decision }
        }
        var runs = CheckSchedule(marks: marks, miniBatchSampleCount: nil, settings: settings)
        var seen: [Int: CheckSchedule.Decision] = [:]
        var iteration = 0
        while iteration < 200_000 {
            // As RunLoop.monitored: the next look, the budget and the next multiple of 64.
            iteration = min(runs.nextLook(after: iteration), 200_000, (iteration | 63) + 1)
            let decision = runs.decide(after: iteration, rowGradients: 0)
            if decision.check || decision.atMark { seen[iteration] = decision }
        }
        #expect(seen.count == expected.count)
        #expect(seen.keys.sorted() == expected.keys.sorted())
        #expect(seen.allSatisfy { expected[$0.key]?.check == $0.value.check })
        #expect(seen.allSatisfy { expected[$0.key]?.atMark == $0.value.atMark })
        #expect(expected.count > marks.count)
    }

    @Test func aMiniBatchRunLooksAfterEveryIteration() {
        let schedule = CheckSchedule(
            marks: [0, 10], miniBatchSampleCount: 100, settings: Self.settings(exactCheckIterations: 1000))
        #expect(schedule.nextLook(after: 5) == 6)
    }
}
