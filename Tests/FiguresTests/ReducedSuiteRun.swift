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
        /// Replacements in the suite's text before it is loaded (e.g. a shorter list of dimensions).
        var replacing: [(String, String)] = []
        /// Claims (statement prefixes) the reduced run cannot decide, with the reason; the test skips
        /// them with that message.
        var undecided: [String: String] = [:]
    }

    static let suitesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("suites")

    /// Every shipped suite: the catalog of suites built into the binary (``ShippedSuites``, generated
    /// from suites/*.yaml), so a suite added there is tested without a change here.
    static let shipped: [String] = ShippedSuites.texts.keys.sorted()

    /// Whether python3 runs (suites with external clients need it).
    static let hasPython: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "pass"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Whether the suite runs a command through python3.
    static func needsPython(_ name: String) -> Bool { ShippedSuites.texts[name]?.contains("[python3") ?? false }

    /// What each suite keeps. Claims about κ ≥ 10⁵ need conditioning's budget-exhausting runs: those
    /// keep one rotation, the gradient-descent family and the fast methods, under a 2·10⁴ cap (GD still
    /// misses, the fast methods need at most a few thousand).
    static let reductions: [String: Reduction] = [
        "conditioning": Reduction(
            repetitions: 1, maxIterations: 20000,
            keep: ["*kappa=1,*", "*kappa=10,*", "*kappa=100,*", "*kappa=1000,*"]
                + ["sgd[", "steepest", "gd-armijo", "heavy-ball", "nesterov-constant", "conjugate", "lbfgs", "newton"]
                .map {
                    "*kappa=100000,rotation=none*]/\($0)*"
                }),
        "rosenbrock": Reduction(
            maxIterations: 3000, keep: ["rosenbrock[d=2]/*", "rosenbrock[d=10,variant=chained]/*"]),
        "saddles": Reduction(repetitions: 3),
        "learning-rate": Reduction(repetitions: 1),
        "batch-size": Reduction(repetitions: 1),
        "logistic": Reduction(repetitions: 1, keep: ["*breast-cancer*"]),
        "schedules": Reduction(repetitions: 1, keep: ["quadratic*"]),
        // Three dimensions ≥ 128 for the fits of the claims, without the dense d = 2048 and 4096 products.
        "dimension": Reduction(
            replacing: [("d: [2, 8, 32, 128, 512, 2048, 4096]", "d: [2, 8, 32, 128, 256, 512]")],
            undecided: [
                "Seconds per iteration grow like": "timed over d ≥ 512 (three d needed) in the full suite; "
                    + "in a debug build the per-iteration overhead dominates up to d = 1024 — run the suite in a "
                    + "release build"
            ]),
        // Every claim of the notes measured on one repetition of two epochs.
        "deep-learning": Reduction(repetitions: 1, replacing: [("max-epochs: 20", "max-epochs: 2")]),
        // The 10⁵-round random-sign stream needs its 40 repetitions for a stable exponent: left out here.
        "online": Reduction(
            repetitions: 8, keep: ["online-least-squares*", "online-logistic*", "online-linear[*absolute*"]),
        "convex": Reduction(repetitions: 1),
    ]

    let name: String
    /// The run directories (one per glob of the reduction).
    let directories: [URL]
    var directory: URL { directories[0] }

    /// Runs the reduced suite into `root/…/NAME/RUN/` (two worker threads).
    init(_ name: String, root: URL) throws {
        self.name = name
        let reduction = Self.reductions[name] ?? Reduction()
        let path = Self.suitesFolder.appendingPathComponent(name + ".yaml").path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (from, to) in reduction.replacing {
            guard text.contains(from) else {
                throw CocoaError(
                    .fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "\(path): no '\(from)' to reduce"])
            }
            text = text.replacingOccurrences(of: from, with: to)
        }
        var suite = try SuiteLoader(catalog: .builtIn).load(text: text, file: path)
        if let repetitions = reduction.repetitions { suite.repetitions = min(suite.repetitions, repetitions) }
        if let cap = reduction.maxIterations { suite.budget.maxIterations = min(suite.budget.maxIterations, cap) }
        let plan = try RunPlan(suite: suite)
        var directories: [URL] = []
        let globs: [String?] = reduction.keep.map { $0.map { Optional($0) } } ?? [nil]
        for (index, glob) in globs.enumerated() {
            let options = SessionOptions(
                resultsRoot: root.appendingPathComponent("part-\(index)"), jobs: 2, filter: glob.map(GlobPattern.init))
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
