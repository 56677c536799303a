import Checking
import Foundation
import Results
import Testing

/// Count, final-gap and time tolerances: parsing and the slack rule
/// `|current − baseline| ≤ max(relative × baseline, absolute)`, checked at its edges by hand.
@Suite struct ComparisonToleranceTests {
    typealias F = ComparisonFixtures

    @Test func countTolerancesParseFromTheirWrittenForms() {
        #expect(CountTolerance.parse("5%") == CountTolerance(relative: 0.05, absolute: 0))
        #expect(CountTolerance.parse("3") == CountTolerance(relative: 0, absolute: 3))
        #expect(CountTolerance.parse("2%,1") == CountTolerance(relative: 0.02, absolute: 1))
        #expect(CountTolerance.parse("1, 2.5%") == CountTolerance(relative: 0.025, absolute: 1))
        #expect(CountTolerance.parse("0") == .exact)
        for bad in ["", "abc", "-1", "-5%", "5%,6%", "1,2", "5 %x", "inf", "1,2,3%"] {
            #expect(CountTolerance.parse(bad) == nil, "'\(bad)'")
        }
        #expect(CountTolerance(relative: 0.02, absolute: 1).description == "±2% or ±1")
        #expect(CountTolerance.exact.description == "exact")
    }

    @Test func aBadCountToleranceIsAnErrorNamingTheOption() {
        #expect {
            try CountTolerance(parsing: "5x", what: "--tolerance")
        } throws: { error in
            (error as? ResultsError)?.message
                == "--tolerance: expected a count tolerance such as 5%, 3 or 2%,1 (non-negative), found '5x'"
        }
    }

    /// 5% of 40 is 2: 42 is within, 43 is not; 38 within, 37 an improvement.
    @Test func aRelativeToleranceAllowsAFractionOfTheBaselineCount() throws {
        let baseline = try F.record()
        let policy = ComparisonPolicy(counts: CountTolerance(relative: 0.05))
        for (iterations, verdict) in [
            (42, RunVerdict.unchanged), (43, .regression), (38, .unchanged), (37, .improvement),
        ] {
            var current = baseline
            current.targets.ladder[2].hit?.iteration = iterations
            let report = try F.compare([baseline], [current], policy: policy)
            #expect(report.runs[0].verdict == verdict, "\(iterations) iterations")
        }
        var within = baseline
        within.targets.ladder[2].hit?.iteration = 42
        let report = try F.compare([baseline], [within], policy: policy)
        #expect(report.runs[0].findings == [Finding(.note, "iterations to 1e-06: 40 → 42 (+2; tolerance ±5%)")])
        #expect(report.exitCode == .success)
        #expect(report.unchangedSummary == "1 unchanged (1 with differences within tolerance)")
        #expect(ReportTable.render(report).contains("\n1 unchanged (1 with differences within tolerance).\n"))
    }

    @Test func anAbsoluteToleranceAllowsAFixedCount() throws {
        let baseline = try F.record()
        let policy = ComparisonPolicy(counts: CountTolerance(absolute: 3))
        for (iterations, verdict) in [
            (13, RunVerdict.unchanged), (14, .regression), (7, .unchanged), (6, .improvement),
        ] {
            var current = baseline
            current.targets.ladder[0].hit?.iteration = iterations
            #expect(try F.compare([baseline], [current], policy: policy).runs[0].verdict == verdict, "\(iterations)")
        }
    }

    /// `2%,1`: at 40 the slack is max(0.8, 1) = 1; at 100 it is max(2, 1) = 2.
    @Test func aCombinedToleranceTakesTheLargerSlack() throws {
        let baseline = try F.record()
        let policy = ComparisonPolicy(counts: CountTolerance(relative: 0.02, absolute: 1))
        for (index, iterations, verdict) in [
            (2, 41, RunVerdict.unchanged), (2, 42, .regression),
            (3, 102, .unchanged), (3, 103, .regression),
        ] {
            var current = baseline
            current.targets.ladder[index].hit?.iteration = iterations
            #expect(try F.compare([baseline], [current], policy: policy).runs[0].verdict == verdict, "\(iterations)")
        }
    }

    @Test func aToleranceDoesNotExcuseALostTarget() throws {
        let baseline = try F.record()
        var current = baseline
        current.targets.ladder[3].hit = nil
        let policy = ComparisonPolicy(counts: CountTolerance(relative: 0.5, absolute: 100))
        #expect(try F.compare([baseline], [current], policy: policy).runs[0].verdict == .regression)
    }

    @Test func timeAndGapTolerancesParse() throws {
        #expect(try ComparisonPolicy.parseTimeRatio("1.5", what: "--time-tolerance") == 1.5)
        #expect(try ComparisonPolicy.parseTimeRatio("50%", what: "--time-tolerance") == 1.5)
        for bad in ["1", "0.9", "x", "-50%", "inf"] {
            #expect(throws: ResultsError.self) { try ComparisonPolicy.parseTimeRatio(bad, what: "--time-tolerance") }
        }
        #expect(try ComparisonPolicy.parseGapTolerance("1e-6", what: "--gap-tolerance") == 1e-6)
        #expect(throws: ResultsError.self) { try ComparisonPolicy.parseGapTolerance("-1e-6", what: "--gap-tolerance") }
    }
}
