import Results

/// The overall outcome for one run id, in report order (most severe first).
public enum RunVerdict: Int, Sendable, Comparable, CaseIterable {
    case regression
    /// In the baseline but not in this run (fails: coverage was lost, e.g. a renamed optimizer).
    case missing
    case improvement
    case behaviourChange
    /// In this run but not in the baseline (listed; nothing to compare, does not fail).
    case new
    case warning
    case unchanged

    public static func < (lhs: RunVerdict, rhs: RunVerdict) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Section title in reports.
    public var title: String {
        switch self {
        case .regression: return "Regressions"
        case .missing: return "Missing runs"
        case .improvement: return "Improvements"
        case .behaviourChange: return "Behaviour changes"
        case .new: return "New runs"
        case .warning: return "Warnings"
        case .unchanged: return "Unchanged"
        }
    }

    /// One word for table rows and JUnit failure types.
    public var label: String {
        switch self {
        case .regression: return "regression"
        case .missing: return "missing"
        case .improvement: return "improvement"
        case .behaviourChange: return "behaviour-change"
        case .new: return "new"
        case .warning: return "warning"
        case .unchanged: return "unchanged"
        }
    }
}
