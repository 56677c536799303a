import Analysis
import Foundation
import Results
import Testing

/// DimensionScaling's fits and the dimension claims, on hand-built records whose costs follow known
/// powers of d.
struct DimensionScalingTests {
    /// Runs of one optimizer on a κ = 10 quadratic family: `iterations(d)` to the target, and the
    /// timed replay taking `secondsPerIteration(d)` per iteration.
    /// `slowdowns(d)` are the replays' factors over the undisturbed time (default: one replay, 1).
    static func runs(
        rotation: String, iterations: (Int) -> Int, secondsPerIteration: (Int) -> Double,
        slowdowns: (Int) -> [Double] = { _ in [1] }
    ) -> [RunRecord] {
        [2, 8, 32, 128, 512, 2048, 4096].map { d in
            let hit = RecordBuilder.checkpoint(iterations(d))
            var record = RecordBuilder.record(
                problemParameters: ["d": "\(d)", "kappa": "10", "rotation": rotation], dimension: d,
                optimizer: "sgd", hits: [hit], final: hit)
            let total = secondsPerIteration(d) * Double(iterations(d))
            let repeats = slowdowns(d).map { total * $0 }
            record.wallTime = WallTime(medianSeconds: Median.of(repeats), repeats: repeats)
            return record
        }
    }

    static func timingRow(_ records: [RunRecord]) -> TheoryCheck? {
        DimensionScaling.checks(DimensionScaling.all(ResultSet(records: records), targetIndex: 0))
            .first { $0.check.hasPrefix("seconds/iteration") }
    }

    @Test func aLoadedMachineDoesNotFailATrueTimingClaim() throws {
        // Quadratic time plus a fixed 20 µs per iteration, and one replay in three slowed threefold at
        // every d (other processes): the fastest replays over d ≥ 512 give p ≈ 1.96, and the two
        // fastest replays agree to 8%, so the range widens by only 2·log₁₀1.08/log₁₀8 ≈ 0.07.
        let records = Self.runs(
            rotation: "random", iterations: { _ in 40 }, secondsPerIteration: { 2e-5 + 1e-9 * Double($0 * $0) },
            slowdowns: { _ in [3, 1, 1.08] })
        let row = try #require(Self.timingRow(records))
        #expect(row.passed && !row.skipped, "\(row)")
        #expect(row.measured.contains("p = 1.96") && row.predicted.contains("± 0.07"), "\(row)")
    }

    @Test func timingsThatContradictTheClaimFailWithinTheTolerance() throws {
        // Linear time on a dense problem, the two fastest replays ×1.5 apart (tolerance 0.39, near the
        // largest allowed): the range widens to [1.11, 2.89] and p = 1 still fails.
        let dense = Self.runs(
            rotation: "random", iterations: { _ in 40 }, secondsPerIteration: { 1e-9 * Double($0) },
            slowdowns: { _ in [1, 1.5, 1.5] })
        let denseRow = try #require(Self.timingRow(dense))
        #expect(!denseRow.passed && !denseRow.skipped, "\(denseRow)")
        // Quadratic time on an axis-aligned problem: fails likewise.
        let axis = Self.runs(
            rotation: "none", iterations: { _ in 40 }, secondsPerIteration: { 1e-9 * Double($0 * $0) },
            slowdowns: { _ in [1, 1.5, 1.2] })
        let axisRow = try #require(Self.timingRow(axis))
        #expect(!axisRow.passed && !axisRow.skipped, "\(axisRow)")
    }

    @Test func timingsThatAreNoPowerLawAreASkipNeverAPass() throws {
        // Every replay 30 times slower from d = 2048 on (the matrix leaves the cache while other jobs
        // share the memory bandwidth): the replays agree, but the three points scatter about the line
        // (SE of p ≈ 0.61), so the growth cannot be read off them.
        let records = Self.runs(
            rotation: "random", iterations: { _ in 40 },
            secondsPerIteration: { ($0 >= 2048 ? 30 : 1) * 1e-9 * Double($0 * $0) },
            slowdowns: { _ in [1, 1.02, 1.01] })
        let row = try #require(Self.timingRow(records))
        #expect(row.skipped && !row.passed, "\(row)")
        #expect(row.measured.contains("SE of p 0.61"), "\(row)")
    }

    @Test func timingsTooNoisyToDecideAreASkipNeverAPass() throws {
        // The two fastest replays ×3 apart at one d: tolerance 2·log₁₀3/log₁₀8 ≈ 1.06 > 0.4.
        let records = Self.runs(
            rotation: "random", iterations: { _ in 40 }, secondsPerIteration: { 1e-9 * Double($0 * $0) },
            slowdowns: { $0 == 2048 ? [1, 3] : [1] })
        let row = try #require(Self.timingRow(records))
        #expect(row.skipped && !row.passed, "\(row)")
    }

    @Test func flatIterationsAndQuadraticTimePassTheDenseChecks() throws {
        let records = Self.runs(
            rotation: "random", iterations: { 40 + $0 % 3 }, secondsPerIteration: { 1e-9 * Double($0 * $0) })
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
        let quadratic = Self.runs(
            rotation: "none", iterations: { _ in 45 }, secondsPerIteration: { 1e-9 * Double($0 * $0) })
        #expect(
            DimensionScaling.checks(DimensionScaling.all(ResultSet(records: linear), targetIndex: 0)).allSatisfy {
                $0.passed
            })
        #expect(
            DimensionScaling.checks(DimensionScaling.all(ResultSet(records: quadratic), targetIndex: 0)).contains {
                !$0.passed
            })
    }
}
