import Results

/// The tolerances that apply to one run: the policy's, replaced key by key by every matching
/// allowed difference (in file order), then loosened to the cross-platform defaults when the
/// baseline comes from another platform (counts ±2% or ±1, final gap 1e-6 relative, fingerprints
/// not compared) — the looser of the two wins.
public struct RunTolerances: Sendable, Equatable {
    public var counts: CountTolerance
    public var finalGap: Double
    public var compareFingerprints: Bool
    /// The allowed differences that set any of the above, in file order.
    public var allowances: [AllowedDifference]

    public init(counts: CountTolerance, finalGap: Double, compareFingerprints: Bool, allowances: [AllowedDifference]) {
        self.counts = counts
        self.finalGap = finalGap
        self.compareFingerprints = compareFingerprints
        self.allowances = allowances
    }

    public static func resolve(
        id: String, suite: String, policy: ComparisonPolicy, allowed: [AllowedDifference],
        crossPlatform: Bool
    ) -> RunTolerances {
        var tolerances = RunTolerances(
            counts: policy.counts, finalGap: policy.finalGap,
            compareFingerprints: policy.compareFingerprints, allowances: [])
        for entry in allowed where entry.applies(to: id, suite: suite) {
            tolerances.allowances.append(entry)
            if let counts = entry.counts { tolerances.counts = counts }
            if let finalGap = entry.finalGap { tolerances.finalGap = finalGap }
            if let fingerprints = entry.fingerprints { tolerances.compareFingerprints = fingerprints }
        }
        if crossPlatform {
            tolerances.counts = tolerances.counts.loosened(by: .crossPlatform)
            tolerances.finalGap = max(tolerances.finalGap, ComparisonPolicy.crossPlatformFinalGapTolerance)
            tolerances.compareFingerprints = false
        }
        return tolerances
    }

    /// Final gaps agree: both absent, both NaN, equal (infinities included), or
    /// `|c − b| ≤ finalGap × max(|b|, |c|)`.
    public func finalGapsAgree(_ baseline: Double?, _ current: Double?) -> Bool {
        switch (baseline, current) {
        case (nil, nil): return true
        case let (b?, c?):
            if b.isNaN && c.isNaN { return true }
            if b == c { return true }
            guard b.isFinite && c.isFinite else { return false }
            return abs(c - b) <= finalGap * max(abs(b), abs(c))
        default: return false
        }
    }
}
