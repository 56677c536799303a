import Analysis
import Foundation
import Testing

@testable import Figures

/// Snapshot tests of the emitted `.gp` and `.dat` text for every figure kind of the fixed result set.
///
/// Snapshots live in `Tests/FiguresTests/Snapshots/` (png scripts) and `Snapshots/tex/` (cairolatex
/// scripts of two figures). They are expected output, reviewed by a person: after a deliberate change
/// regenerate them with
///     GDBENCH_UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests
/// then render them (`cd Tests/FiguresTests/Snapshots && gnuplot *.gp`, or run RenderTests with
/// GDBENCH_KEEP_FIGURES=DIR), look at every picture, and commit the snapshots with the change that
/// explains them (the rendered pictures are not committed).
@Suite struct SnapshotTests {
    static var updating: Bool { ProcessInfo.processInfo.environment["GDBENCH_UPDATE_SNAPSHOTS"] == "1" }

    func files(_ figures: [Figure]) -> [(name: String, text: String)] {
        var files: [String: String] = [:]
        for figure in figures {
            files[figure.scriptFileName] = figure.script
            for table in figure.data { files[table.fileName] = table.text }
        }
        return files.keys.sorted().map { ($0, files[$0] ?? "") }
    }

    func compare(_ files: [(name: String, text: String)], in folder: URL) throws {
        if Self.updating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
            where name.hasSuffix(".gp") || name.hasSuffix(".dat") {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
            for file in files {
                try file.text.write(to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
            }
            return
        }
        let existing = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") && $0 != "tex" && $0 != "regret" }
        #expect(
            Set(existing) == Set(files.map(\.name)),
            "snapshot files differ from the emitted files (regenerate and review)")
        for file in files {
            let expected = try? String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(
                expected == file.text,
                "\(file.name) differs from its snapshot (GDBENCH_UPDATE_SNAPSHOTS=1 to regenerate, then review)")
        }
    }

    @Test func everyFigureKindIsEmittedForTheFixture() throws {
        let figures = try FigureSet.build(FigureContext(results: Fixture.results(), format: .png, animations: true))
        let kinds = Set(figures.map(\.kind))
        #expect(
            kinds == [
                "convergence", "conditioning", "trajectory", "trajectory-animation", "learning-rate", "schedules",
                "performance-profile", "data-profile", "ecdf", "saddle-escape", "batch-size",
            ])
    }

    @Test func pngScriptsAndDataMatchSnapshots() throws {
        let figures = try FigureSet.build(FigureContext(results: Fixture.results(), format: .png, animations: true))
        try compare(files(figures), in: Fixture.snapshots)
    }

    @Test func latexScriptsMatchSnapshots() throws {
        let figures = try FigureSet.build(FigureContext(results: Fixture.results(), format: .tex))
            .filter { $0.kind == "conditioning" || $0.kind == "performance-profile" }
        try compare(figures.map { ($0.scriptFileName, $0.script) }, in: Fixture.snapshots.appendingPathComponent("tex"))
    }
}

/// Animations are drawn only when asked: `--animations` or the format gif.
@Suite struct AnimationRequestTests {
    @Test func animationsOnlyWhenAsked() throws {
        let kinds = { (context: FigureContext) in try FigureSet.build(context).map(\.kind) }
        #expect(!(try kinds(FigureContext(results: Fixture.results(), format: .png))).contains("trajectory-animation"))
        #expect(
            try kinds(FigureContext(results: Fixture.results(), format: .png, animations: true)).contains(
                "trajectory-animation"))
        #expect(try kinds(FigureContext(results: Fixture.results(), format: .gif)).contains("trajectory-animation"))
    }
}
