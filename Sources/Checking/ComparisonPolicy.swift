import Foundation
import Results

/// The tolerances of a check, before per-cell allowed differences and the cross-platform
/// relaxation (see ``RunTolerances``).
///
/// Defaults: counts exact; final gap within 1e-9 relative (a few hundred ulps of accumulated
/// rounding, far below any target of a ladder, far above what a changed summation order leaves on
/// a converged run's gap — change that is still seen by the fingerprint); fingerprints compared;
/// wall time not compared; behaviour changes fail.
public struct ComparisonPolicy: Sendable, Equatable {
    /// Relative tolerance of the final gap by default.
    public static let defaultFinalGapTolerance = 1e-9
    /// Relative tolerance of the final gap when the baseline comes from another platform.
    public static let crossPlatformFinalGapTolerance = 1e-6

    public var counts: CountTolerance
    /// `|current − baseline| ≤ finalGap × max(|baseline|, |current|)` for the final gap.
    public var finalGap: Double
    /// Compare final-iterate fingerprints (a changed fingerprint is a behaviour change).
    public var compareFingerprints: Bool
    /// Compare median wall time: `current / baseline` above this ratio is "slower" (below its
    /// inverse "faster"). nil: times are not compared.
    public var timeRatio: Double?
    /// A slower run is a regression (else a warning).
    public var failOnTime: Bool
    /// Behaviour changes are warnings (else they fail the check).
    public var allowBehaviourChanges: Bool
    /// A comparison where every run is new (the baseline shares no id with the run) passes; by
    /// default it fails, since such a check compares nothing.
    public var allowNewBaseline: Bool

    public init(
        counts: CountTolerance = .exact, finalGap: Double = ComparisonPolicy.defaultFinalGapTolerance,
        compareFingerprints: Bool = true, timeRatio: Double? = nil, failOnTime: Bool = false,
        allowBehaviourChanges: Bool = false, allowNewBaseline: Bool = false
    ) {
        self.allowNewBaseline = allowNewBaseline
        self.counts = counts
        self.finalGap = finalGap
        self.compareFingerprints = compareFingerprints
        self.timeRatio = timeRatio
        self.failOnTime = failOnTime
        self.allowBehaviourChanges = allowBehaviourChanges
    }

    /// Parses `--time-tolerance`: a ratio `1.5` or a percentage `50%` (= 1.5), > 1 either way.
    public static func parseTimeRatio(_ text: String, what: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let ratio: Double?
        if trimmed.hasSuffix("%") {
            ratio = Double(trimmed.dropLast()).map { 1 + $0 / 100 }
        } else {
            ratio = Double(trimmed)
        }
        guard let ratio, ratio.isFinite, ratio > 1 else {
            throw ResultsError("\(what): expected a slowdown ratio above 1 such as 1.5 or 50%, found '\(text)'")
        }
        return ratio
    }

    /// Parses `--gap-tolerance`: a relative tolerance ≥ 0 such as `1e-9`.
    public static func parseGapTolerance(_ text: String, what: String) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else {
            throw ResultsError("\(what): expected a relative tolerance ≥ 0 such as 1e-9, found '\(text)'")
        }
        return value
    }
}
