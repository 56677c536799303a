import Foundation
import Results

/// How far an iteration or evaluation count may move before `gdbench check` calls it a regression
/// or an improvement: a change of `current − baseline` is within tolerance when
/// `|current − baseline| ≤ max(relative × baseline, absolute)`.
///
/// Written as `5%` (relative), `3` (absolute), or both joined by a comma, `2%,1` (the larger slack
/// wins). The default is ``exact``: any change in a count is a regression or an improvement.
public struct CountTolerance: Sendable, Equatable, CustomStringConvertible {
    /// A fraction of the baseline count (0.05 for `5%`).
    public var relative: Double
    /// A number of iterations or evaluations.
    public var absolute: Double

    public init(relative: Double = 0, absolute: Double = 0) {
        self.relative = relative
        self.absolute = absolute
    }

    public static let exact = CountTolerance()

    /// The relaxation used when the baseline comes from another platform: ±2% or ±1, whichever is larger.
    public static let crossPlatform = CountTolerance(relative: 0.02, absolute: 1)

    /// The slack allowed around `baseline`.
    public func slack(around baseline: Int) -> Double {
        max(relative * Double(abs(baseline)), absolute)
    }

    /// `current` is within tolerance of `baseline`.
    public func accepts(baseline: Int, current: Int) -> Bool {
        Double(abs(current - baseline)) <= slack(around: baseline)
    }

    /// The larger slack of the two in each component.
    public func loosened(by other: CountTolerance) -> CountTolerance {
        CountTolerance(relative: max(relative, other.relative), absolute: max(absolute, other.absolute))
    }

    /// What a tolerance text must look like, for error messages.
    public static let expectation = "a count tolerance such as 5%, 3 or 2%,1 (non-negative)"

    /// Parses `5%`, `3`, `2%,1`; nil when the text is not one of these forms.
    public static func parse(_ text: String) -> CountTolerance? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count) else { return nil }
        var relative: Double?
        var absolute: Double?
        for part in parts {
            if part.hasSuffix("%") {
                guard relative == nil, let percent = Double(part.dropLast()), percent.isFinite, percent >= 0 else {
                    return nil
                }
                relative = percent / 100
            } else {
                guard absolute == nil, let count = Double(part), count.isFinite, count >= 0 else { return nil }
                absolute = count
            }
        }
        return CountTolerance(relative: relative ?? 0, absolute: absolute ?? 0)
    }

    /// Parses like ``parse(_:)``; `what` names the option or key in the error.
    public init(parsing text: String, what: String) throws {
        guard let tolerance = CountTolerance.parse(text) else {
            throw ResultsError("\(what): expected \(CountTolerance.expectation), found '\(text)'")
        }
        self = tolerance
    }

    /// `exact`, `±5%`, `±3`, `±2% or ±1`.
    public var description: String {
        switch (relative > 0, absolute > 0) {
        case (false, false): return "exact"
        case (true, false): return "±\(ReportNumber.percent(relative))"
        case (false, true): return "±\(ReportNumber.plain(absolute))"
        case (true, true): return "±\(ReportNumber.percent(relative)) or ±\(ReportNumber.plain(absolute))"
        }
    }
}
