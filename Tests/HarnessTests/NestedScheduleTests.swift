import Harness
import Testing

/// A schedule that hands over to another (`warmup` … `then: cosine`) takes the parameters of the
/// schedule it names, as the warmup kind documents; anything else is still an unknown key.
@Suite struct NestedScheduleTests {
    static func text(_ schedule: String) -> String {
        """
        name: t
        seed: 1
        problems:
          - kind: narrow-valley
        optimizers:
          - kind: sgd
            lr: 0.01
            schedule: \(schedule)
        """
    }

    @Test func warmupTakesTheInnerScheduleParameters() throws {
        let loaded = try suite(Self.text("{kind: warmup, warmup-steps: 5, then: cosine, t-max: 50}"), catalog: .builtIn)
        let plan = try RunPlan(suite: loaded)
        try SuiteRunner.validate(plan)
        #expect(plan.specs.count == 1)
    }

    @Test func aKeyOfNeitherScheduleIsUnknown() throws {
        do {
            _ = try suite(
                Self.text("{kind: warmup, warmup-steps: 5, then: cosine, t-maks: 50}"), catalog: .builtIn,
                file: "bad.yaml")
            Issue.record("t-maks accepted")
        } catch let error as SuiteError {
            #expect(error.keyPath == "optimizers[0].schedule.t-maks")
            #expect(error.message.contains("did you mean 't-max'"))
        }
    }

    @Test func innerParametersNeedTheInnerSchedule() throws {
        do {
            _ = try suite(Self.text("{kind: warmup, warmup-steps: 5, t-max: 50}"), catalog: .builtIn, file: "bad.yaml")
            Issue.record("t-max accepted without then: cosine")
        } catch let error as SuiteError {
            #expect(error.keyPath == "optimizers[0].schedule.t-max")
        }
    }
}
