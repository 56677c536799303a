import Foundation
import Results

/// Number formatting shared by the comparison reports: at most 6 significant digits (`%g`), so a
/// report stays readable and does not depend on the locale.
enum ReportNumber {
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        return String(format: "%g", value)
    }

    /// `0.05` → `5%`.
    static func percent(_ fraction: Double) -> String {
        plain(fraction * 100) + "%"
    }

    /// A signed change: `+1`, `-3`.
    static func signed(_ change: Int) -> String {
        change > 0 ? "+\(change)" : "\(change)"
    }
}
