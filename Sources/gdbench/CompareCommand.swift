import Analysis
import ArgumentParser
import Figures
import Foundation
import Results

/// `gdbench compare RUN_A RUN_B …`: overlaid figures and paired statistics of several runs of the
/// same suite (two code versions, two optimizer sets), written to `--out` (``RunComparison``).
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare runs: overlaid ECDFs, profiles and convergence curves, paired statistics.",
        discussion: """
            Each run's optimizer ids get the run's label (`sgd[lr=1/L] @A`); every figure of a run is drawn over the \
            merged records (SVG, in parallel), and each optimizer present in two runs is compared per problem instance \
            (problem × repetition: common random numbers when the runs share the seed) with a Wilcoxon signed-rank \
            test. Writes compare.md, compare-tables.tex, compare.html, figures/svg/ and their scripts \
            (figures/scripts/) into --out.
            """)

    @Argument(help: "Run directories (two or more).")
    var runs: [String]

    @Option(help: "Comma-separated labels, one per run (default: A, B, C, …).")
    var labels: String?

    @Option(help: "Output folder (default: results/compare/<UTC time>).")
    var out: String?

    @Option(name: .shortAndLong, help: "gnuplot processes at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard runs.count >= 2 else { throw ValidationError("give two or more run directories") }
        guard runs.count <= 26 || labels != nil else { throw ValidationError("more than 26 runs need --labels") }
        if let labels, labels.split(separator: ",").count != runs.count {
            throw ValidationError(
                "--labels: expected \(runs.count) labels, found \(labels.split(separator: ",").count)")
        }
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs: expected 1…256, found \(jobs)") }
    }

    func run() throws {
        let names =
            labels.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? runs.indices.map { String(UnicodeScalar(UInt8(65 + $0))) }
        guard Set(names).count == names.count, names.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("--labels: labels must be distinct and non-empty")
        }
        let sets = try runs.map {
            try ResultSet(directory: RunDirectory(url: URL(fileURLWithPath: $0).standardizedFileURL))
        }
        let suites = Set(sets.map { $0.manifest?.suite ?? $0.records.first?.suite ?? "" })
        if suites.count > 1 {
            print(
                "note: the runs come from different suites (\(suites.sorted().joined(separator: ", "))); only shared "
                    + "problems pair")
        }
        let comparison = RunComparison(runs: sets, labels: names)
        if !comparison.commonRandomNumbers {
            print("note: the runs' seeds differ: pairs are not over common random numbers")
        }
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
            .replacingOccurrences(of: "-", with: "")
        let folder = URL(fileURLWithPath: out ?? "results/compare/\(stamp)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let renderer = FigureRenderer(strict: false)
        for url in try comparison.write(to: folder, renderer: renderer, jobs: jobs) { print("wrote \(url.path)") }
        if renderer == nil {
            print(FigureRenderer.missingMessage(folder: folder.appendingPathComponent("figures"), format: .svg))
        }
    }
}
