import Results

/// Where two versions of a run first part ways, from the iterate fingerprints stored at each trace
/// checkpoint (``TracePoint/fingerprint``) plus the final iterate (``RunRecord/finalFingerprint``).
///
/// Checkpoints are matched by iteration number (the trace is log-spaced in the iteration, so both
/// versions record the same iterations up to the shorter run's end); the run's trajectories agree
/// bit for bit up to `lastEqualIteration` and differ from `firstDifferentIteration` on.
public struct TraceDivergence: Sendable, Equatable, CustomStringConvertible {
    /// The last common checkpoint before the first difference whose fingerprints are equal.
    public var lastEqualIteration: Int?
    /// The first common checkpoint whose fingerprints differ (nil: every common checkpoint agrees).
    public var firstDifferentIteration: Int?

    public init(lastEqualIteration: Int?, firstDifferentIteration: Int?) {
        self.lastEqualIteration = lastEqualIteration
        self.firstDifferentIteration = firstDifferentIteration
    }

    public static func locate(baseline: RunRecord, current: RunRecord) -> TraceDivergence {
        var currentFingerprints: [Int: String] = [:]
        for (iteration, fingerprint) in checkpoints(of: current) { currentFingerprints[iteration] = fingerprint }
        var lastEqual: Int?
        for (iteration, fingerprint) in checkpoints(of: baseline) {
            guard let other = currentFingerprints[iteration] else { continue }
            if other != fingerprint {
                return TraceDivergence(lastEqualIteration: lastEqual, firstDifferentIteration: iteration)
            }
            lastEqual = iteration
        }
        return TraceDivergence(lastEqualIteration: lastEqual, firstDifferentIteration: nil)
    }

    /// (iteration, fingerprint) in increasing iteration order, the first point of each iteration,
    /// ending with the final iterate.
    static func checkpoints(of record: RunRecord) -> [(Int, String)] {
        var points = record.trace.map { ($0.iteration, $0.fingerprint) }
        points.append((record.final.progress.iteration, record.finalFingerprint))
        var seen = Set<Int>()
        return points.enumerated()
            .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0.0).inserted }
    }

    /// `first differs between iteration 40 (equal) and 63 (different)`.
    public var description: String {
        switch (lastEqualIteration, firstDifferentIteration) {
        case let (equal?, different?):
            return "first differs between iteration \(equal) (equal) and \(different) (different)"
        case let (nil, different?):
            return "differs already at iteration \(different), the first checkpoint both runs recorded"
        case let (equal?, nil):
            return "equal at every checkpoint both runs recorded (the last common one is iteration \(equal))"
        case (nil, nil):
            return "no checkpoint at an iteration both runs recorded"
        }
    }
}
