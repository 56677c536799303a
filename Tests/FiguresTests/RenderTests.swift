import Analysis
import Foundation
import Testing

@testable import Figures

/// Renders every figure of the fixed result set with the real gnuplot, in every format, and fails on
/// any gnuplot error or warning (strict mode). Skipped when gnuplot is not installed (CI installs it:
/// Debian package gnuplot-nox). Set GDBENCH_KEEP_FIGURES=DIR to keep the pictures for review.
@Suite(
    .enabled(
        if: FigureRenderer() != nil,
        "gnuplot is not installed (apt-get install gnuplot-nox); figure rendering not tested"))
struct RenderTests {
    @Test(arguments: [FigureFormat.png, .svg, .pdf, .tex, .gif])
    func everyFigureRendersWithoutWarnings(format: FigureFormat) throws {
        let renderer = try #require(FigureRenderer(strict: true))
        let keep = ProcessInfo.processInfo.environment["GDBENCH_KEEP_FIGURES"]
        let folder =
            try keep.map { URL(fileURLWithPath: $0).appendingPathComponent(format.rawValue) }
            ?? Fixture.temporaryFolder("render-\(format.rawValue)")
        let figures = try FigureSet.build(FigureContext(results: Fixture.results(), format: format))
        try FigureSet.write(figures, to: folder)
        for figure in figures {
            do {
                // Strict mode throws on any warning; other stderr text (the GIF terminal's frame count) is fine.
                try renderer.render(figure, in: folder)
            } catch {
                Issue.record("\(error)")
                continue
            }
            let size =
                (try? FileManager.default.attributesOfItem(
                    atPath: folder.appendingPathComponent(figure.outputFileName).path)[.size] as? Int) ?? 0
            #expect(size > 0, "\(figure.outputFileName) was not written")
        }
        if keep == nil { try? FileManager.default.removeItem(at: folder) }
    }

    /// Paper sizes: one column (3.4 in) and the full width (7 in) of a two-column paper, pdf and
    /// cairolatex, every figure (best-tuned too, so small multiples and single panels both occur).
    @Test(arguments: [FigureSize.column, .page])
    func paperSizesRenderWithoutWarnings(size: FigureSize) throws {
        let renderer = try #require(FigureRenderer(strict: true))
        for format in [FigureFormat.pdf, .tex] {
            let folder = try Fixture.temporaryFolder("render-\(size.rawValue)-\(format.rawValue)")
            let figures = try FigureSet.build(FigureContext(results: Fixture.results(), format: format, size: size))
                .filter { $0.format == format }
            #expect(figures.allSatisfy { $0.script.contains(String(format: "%.2fin", size.widthInches ?? 0)) })
            try FigureSet.write(figures, to: folder)
            try renderer.renderAll(figures, in: folder, jobs: 2)
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// `plot --format pdf` then `plot --format tex`: each format has its own folder and both survive;
    /// the scripts (one per figure, every format in it) are written by the first and not touched by
    /// the second; a script asked for a format it does not draw fails.
    @Test func twoFormatsOneAfterTheOtherBothSurviveAndTheScriptsAreWrittenOnce() throws {
        let renderer = try #require(FigureRenderer(strict: true))
        let folder = try Fixture.temporaryFolder("two-formats")
        defer { try? FileManager.default.removeItem(at: folder) }
        var job = PlotJob(runDirectory: Fixture.runDirectory, format: .pdf, jobs: 2)
        job.folder = folder
        let pdfLines = try job.run(renderer: renderer)
        let scripts = folder.appendingPathComponent("scripts")
        func identities() throws -> [String: String] {
            var result: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: scripts.path) {
                let attributes = try FileManager.default.attributesOfItem(
                    atPath: scripts.appendingPathComponent(name).path)
                result[name] = "\(attributes[.systemFileNumber] ?? 0) \(attributes[.modificationDate] ?? 0)"
            }
            return result
        }
        let written = try identities()
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("pdf").path)
            .sorted()
        let pdfBytes = try pdfs.map { try Data(contentsOf: folder.appendingPathComponent("pdf/\($0)")) }
        job.format = .tex
        let texLines = try job.run(renderer: renderer)
        #expect(try identities() == written, "rendering tex rewrote scripts")
        #expect(try pdfs.map { try Data(contentsOf: folder.appendingPathComponent("pdf/\($0)")) } == pdfBytes)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["scripts", "pdf", "tex"])
        #expect(pdfLines.count == texLines.count && !pdfs.isEmpty)
        for line in texLines {
            let stem = String(line.dropFirst("rendered tex/".count).dropLast(".tex".count))
            #expect(pdfs.contains(stem + ".pdf"), "\(stem): no pdf beside the tex")
            for file in ["tex/\(stem).tex", "tex/\(stem).pdf", "scripts/\(stem).gp"] {
                #expect(
                    FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file) missing")
            }
            let script = try String(contentsOf: scripts.appendingPathComponent(stem + ".gp"), encoding: .utf8)
            for format in ["png", "svg", "pdf", "tex"] { #expect(script.contains("if (format eq '\(format)') {")) }
        }
        let first = try #require(pdfs.first.map { String($0.dropLast(4)) })
        let figure = Figure(kind: "test", stem: first, format: .gif, title: "", script: "", data: [])
        #expect(throws: FigureRenderer.Failure.self) { try renderer.render(figure, in: folder) }
    }

    @Test func strictModeRejectsWarnings() throws {
        // gnuplot warns (exit status 0) when asked to plot a file with no usable data.
        let renderer = try #require(FigureRenderer(strict: true))
        let folder = try Fixture.temporaryFolder("warning")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("png"), withIntermediateDirectories: true)
        let script = "set terminal pngcairo\nset output 'broken.png'\nplot 'empty.dat' using 1:2\n"
        let figure = Figure(kind: "test", stem: "broken", format: .png, title: "broken", script: script, data: [])
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        try "# nothing\n".write(to: folder.appendingPathComponent("png/empty.dat"), atomically: true, encoding: .utf8)
        try script.write(to: folder.appendingPathComponent(figure.scriptPath), atomically: true, encoding: .utf8)
        #expect(throws: FigureRenderer.Failure.self) { try renderer.render(figure, in: folder) }
        try? FileManager.default.removeItem(at: folder)
    }
}
