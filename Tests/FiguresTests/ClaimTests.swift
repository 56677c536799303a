import Analysis
import Figures
import Foundation
import Results
import Testing

/// Every shipped suite, run at a reduced budget (``ReducedSuiteRun``): it backs every claim its
/// description in suites/README.md makes (``ClaimRegistry``), and every figure of it is readable —
/// at most eight series (plus shared reference entries) in each panel's key, the key outside the
/// plot area, and gnuplot renders it without a warning (when installed).
@Suite(.serialized) struct ShippedSuiteReportTests {
    @Test func everyShippedSuiteRegistersItsClaims() {
        for name in ReducedSuiteRun.shipped { #expect(!(ClaimRegistry.bySuite[name] ?? []).isEmpty, "\(name) has no claims") }
    }

    @Test(arguments: ReducedSuiteRun.shipped) func claimsHoldAndFiguresAreReadable(_ name: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-claims-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try ReducedSuiteRun(name, root: root)
        let results = try run.results
        let claims = ClaimRegistry.evaluate(results)
        #expect(!claims.isEmpty)
        for claim in claims {
            #expect(claim.outcome.verdict == .holds, "\(name): \(claim.statement) — \(claim.outcome.verdict.rawValue): \(claim.outcome.evidence)")
        }
        for best in [false, true] {
            var context = FigureContext(results: results, format: .png)
            if best { context = context.bestTuned() }
            let figures = try FigureSet.build(context)
            #expect(!figures.isEmpty)
            for figure in figures { try Self.checkReadable(figure, suite: name) }
            if !best, let renderer = FigureRenderer(strict: true) {
                let folder = run.directory.appendingPathComponent("figures")
                try FigureSet.write(figures, to: folder)
                try renderer.renderAll(figures.filter { $0.format != .gif }, in: folder, jobs: 2)
            }
        }
    }

    /// Every `plot` of the script: at most ``SeriesPanels/maxSeries`` titled series besides the shared
    /// reference entries (minimum, slope lines, "diverged"), and the key set `outside` before it.
    static func checkReadable(_ figure: Figure, suite: String) throws {
        let shared = ["minimum", "slope 1 (κ)", "slope ½ (√κ)", "diverged"]
        var keyOutside = false
        var tabulating = false
        for statement in figure.script.replacingOccurrences(of: "\\\n", with: "").split(separator: "\n").map(String.init) {
            if statement.hasPrefix("set key") { keyOutside = statement.contains("outside") }
            // A plot into a table (the shared-range pass of small multiples, contour lines) draws nothing.
            if statement.hasPrefix("set table") { tabulating = true }
            if statement.hasPrefix("unset table") { tabulating = false }
            guard statement.hasPrefix("plot "), !tabulating else { continue }
            let titles = statement.components(separatedBy: " title ").dropFirst().map { String($0.prefix { $0 != "," }) }
            let series = titles.filter { title in !shared.contains { title.contains($0) } }
            #expect(series.count <= SeriesPanels.maxSeries, "\(suite) \(figure.stem): a panel with \(series.count) series")
            #expect(keyOutside, "\(suite) \(figure.stem): key not outside the plot area")
        }
    }
}
