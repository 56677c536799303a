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
        /// Keeps the runs whose id matches (nil: all).
        var keep: (@Sendable (String) -> Bool)? = nil
    }

    static let suitesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("suites")

    static let shipped: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: suitesFolder.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()

    /// What each suite keeps. Claims about κ ≥ 10⁵ need conditioning's budget-exhausting runs: those
    /// keep one rotation, the gradient-descent family and the fast methods, under a 2·10⁴ cap (GD still
    /// misses, the fast methods need at most a few thousand).
    static let reductions: [String: Reduction] = [
        "conditioning": Reduction(repetitions: 1, maxIterations: 20000, keep: { id in
            let small = ["kappa=1,", "kappa=10,", "kappa=100,", "kappa=1000,"].contains { id.contains($0) }
            let optimizer = id.range(of: "]/").map { String(id[$0.upperBound...]) } ?? ""
            let large = id.contains("kappa=100000,") && id.contains("rotation=none")
                && ["sgd[", "steepest", "gd-armijo", "heavy-ball", "nesterov-constant", "conjugate", "lbfgs", "newton"].contains { optimizer.hasPrefix($0) }
            return small || large
        }),
        "rosenbrock": Reduction(maxIterations: 3000, keep: { id in
            id.hasPrefix("rosenbrock[d=2]") || id.hasPrefix("rosenbrock[d=10,variant=chained]")
        }),
        "saddles": Reduction(repetitions: 3),
        "learning-rate": Reduction(repetitions: 1),
        "batch-size": Reduction(repetitions: 1),
        "logistic": Reduction(repetitions: 1, keep: { $0.contains("breast-cancer") }),
        "schedules": Reduction(repetitions: 1, keep: { $0.hasPrefix("quadratic") }),
    ]

    let name: String
    let directory: URL

    /// Runs the reduced suite into `root/NAME/RUN/` (two worker threads) and returns where it went.
    init(_ name: String, root: URL) throws {
        self.name = name
        var suite = try SuiteLoader(catalog: .builtIn).load(path: Self.suitesFolder.appendingPathComponent(name + ".yaml").path)
        let reduction = Self.reductions[name] ?? Reduction()
        if let repetitions = reduction.repetitions { suite.repetitions = min(suite.repetitions, repetitions) }
        if let cap = reduction.maxIterations { suite.budget.maxIterations = min(suite.budget.maxIterations, cap) }
        var plan = try RunPlan(suite: suite)
        if let keep = reduction.keep { plan.specs = plan.specs.filter { keep($0.id) } }
        let outcome = try Session.run(plan, options: SessionOptions(resultsRoot: root, jobs: 2))
        directory = outcome.directory.url
    }

    var results: ResultSet { get throws { try ResultSet(directory: RunDirectory(url: directory)) } }
}
