import Checking
import Foundation
import Results
import Testing

/// Localising the first difference from the fingerprints at the trace checkpoints
/// (0, 1, 2, 4, 8, 16, 32, 40, 63, 100 in the fixture).
@Suite struct ComparisonDivergenceTests {
    typealias F = ComparisonFixtures

    @Test func theReportNamesTheLastEqualAndFirstDifferentCheckpoints() throws {
        let baseline = try F.record()
        var current = baseline
        F.diverge(&current, from: 50)
        let divergence = TraceDivergence.locate(baseline: baseline, current: current)
        #expect(divergence == TraceDivergence(lastEqualIteration: 40, firstDifferentIteration: 63))
        #expect(divergence.description == "first differs between iteration 40 (equal) and 63 (different)")
        let report = try F.compare([baseline], [current])
        #expect(report.runs[0].divergence == divergence)
        #expect(
            report.runs[0].findings[0].text.hasSuffix("; first differs between iteration 40 (equal) and 63 (different)")
        )
    }

    @Test(arguments: [(1, 0, 1), (3, 2, 4), (33, 32, 40), (64, 63, 100)])
    func everyStartOfADifferenceIsBracketedByNeighbouringCheckpoints(from: Int, equal: Int, different: Int) throws {
        let baseline = try F.record()
        var current = baseline
        F.diverge(&current, from: from)
        #expect(
            TraceDivergence.locate(baseline: baseline, current: current)
                == TraceDivergence(lastEqualIteration: equal, firstDifferentIteration: different))
    }

    @Test func aDifferentStartingPointDiffersAtIterationZero() throws {
        let baseline = try F.record()
        var current = baseline
        F.diverge(&current, from: 0)
        let divergence = TraceDivergence.locate(baseline: baseline, current: current)
        #expect(divergence == TraceDivergence(lastEqualIteration: nil, firstDifferentIteration: 0))
        #expect(divergence.description == "differs already at iteration 0, the first checkpoint both runs recorded")
    }

    /// The current run goes on to iteration 150 (its end is a new checkpoint) along the same path:
    /// every common checkpoint agrees, and only the final iterates differ.
    @Test func aLongerRunAlongTheSamePathAgreesAtEveryCommonCheckpoint() throws {
        let baseline = try F.record()
        var current = baseline
        current.trace.append(
            TracePoint(
                iteration: 150, gradientEvaluations: 150, functionEvaluations: 75, epochs: nil,
                seconds: nil, value: 1e-9, gap: 1e-9, gradientNorm: 1e-5, learningRate: 0.1,
                fingerprint: F.fingerprint(150)))
        current.final.progress.iteration = 150
        current.finalFingerprint = F.fingerprint(150)
        let divergence = TraceDivergence.locate(baseline: baseline, current: current)
        #expect(divergence == TraceDivergence(lastEqualIteration: 100, firstDifferentIteration: nil))
        #expect(
            divergence.description
                == "equal at every checkpoint both runs recorded (the last common one is iteration 100)")
    }

    /// Checkpoints are matched by iteration, not by position: a point the current trace lacks
    /// (iteration 16) is skipped, not compared with its neighbour.
    @Test func checkpointsAreMatchedByIteration() throws {
        let baseline = try F.record()
        var current = baseline
        current.trace.removeAll { $0.iteration == 16 }
        F.diverge(&current, from: 40)
        #expect(
            TraceDivergence.locate(baseline: baseline, current: current)
                == TraceDivergence(lastEqualIteration: 32, firstDifferentIteration: 40))
    }
}
