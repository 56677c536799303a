import Analysis
import Figures
import Foundation
import Results
import Testing

/// Every shipped suite (the catalog, ``ReducedSuiteRun/shipped``), run at a reduced budget: it backs
/// every claim its description in suites/README.md makes (``ClaimRegistry``), and every figure of it,
/// all runs and best-tuned, is readable in the rendered picture (``FigureReadability``). With gnuplot
/// missing only the claims are checked; a suite of python clients without python3 is skipped with a
/// message.
@Suite(.serialized) struct ShippedSuiteReportTests {
    @Test func everyShippedSuiteRegistersItsClaims() {
        #expect(ReducedSuiteRun.shipped.count >= 13)
        for name in ReducedSuiteRun.shipped {
            #expect(!(ClaimRegistry.bySuite[name] ?? []).isEmpty, "\(name) has no claims")
        }
    }

    @Test(arguments: ReducedSuiteRun.shipped) func claimsHoldAndFiguresAreReadable(_ name: String) throws {
        if ReducedSuiteRun.needsPython(name) && !ReducedSuiteRun.hasPython {
            print("skipped: suite \(name) runs python3 clients and python3 is not installed")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-claims-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try ReducedSuiteRun(name, root: root)
        let results = try run.results
        let claims = ClaimRegistry.evaluate(results)
        #expect(!claims.isEmpty)
        let undecided = ReducedSuiteRun.reductions[name]?.undecided ?? [:]
        for claim in claims {
            if let reason = undecided.first(where: { claim.statement.hasPrefix($0.key) })?.value {
                print("not decided at the reduced budget: \(name): \(claim.statement) (\(reason))")
                continue
            }
            #expect(
                claim.outcome.verdict == .holds,
                "\(name): \(claim.statement) — \(claim.outcome.verdict.rawValue): \(claim.outcome.evidence)")
        }
        let renderer = FigureRenderer(strict: true)
        for best in [false, true] {
            var context = FigureContext(results: results, format: .svg)
            if best { context = context.bestTuned() }
            let figures = try FigureSet.build(context).filter { $0.format == .svg }
            #expect(!figures.isEmpty)
            guard let renderer else { continue }
            let folder = run.directory.appendingPathComponent(best ? "figures-best" : "figures")
            try FigureSet.write(figures, to: folder)
            for problem in FigureReadability.problems(figures, in: folder, renderer: renderer, styles: context.styles) {
                Issue.record("\(name)\(best ? " (best-tuned)" : ""): \(problem)")
            }
            // The default format too, every figure, in strict mode.
            if !best {
                let png = try FigureSet.build(FigureContext(results: results, format: .png)).filter {
                    $0.format == .png
                }
                let pngFolder = run.directory.appendingPathComponent("figures-png")
                try FigureSet.write(png, to: pngFolder)
                try renderer.renderAll(png, in: pngFolder, jobs: 2)
            }
        }
    }
}
