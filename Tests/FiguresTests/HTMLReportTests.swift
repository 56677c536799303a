import Analysis
import Figures
import Foundation
import Results
import Testing

/// `report.html` opened in headless Chromium (Debian package `chromium`; skipped with a message when
/// it is missing): the page's script runs, every rendered figure is an inline SVG `<figure>`, every
/// non-empty table is present and sortable, and the browser logs no console error.
@Suite struct HTMLReportTests {
    static func chromium() -> URL? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        return nil
    }

    @Test func everyFigureAndTableIsInThePageAndTheConsoleIsClean() throws {
        let folder = try Fixture.temporaryFolder("html-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = try Fixture.results()
        let writer = ReportWriter(results: results)
        let figuresFolder = folder.appendingPathComponent("figures")
        let figures = try FigureSet.build(FigureContext(results: results, format: .svg)).filter { $0.format == .svg }
        try FigureSet.write(figures, to: figuresFolder)
        let renderer = FigureRenderer(strict: true)
        if let renderer { try renderer.renderAll(figures, in: figuresFolder, jobs: 2) }
        let urls = try writer.write(to: folder, figures: figures, figuresFolder: figuresFolder)
        let page = try #require(urls.first { $0.lastPathComponent == "report.html" })
        let html = try String(contentsOf: page, encoding: .utf8)
        let tables = writer.tables.filter { !$0.table.rows.isEmpty }
        #expect(html.components(separatedBy: "<table class=\"sortable\"").count - 1 == tables.count)
        #expect(
            !html.contains("src=\"http") && !html.contains("href=\"http"), "the page loads nothing from the network")
        let rendered = renderer == nil ? 0 : figures.count
        #expect(html.components(separatedBy: "<figure id=").count - 1 == rendered)

        guard let chromium = Self.chromium() else {
            print("HTMLReportTests: chromium not installed (apt-get install chromium); browser checks skipped")
            return
        }
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=5000", "--dump-dom", page.absoluteString,
        ]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errorData = Data()
        var stderrText = ""
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        stderrText = String(decoding: err.fileHandleForReading.readDataToEndOfFile() + errorData, as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(dom.contains("data-ready=\"1\""), "the page's script did not run")
        #expect(dom.contains("data-figures=\"\(rendered)\" data-tables=\"\(tables.count)\""))
        #expect(dom.components(separatedBy: "<svg").count - 1 >= rendered)
        for (title, _) in tables { #expect(dom.contains("data-title=\"\(title)\""), "table \(title) missing") }
        let consoleErrors = stderrText.split(separator: "\n").filter {
            ($0.contains("CONSOLE") && ($0.contains("ERROR") || $0.contains("Uncaught"))) || $0.contains("Uncaught")
        }
        #expect(consoleErrors.isEmpty, "console: \(consoleErrors.joined(separator: "\n"))")
    }
}
