import Foundation
import Testing

@testable import Analysis

/// Student t, least-squares fits and the Wilcoxon test against scipy/numpy (`Fixtures/statistics.json`).
@Suite struct ReferenceTests {
    let reference: ReferenceStatistics

    init() throws { reference = try ReferenceStatistics.load() }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func studentTQuantilesMatchScipy() {
        for row in reference.t_quantiles {
            let value = StudentT.quantile(row.p, degreesOfFreedom: row.df)
            #expect(
                Self.close(value, row.quantile, 1e-10), "t.ppf(\(row.p), \(row.df)) = \(row.quantile), got \(value)")
        }
    }

    @Test func lineFitMatchesPolyfitAndLinregress() throws {
        for row in reference.line_fits {
            let fit = try #require(LineFit(x: row.kappa.map(log10), y: row.iterations.map(log10)))
            #expect(Self.close(fit.slope, row.polyfit_slope, 1e-12), "\(row.name) slope")
            #expect(Self.close(fit.intercept, row.polyfit_intercept, 1e-12), "\(row.name) intercept")
            #expect(Self.close(fit.slope, row.slope, 1e-12))
            #expect(Self.close(fit.slopeStandardError, row.stderr, 1e-10), "\(row.name) stderr")
            #expect(Self.close(fit.slopeLower, row.lower, 1e-9), "\(row.name) lower")
            #expect(Self.close(fit.slopeUpper, row.upper, 1e-9), "\(row.name) upper")
        }
    }

    @Test func wilcoxonMatchesScipy() throws {
        for row in reference.wilcoxon {
            let test = try #require(WilcoxonSignedRank(row.a, row.b), "\(row.name)")
            #expect(test.n == row.n, "\(row.name) n")
            #expect(test.method.rawValue == row.method, "\(row.name) method")
            #expect(test.statistic == row.statistic, "\(row.name) statistic")
            #expect(test.positiveRankSum == row.w_plus, "\(row.name) W+")
            #expect(test.negativeRankSum == row.w_minus, "\(row.name) W−")
            #expect(Self.close(test.pValue, row.pvalue, 1e-12), "\(row.name) p = \(row.pvalue), got \(test.pValue)")
            #expect(Self.close(test.rankBiserial, row.rank_biserial, 1e-12), "\(row.name) r")
        }
    }

    @Test func wilcoxonRanksFailuresAboveEveryFiniteDifference() throws {
        // a fails (∞) on the last two seeds: differences 1, −2, 3, ∞, ∞ → |d| ranks 1, 2, 3, 4.5, 4.5;
        // W+ = 1 + 3 + 4.5 + 4.5 = 13, W− = 2; ties → normal approximation.
        let test = try #require(WilcoxonSignedRank([11, 18, 33, .infinity, .infinity], [10, 20, 30, 40, 50]))
        #expect(test.positiveRankSum == 13)
        #expect(test.negativeRankSum == 2)
        #expect(test.method == .normal)
        #expect(WilcoxonSignedRank([1, 2], [1, 2]) == nil)
    }
}
