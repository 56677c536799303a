import Analysis
import Foundation
import Results

/// `gdbench compare RUN_A RUN_B …` (as cocopp does for several result folders): the runs' records
/// merged into one result set whose optimizer ids carry the run's label (`sgd[lr=1/L] @A`), so every
/// figure of the run — ECDFs, profiles, convergence curves, as small multiples with one style per
/// series — overlays the runs, and paired statistics per optimizer present in two runs over common
/// random numbers: the same problem id and repetition is the same instance, start and sample stream
/// when the runs share the suite's seed (``PairedComparison``: Wilcoxon signed-rank test and
/// rank-biserial r on iterations to the last target, failures as +∞). Runs with different seeds are
/// still compared, but the table says the pairing is not over common random numbers.
public struct RunComparison {
    public var labels: [String]
    public var runs: [ResultSet]
    /// The merged records (suite renamed `compare`, so no suite's claims apply to the mixture).
    public var merged: ResultSet

    public init(runs: [ResultSet], labels: [String]) {
        self.runs = runs
        self.labels = labels
        var records: [RunRecord] = []
        for (run, label) in zip(runs, labels) {
            for var record in run.records {
                record.optimizer.id = RunComparison.tag(record.optimizer.id, label)
                record.id = "\(record.problem.id)/\(record.optimizer.id)/rep=\(record.repetition)"
                record.suite = "compare"
                records.append(record)
            }
        }
        merged = ResultSet(records: records)
    }

    public static func tag(_ id: String, _ label: String) -> String { "\(id) @\(label)" }

    /// Whether every run has the same seed (then pairs share their random numbers).
    public var commonRandomNumbers: Bool { Set(runs.map { $0.manifest?.seed ?? "" }).count == 1 }

    /// One row per optimizer id and pair of runs that both hold it.
    public func pairedTable() -> ReportWriter.Table {
        var rows: [[String]] = []
        let target = max(merged.thresholds.count - 1, 0)
        for i in runs.indices {
            for j in runs.indices where j > i {
                let shared = Set(runs[i].optimizerIDs).intersection(runs[j].optimizerIDs).sorted()
                for id in shared {
                    let a = RunComparison.tag(id, labels[i]), b = RunComparison.tag(id, labels[j])
                    let comparison = PairedComparison(merged, optimizerA: a, optimizerB: b, targetIndex: target)
                    guard comparison.pairs > 0 else { continue }
                    let medianA = ResultSet.medianIterations(merged.runs(optimizer: a), targetIndex: target)
                    let medianB = ResultSet.medianIterations(merged.runs(optimizer: b), targetIndex: target)
                    let test = comparison.test
                    rows.append([
                        id, "\(labels[i]) vs \(labels[j])", "\(comparison.pairs)", ReportWriter.number(medianA ?? .nan),
                        ReportWriter.number(medianB ?? .nan), "\(comparison.aBetter)/\(comparison.bBetter)",
                        test.map { String(format: "%.3g", $0.pValue) } ?? "—",
                        test.map { String(format: "%.2f", $0.rankBiserial) } ?? "—",
                    ])
                }
            }
        }
        let pairing =
            commonRandomNumbers
            ? "over common random numbers (same seed: the same problem id and repetition is the same instance, start "
                + "and sample stream)"
            : "NOT over common random numbers (the runs' seeds differ: pairs are matched by problem id and repetition "
                + "only)"
        return ReportWriter.Table(
            caption:
                "Each optimizer present in two runs, paired by problem instance \(pairing): median iterations to the "
                + "last target in each run (failures +∞), instances where each run needed fewer, Wilcoxon "
                + "signed-rank p (two-sided) and rank-biserial r (negative: the first run needs fewer).",
            header: ["optimizer", "runs", "pairs", "median A", "median B", "A/B better", "p", "r"], rows: rows,
            alignment: "llrrrrrr")
    }

    /// Writes `compare.md`, `compare-tables.tex` (as ``ReportWriter``) and `compare.html` with the
    /// merged figures in `folder/figures/svg/`, their scripts in `folder/figures/scripts/` (rendered
    /// when `renderer` exists).
    public func write(to folder: URL, renderer: FigureRenderer?, jobs: Int) throws -> [URL] {
        let figuresFolder = folder.appendingPathComponent("figures")
        let all = try FigureScripts.build(FigureContext(results: merged, format: .svg))
        try FigureScripts.write(all, to: figuresFolder)
        let figures = all.filter { $0.format == .svg }
        try renderer?.renderAll(figures, in: figuresFolder, jobs: jobs)
        var writer = ReportWriter(results: merged)
        writer.leadingTables = [("Runs", runTable()), ("Paired across runs", pairedTable())]
        let urls = try writer.write(to: folder, figures: figures, figuresFolder: figuresFolder)
        var renamed: [URL] = []
        for url in urls {
            let target = folder.appendingPathComponent(
                url.lastPathComponent.replacingOccurrences(of: "report", with: "compare"))
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.moveItem(at: url, to: target)
            renamed.append(target)
        }
        return renamed
    }

    func runTable() -> ReportWriter.Table {
        ReportWriter.Table(
            caption: "The compared runs (provenance of each).",
            header: ["label", "suite", "run directory", "gdbench", "git commit", "seed", "build", "runs"],
            rows: zip(labels, runs).map { label, run in
                let manifest = run.manifest
                return [
                    label, manifest?.suite ?? run.records.first?.suite ?? "—", run.directory?.path ?? "—",
                    manifest?.gdbenchVersion ?? "—",
                    manifest?.gitCommit ?? "—", manifest?.seed ?? "—", manifest?.buildConfiguration ?? "—",
                    "\(run.records.count)",
                ]
            },
            alignment: "lllllllr")
    }
}
