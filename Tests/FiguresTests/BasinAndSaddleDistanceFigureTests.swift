import Analysis
import Foundation
import Results
import Testing

@testable import Figures

/// The basin and saddle-distance figures on records made from the fixture's: the shares per basin
/// add up to one per optimizer in the order the figure documents, and the saddle sweep's medians and
/// slopes are the records' own.
@Suite struct BasinAndSaddleDistanceFigureTests {
    static func template() throws -> RunRecord { try #require(Fixture.results().records.first) }

    static func run(_ template: RunRecord, problem: String, optimizer: String, repetition: Int, basin: BasinResult?)
        -> RunRecord
    {
        var record = template
        record.problem.id = problem
        record.optimizer.id = optimizer
        record.repetition = repetition
        record.id = "\(problem)/\(optimizer)/rep=\(repetition)"
        record.final.basin = basin
        return record
    }

    @Test func sharesPerBasinAddUpAndGlobalBasinsComeFirst() throws {
        let template = try Self.template()
        let basins: [(String, Bool)] = [
            ("(1.00, 1.00)", false), ("(0.00, 0.00)", true), ("(1.00, 1.00)", false), ("other", false),
        ]
        let records =
            basins.enumerated().map { index, basin in
                Self.run(
                    template, problem: "camel", optimizer: "gd", repetition: index,
                    basin: BasinResult(name: basin.0, isGlobal: basin.1, minimumValue: basin.1 ? 0 : 1, start: [0, 0]))
            } + [
                Self.run(
                    template, problem: "camel", optimizer: "adam", repetition: 0,
                    basin: BasinResult(name: "(0.00, 0.00)", isGlobal: true, minimumValue: 0, start: [0, 0]))
            ]
        #expect(BasinFigure.categories(records) == ["(0.00, 0.00)", "(1.00, 1.00)", "other"])
        var stems = FigureStem()
        let figures = try BasinFigure.figures(
            FigureContext(results: ResultSet(records: records), format: .png), stems: &stems)
        let shares = try #require(figures.first { $0.kind == "basins" })
        let rows = try #require(shares.data.first).text.split(separator: "\n").filter {
            !$0.hasPrefix("#") && !$0.isEmpty
        }
        // adam: all global; gd: 1/4 global, 2/4 in (1, 1), 1/4 other.
        #expect(
            rows.map { $0.split(separator: " ").map(String.init) } == [
                ["1", "1", "0", "0"], ["2", "0.25", "0.5", "0.25"],
            ])
        #expect(shares.script.contains("(0.00, 0.00) (global)"))
    }

    @Test func saddleDistanceFigureNeedsThreeDistancesAndReportsTheFit() throws {
        let template = try Self.template()
        var records: [RunRecord] = []
        for (index, distance) in ["0.1", "0.01", "0.001"].enumerated() {
            var record = Self.run(
                template, problem: "double-well[start-distance=\(distance)]", optimizer: "sgd[lr=0.01]",
                repetition: 0, basin: nil)
            record.problem.parameters["start-distance"] = distance
            let hit = Checkpoint(
                iteration: 100 + 230 * index, gradientEvaluations: 0, functionEvaluations: 0,
                hessianVectorProducts: 0, hessianEvaluations: 0, epochs: nil, seconds: nil)
            record.milestones = [MilestoneResult(name: "escaped", valueThreshold: -0.01, hit: hit)]
            records.append(record)
        }
        let fit = try #require(SaddleSweep.fit(records))
        #expect(abs(fit.slope - 230) <= 1e-9)
        var stems = FigureStem()
        let figures = SaddleDistanceFigure.figures(
            FigureContext(results: ResultSet(records: records), format: .png), stems: &stems)
        #expect(figures.count == 1)
        #expect(figures.first?.script.contains("slope 230 per decade") == true)
        #expect(
            SaddleDistanceFigure.figures(
                FigureContext(results: ResultSet(records: Array(records.prefix(2))), format: .png),
                stems: &stems
            ).isEmpty)
        #expect(abs(SaddleSweep.theorySlope(eta: 0.01, curvature: 1, momentum: 0) - 1 / log10(1.01)) <= 1e-12)
    }
}
