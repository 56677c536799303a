import Foundation

/// `Fixtures/statistics.json`, written by `scripts/reference/analysis_statistics.py` with scipy 1.17.1 /
/// numpy 2.4.6.
struct ReferenceStatistics: Decodable {
    struct TQuantile: Decodable {
        var p: Double
        var df: Double
        var quantile: Double
    }
    struct LineFitCase: Decodable {
        var name: String
        var kappa: [Double]
        var iterations: [Double]
        var polyfit_slope: Double
        var polyfit_intercept: Double
        var slope: Double
        var intercept: Double
        var stderr: Double
        var lower: Double
        var upper: Double
    }
    struct WilcoxonCase: Decodable {
        var name: String
        var a: [Double]
        var b: [Double]
        var n: Int
        var method: String
        var statistic: Double
        var pvalue: Double
        var w_plus: Double
        var w_minus: Double
        var rank_biserial: Double
    }

    var t_quantiles: [TQuantile]
    var line_fits: [LineFitCase]
    var wilcoxon: [WilcoxonCase]

    static func load() throws -> ReferenceStatistics {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/statistics.json")
        return try JSONDecoder().decode(ReferenceStatistics.self, from: Data(contentsOf: url))
    }
}
