import Analysis
import Foundation
import Results
import Testing

/// DimensionScaling's fits and the dimension claims, on hand-built records whose costs follow known
/// powers of d.
struct DimensionScalingTests {
    /// Runs of one optimizer on a κ = 10 quadratic family: `iterations(d)` to the target, and the
    /// timed replay taking `secondsPerIteration(d)` per iteration.
    static func runs(rotation: String, iterations: (Int) -> Int, secondsPerIteration: (Int) -> Double) -> [RunRecord] {
        [2, 8, 32, 128, 512, 2048, 4096].map { d in
            let hit = RecordBuilder.checkpoint(iterations(d))
            var record = RecordBuilder.record(
                problemParameters: ["d": "\(d)", "kappa": "10", "rotation": rotation], dimension: d,
                optimizer: "sgd", hits: [hit], final: hit)
            let total = secondsPerIteration(d) * Double(iterations(d))
            record.wallTime = WallTime(medianSeconds: total, repeats: [total])
            return record
        }
    }

    @Test func flatIterationsAndQuadraticTimePassTheDenseChecks() throws {
        let records = Self.runs(rotation: "random", iterations: { 40 + $0 % 3 }, secondsPerIteration: { 1e-9 * Double($0 * $0) })
        let series = DimensionScaling.all(ResultSet(records: records), targetIndex: 0)
        #expect(series.count == 1)
        let fit = try #require(series.first?.secondsFit)
        #expect(abs(fit.slope - 2) < 1e-9 && fit.points == 4)
        let checks = DimensionScaling.checks(series)
        #expect(checks.count == 2)
        #expect(checks.allSatisfy { $0.passed })
    }

    @Test func growingIterationsOrLinearTimeOnADenseProblemFail() {
        let records = Self.runs(rotation: "random", iterations: { $0 }, secondsPerIteration: { 1e-9 * Double($0) })
        let checks = DimensionScaling.checks(DimensionScaling.all(ResultSet(records: records), targetIndex: 0))
        #expect(checks.count == 2)
        #expect(checks.allSatisfy { !$0.passed })
    }

    @Test func axisAlignedProblemsAreHeldToLinearTime() {
        let linear = Self.runs(rotation: "none", iterations: { _ in 45 }, secondsPerIteration: { 1e-9 * Double($0) })
        let quadratic = Self.runs(rotation: "none", iterations: { _ in 45 }, secondsPerIteration: { 1e-9 * Double($0 * $0) })
        #expect(DimensionScaling.checks(DimensionScaling.all(ResultSet(records: linear), targetIndex: 0)).allSatisfy { $0.passed })
        #expect(DimensionScaling.checks(DimensionScaling.all(ResultSet(records: quadratic), targetIndex: 0)).contains { !$0.passed })
    }
}
