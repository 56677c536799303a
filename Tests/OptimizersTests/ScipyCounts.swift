import Foundation
import TestSupport

/// The counts written by `scripts/reference/scipy_counts.py` (scipy 1.17.1) into
/// `Fixtures/scipy_counts.json`.
struct ScipyCounts: Decodable {
    struct Run: Decodable {
        var nit: Int
        var nfev: Int
        var njev: Int
        var gradientInfNorm: Double
        var success: Bool
    }

    var gtol: Double
    var problems: [String: [String: Run]]

    static func load() throws -> ScipyCounts {
        try FixtureFiles.decode(ScipyCounts.self, "scipy_counts.json")
    }

    func run(_ problem: String, _ method: String) throws -> Run {
        guard let run = problems[problem]?[method] else { throw FixtureError.missing("\(problem)/\(method)") }
        return run
    }

    enum FixtureError: Error { case missing(String) }
}
