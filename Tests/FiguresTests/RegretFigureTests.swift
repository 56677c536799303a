import Analysis
import Foundation
import Results
import Testing

@testable import Figures

/// The regret figure on records built here: two optimizers on one online problem, R_T given in closed
/// form at log-spaced T, one non-positive value. Snapshots in `Snapshots/regret/` (regenerate with
/// GDBENCH_UPDATE_SNAPSHOTS=1, then review as SnapshotTests says).
@Suite struct RegretFigureTests {
    static let online = OnlineConstants(diameter: 2, gradientBound: 3, roundStrongConvexity: 0, rounds: 1000)

    static func record(_ optimizer: String, repetition: Int, regret: (Int) -> Double) -> RunRecord {
        let problem = ProblemIdentity(
            id: "online-linear[d=2]", kind: "online-linear", parameters: ["d": "2"], batchSize: nil,
            gradientNoise: 0, dimension: 2, sampleCount: 1000, online: online)
        let trace = [0, 1, 3, 10, 31, 100, 316, 1000].map { t -> TracePoint in
            var point = TracePoint(
                iteration: t, gradientEvaluations: t, functionEvaluations: 0, epochs: nil, seconds: nil,
                value: 0, gap: nil, gradientNorm: 0, learningRate: nil, fingerprint: RunRecord.hex(0))
            point.regret = t == 0 ? 0 : regret(t)
            return point
        }
        let zero = Checkpoint(
            iteration: 1000, gradientEvaluations: 1000, functionEvaluations: 0, hessianVectorProducts: 0,
            hessianEvaluations: 0, epochs: nil, seconds: nil)
        return RunRecord(
            id: "\(problem.id)/\(optimizer)/rep=\(repetition)", suite: "online", problem: problem,
            optimizer: OptimizerIdentity(id: optimizer, kind: "online-gd", parameters: [:], schedule: nil),
            repetition: repetition, problemSeed: RunRecord.hex(0), runSeed: RunRecord.hex(0), status: .budget,
            message: nil,
            targets: TargetResults(measure: .absoluteGap, ladder: []), milestones: [], initialValue: 0, optimalValue: 0,
            final: FinalState(
                progress: zero, value: 0, gap: nil, relativeGap: nil, gradientNorm: 0, distance: nil,
                heldOutAccuracy: nil),
            wallTime: WallTime(medianSeconds: 0, repeats: []), trace: trace, finalFingerprint: RunRecord.hex(0))
    }

    static func figures() -> [Figure] {
        let records = (0..<3).flatMap { rep in
            [
                record("online-gd[step=sqrt]", repetition: rep) {
                    0.8 * Double($0).squareRoot() * (1 + 0.1 * Double(rep))
                },
                record("online-gd[step=constant]", repetition: rep) { $0 == 1 ? -0.5 : log(Double($0)) },
            ]
        }
        var stems = FigureStem()
        return RegretFigure.figures(FigureContext(results: ResultSet(records: records), format: .png), stems: &stems)
    }

    @Test func medianRegretBesideTheBound() throws {
        let figures = Self.figures()
        let figure = try #require(figures.first)
        #expect(figures.count == 1 && figure.kind == "regret")
        let data = try #require(figure.data.first?.text)
        // The median of 0.8√T·{1, 1.1, 1.2} is 0.88√T; the bound is (3/2)·2·3·√T = 9√T; R_1 = −0.5 is left out.
        #expect(data.contains("100 8.8"))
        #expect(data.contains("100 90"))
        #expect(data.contains("1 ?"))
        #expect(figure.script.contains("set logscale x") && figure.script.contains("set logscale y"))
        #expect(figure.script.contains("Thm 3.1"))
        let folder = Fixture.snapshots.appendingPathComponent("regret")
        var files: [(String, String)] = [(figure.scriptFileName, figure.script)]
        for table in figure.data { files.append((table.fileName, table.text)) }
        if SnapshotTests.updating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files {
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            return
        }
        for (name, text) in files {
            let expected = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(
                expected == text,
                "\(name) differs from its snapshot (GDBENCH_UPDATE_SNAPSHOTS=1 to regenerate, then review)")
        }
    }
}
