import Analysis
import Foundation
import Harness
import Results

/// A shipped suite run at a reduced budget into a temporary results root (fewer repetitions, a lower
/// iteration cap, a subset of its cells), as the claim and figure tests need it: every reduction is
/// stated per suite in ``reductions``, so what a test checks is visible.
struct ReducedSuiteRun {
    struct Reduction: Sendable {
        var repetitions: Int? = nil
        var maxIterations: Int? = nil
        /// Keeps the runs whose id matches one of these globs (nil: all); one run directory per glob.
        var keep: [String]? = nil
    }

    static let suitesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("suites")

    /// The shipped suites whose claims ``ClaimRegistry`` holds. Left out until merged into it:
    /// `deep-learning` (its claims are `DeepLearningClaims`, a section of report.md of their own) and
    /// `external` (its optimizers are python clients over the pipe protocol), `dimension` (its checks are
    /// rows of the report's theory table, `DimensionScaling`, and its Rosenbrock figures still make gnuplot
    /// warn) and `own-problems` (no claims registered yet).
    static let shipped: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: suitesFolder.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        .filter { !["deep-learning", "external", "dimension", "own-problems"].contains($0) }.sorted()

    /// What each suite keeps. Claims about κ ≥ 10⁵ need conditioning's budget-exhausting runs: those
    /// keep one rotation, the gradient-descent family and the fast methods, under a 2·10⁴ cap (GD still
    /// misses, the fast methods need at most a few thousand).
    static let reductions: [String: Reduction] = [
        "conditioning": Reduction(repetitions: 1, maxIterations: 20000, keep: ["*kappa=1,*", "*kappa=10,*", "*kappa=100,*", "*kappa=1000,*"]
            + ["sgd[", "steepest", "gd-armijo", "heavy-ball", "nesterov-constant", "conjugate", "lbfgs", "newton"].map {
                "*kappa=100000,rotation=none*]/\($0)*"
            }),
        "rosenbrock": Reduction(maxIterations: 3000, keep: ["rosenbrock[d=2]/*", "rosenbrock[d=10,variant=chained]/*"]),
        "saddles": Reduction(repetitions: 3),
        "learning-rate": Reduction(repetitions: 1),
        "batch-size": Reduction(repetitions: 1),
        "logistic": Reduction(repetitions: 1, keep: ["*breast-cancer*"]),
        "schedules": Reduction(repetitions: 1, keep: ["quadratic*"]),
        // The 10⁵-round random-sign stream needs its 40 repetitions for a stable exponent: left out here.
        "online": Reduction(repetitions: 8, keep: ["online-least-squares*", "online-logistic*", "online-linear[*absolute*"]),
        "convex": Reduction(repetitions: 1),
    ]

    let name: String
    /// The run directories (one per glob of the reduction).
    let directories: [URL]
    var directory: URL { directories[0] }

    /// Runs the reduced suite into `root/…/NAME/RUN/` (two worker threads).
    init(_ name: String, root: URL) throws {
        self.name = name
        var suite = try SuiteLoader(catalog: .builtIn).load(path: Self.suitesFolder.appendingPathComponent(name + ".yaml").path)
        let reduction = Self.reductions[name] ?? Reduction()
        if let repetitions = reduction.repetitions { suite.repetitions = min(suite.repetitions, repetitions) }
        if let cap = reduction.maxIterations { suite.budget.maxIterations = min(suite.budget.maxIterations, cap) }
        let plan = try RunPlan(suite: suite)
        var directories: [URL] = []
        let globs: [String?] = reduction.keep.map { $0.map { Optional($0) } } ?? [nil]
        for (index, glob) in globs.enumerated() {
            let options = SessionOptions(resultsRoot: root.appendingPathComponent("part-\(index)"), jobs: 2, filter: glob.map(GlobPattern.init))
            directories.append(try Session.run(plan, options: options).directory.url)
        }
        self.directories = directories
    }

    /// The records of every part, with the first part's manifest and directory (sidecars).
    var results: ResultSet {
        get throws {
            let parts = try directories.map { try ResultSet(directory: RunDirectory(url: $0)) }
            return ResultSet(records: parts.flatMap(\.records), manifest: parts[0].manifest, directory: directories[0])
        }
    }
}
