import Analysis
import Foundation
import Testing

@testable import Figures

/// The report of the fixed result set: what its tables must say follows from how the fixture was made
/// (scripts/reference/figure_fixture.py): GD with lr = 1/L on ½(x² + κy²) contracts the f-gap by exactly
/// (1 − 1/κ)² per step once the y mode is gone (it vanishes in the first step), so the GD rate rows pass;
/// Newton reaches every target at iteration 1; the narrow-valley sweep converges at lr ≤ 0.019 and
/// diverges at 0.021 and 0.03, bracketing 2/L = 0.02.
@Suite struct ReportTests {
    @Test func markdownReportHasProvenanceTablesAndPassingTheoryChecks() throws {
        let results = try Fixture.results()
        let writer = ReportWriter(results: results, tuningRepetitions: [0])
        let folder = try Fixture.temporaryFolder("report")
        let text = writer.markdown(
            figures: try FigureSet.build(FigureContext(results: results, format: .png)), figuresFolder: folder)
        #expect(text.contains("| seed | 0000000000000001 |"))
        #expect(text.contains("## Theory checks"))
        let theoryRows = text.split(separator: "\n").filter {
            $0.hasPrefix("| GD rate") || $0.hasPrefix("| Newton") || $0.hasPrefix("| GD divergence")
        }
        // GD rate at 1/L: 3 κ × 2 reps, plus narrow-valley's sgd[lr=0.01] (= 1/L, L = 100) × 2 reps; at other
        // η < 2/L, against max(|1 − ηL|, |1 − ημ|)²: narrow-valley 0.5/L, 1.5/L, 1.9/L and κ = 10's 1.8/L, × 2 reps;
        // Newton 3 × 2; one divergence sweep (narrow-valley; the κ = 10 pair lr 0.1, 0.18 lies below 2/L = 0.2).
        #expect(theoryRows.count == 23)
        #expect(theoryRows.allSatisfy { $0.hasSuffix("| pass |") })
        #expect(text.contains("converging \\< 2/L = 0.02 ≤ diverging"))
        #expect(text.contains("## κ scaling"))
        #expect(text.contains("## Tuning"))
        // Figures not rendered in the temporary folder are listed with their scripts.
        #expect(text.contains("(not rendered; run `gdbench plot`)"))
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func latexTablesUseBooktabsAndEscapeText() throws {
        let latex = ReportWriter(results: try Fixture.results()).latex()
        #expect(latex.contains("\\toprule"))
        #expect(latex.contains("\\midrule"))
        #expect(latex.contains("\\bottomrule"))
        #expect(latex.contains("$\\kappa$"))
        #expect(!latex.contains("κ"))
        #expect(!latex.contains("≤"))
    }
}
