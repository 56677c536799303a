import Foundation
import Results

/// Hand-built run records for the analysis tests: only the fields a test sets matter.
enum RecordBuilder {
    static func checkpoint(_ iteration: Int, gradients: Int? = nil, seconds: Double? = nil, epochs: Double? = nil)
        -> Checkpoint
    {
        Checkpoint(
            iteration: iteration, gradientEvaluations: gradients ?? iteration, functionEvaluations: 0,
            hessianVectorProducts: 0, hessianEvaluations: 0, epochs: epochs, seconds: seconds)
    }

    static func identifier(_ kind: String, _ parameters: [String: String]) -> String {
        parameters.isEmpty
            ? kind
            : kind + "[" + parameters.keys.sorted().map { "\($0)=\(parameters[$0] ?? "")" }.joined(separator: ",") + "]"
    }

    static func record(
        problem: String = "quadratic", problemParameters: [String: String] = [:], dimension: Int = 2,
        optimizer: String = "sgd", optimizerParameters: [String: String] = [:], optimizerID: String? = nil,
        schedule: ScheduleIdentity? = nil, repetition: Int = 0, status: RunStatus = .converged,
        thresholds: [Double] = [1e-3], hits: [Checkpoint?]? = nil, final: Checkpoint? = nil,
        trace: [TracePoint] = [], batchSize: Int? = nil, milestones: [MilestoneResult] = []
    ) -> RunRecord {
        let problemID = identifier(problem, problemParameters)
        let optimizerID = optimizerID ?? identifier(optimizer, optimizerParameters)
        let hits = hits ?? thresholds.map { _ in nil }
        let end = final ?? hits.compactMap { $0 }.last ?? checkpoint(0)
        return RunRecord(
            id: "\(problemID)/\(optimizerID)/rep=\(repetition)", suite: "test",
            problem: ProblemIdentity(
                id: problemID, kind: problem, parameters: problemParameters, batchSize: batchSize,
                gradientNoise: 0, dimension: dimension, sampleCount: nil),
            optimizer: OptimizerIdentity(
                id: optimizerID, kind: optimizer, parameters: optimizerParameters, schedule: schedule),
            repetition: repetition, problemSeed: RunRecord.hex(0), runSeed: RunRecord.hex(0), status: status,
            message: nil,
            targets: TargetResults(
                measure: .relativeGap, ladder: zip(thresholds, hits).map { TargetHit(threshold: $0, hit: $1) }),
            milestones: milestones, initialValue: 1, optimalValue: 0,
            final: FinalState(
                progress: end, value: trace.last?.value ?? 0, gap: trace.last?.gap, relativeGap: trace.last?.gap,
                gradientNorm: 0, distance: nil, heldOutAccuracy: nil),
            wallTime: WallTime(medianSeconds: 0, repeats: []), trace: trace, finalFingerprint: RunRecord.hex(0))
    }

    /// Trace points with gap = gap0·rateᵏ at the given iterations.
    static func geometricTrace(rate: Double, gap0: Double = 1, at iterations: [Int]) -> [TracePoint] {
        iterations.map { k in
            let gap = gap0 * pow(rate, Double(k))
            return TracePoint(
                iteration: k, gradientEvaluations: k, functionEvaluations: 0, epochs: nil, seconds: nil,
                value: gap, gap: gap, gradientNorm: gap.squareRoot(), learningRate: nil, fingerprint: RunRecord.hex(0))
        }
    }
}
