import Foundation
import Testing

@testable import Figures

/// The readability check reads the rendered picture and can fail: a key placed inside the plot area,
/// a panel of too many series and an optimizer drawn in another's colour are each reported; the
/// same figure with its key below the plot is clean.
@Suite(
    .enabled(if: FigureRenderer() != nil, "gnuplot is not installed (apt-get install gnuplot-nox); layout not tested"))
struct RenderedLayoutTests {
    static let data = DataTable(
        fileName: "lines.dat", header: ["test lines"],
        blocks: (0..<10).map { k in
            DataTable.Block(comment: "opt\(k)", rows: (0...20).map { i in [Double(i), Double(i * (k + 1))] })
        })

    /// A figure of `series` lines from the blocks, styled by `styles`, with `key` as its key line.
    static func figure(key: String?, series: Int = 3, styles: [SeriesStyle] = []) -> Figure {
        var script = GnuplotScript(
            kind: "test", stem: "layout", format: .svg, title: "layout test", xLabel: "x", yLabel: "y",
            dataFiles: [data.fileName], keyEntries: (0..<series).map { "opt\($0)" }, provenance: nil,
            styles: styles)
        if let key { script.add(key) }
        script.plot(
            (0..<series).map { "'lines.dat' index \($0) using 1:2 with linespoints lt \($0 + 1) title 'opt\($0)'" })
        return Figure(
            kind: "test", stem: "layout", format: .svg, title: "layout test", script: script.text, data: [data])
    }

    static func problems(_ figure: Figure, styles: [String: SeriesStyle] = [:]) throws -> [String] {
        let folder = try Fixture.temporaryFolder("layout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FigureSet.write([figure], to: folder)
        let renderer = try #require(FigureRenderer(strict: true))
        return try FigureReadability.problems(figure, in: folder, renderer: renderer, styles: styles)
    }

    @Test func keyBelowThePlotIsClean() throws {
        let styles = SeriesStyle.table((0..<3).map { "opt\($0)" })
        #expect(
            try Self.problems(Self.figure(key: nil, styles: (0..<3).map { SeriesStyle(index: $0) }), styles: styles)
                == [])
    }

    @Test func keyInsideThePlotAreaFails() throws {
        let problems = try Self.problems(Self.figure(key: "set key inside top left vertical"))
        #expect(problems.contains { $0.contains("overlaps the plot area") }, "\(problems)")
        // A key pushed into the data from outside by its position (screen coordinates) is caught too.
        let moved = try Self.problems(Self.figure(key: "set key at screen 0.5, screen 0.5 vertical"))
        #expect(moved.contains { $0.contains("overlaps the plot area") }, "\(moved)")
    }

    @Test func tooManySeriesInOnePanelFails() throws {
        let problems = try Self.problems(Self.figure(key: nil, series: 10))
        #expect(problems.contains { $0.contains("has 10 series in its key") }, "\(problems)")
    }

    @Test func anOptimizerInAnotherColourFails() throws {
        // opt1 is drawn with the style of position 1, but the run's table gives it position 5's.
        let styles = SeriesStyle.table(["opt0", "x", "y", "z", "w", "opt1", "opt2"])
        let problems = try Self.problems(
            Self.figure(key: nil, styles: (0..<3).map { SeriesStyle(index: $0) }), styles: styles)
        #expect(problems.contains { $0.contains("opt1 drawn in #D55E00, its colour is #56B4E9") }, "\(problems)")
        #expect(!problems.contains { $0.contains("opt0") })
    }

    /// On the fixture's figures every titled series has its key entry in the picture, and the colour
    /// check reaches the optimizers' entries (it is not vacuous).
    @Test func fixtureFiguresAreCheckedEntryByEntry() throws {
        let context = FigureContext(results: try Fixture.results(), format: .svg)
        let figures = try FigureSet.build(context).filter { $0.format == .svg }
        let folder = try Fixture.temporaryFolder("layout-fixture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FigureSet.write(figures, to: folder)
        let renderer = try #require(FigureRenderer(strict: true))
        var styled = Set<String>()
        var panels = 0
        for figure in figures {
            let layout = try RenderedLayout.render(figure, in: folder, renderer: renderer)
            #expect(FigureReadability.problems(figure, layout: layout, styles: context.styles) == [])
            styled.formUnion(FigureReadability.styledEntries(figure, layout: layout, styles: context.styles))
            panels += layout.panels.count
        }
        #expect(styled == Set(context.styles.keys), "optimizers whose key entries were checked: \(styled.sorted())")
        #expect(panels > figures.count, "some fixture figure has small multiples")
    }

    @Test func plotAreaMatchesTheBorderGnuplotDraws() throws {
        // With a full border, gnuplot draws the plot area's rectangle: the probed box must be it.
        let folder = try Fixture.temporaryFolder("layout-border")
        defer { try? FileManager.default.removeItem(at: folder) }
        var figure = Self.figure(key: "set border 15")
        figure.script = figure.script.replacingOccurrences(of: "set border 3 lw 1\n", with: "")
        try FigureSet.write([figure], to: folder)
        let layout = try RenderedLayout.render(figure, in: folder, renderer: try #require(FigureRenderer(strict: true)))
        let svg = try String(contentsOf: folder.appendingPathComponent(figure.outputFileName), encoding: .utf8)
        let area = try #require(layout.panels.first?.plotArea)
        let corner = String(format: "M%.2f,%.2f L%.2f,%.2f", area.left, area.top, area.left, area.bottom)
        // GPVAL_TERM_* are whole terminal units: the border's corner is within one pixel.
        let rectangle = try #require(
            svg.components(separatedBy: "d='").first { $0.contains(" Z") && $0.hasPrefix("M") })
        let numbers = rectangle.prefix { $0 != "Z" }.split(whereSeparator: { " ,ML".contains($0) }).compactMap {
            Double($0)
        }
        #expect(numbers.count >= 8, "\(corner)")
        #expect(
            abs(numbers[0] - area.left) <= 1 && abs(numbers[1] - area.top) <= 1 && abs(numbers[3] - area.bottom) <= 1,
            "border \(numbers.prefix(8)) vs probed \(area)")
    }
}
