import ArgumentParser
import Diagnostics
import Foundation
import GradientCheck
import Harness
import Objectives
import Randomness

/// `gdbench gradcheck`: ``GradientCheck`` on every problem of a suite or on one problem given inline.
struct GradcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradcheck",
        abstract: "Check the gradients and Hessian-vector products of problems against central differences.",
        discussion: """
            Each problem (repetition 0 of every problem of --suite, or the --problem mapping) is checked at \
            its start and at seeded random points. Relative errors |a − n| / max(|a|, |n|) (vector norms): \
            below 1e-7 fine, above 1e-2 wrong, between them check. Exit code 1 when any is wrong, 2 on input errors.
              gdbench gradcheck --suite smoke
              gdbench gradcheck --problem '{kind: formula, f: "x^4 + y^2 - x*y"}'
            """)

    @Option(name: .long, help: "Suite name or path: check every problem of the suite.")
    var suite: String?

    @Option(
        name: .long,
        help: ArgumentHelp("One problem as a YAML mapping, as in a suite's problems list.", valueName: "yaml"))
    var problem: String?

    @Option(name: .long, help: "Points per problem (the start and seeded random points).")
    var points = 5

    @Option(name: .long, help: "Seed of the random points.")
    var seed: UInt64 = 0

    @OptionGroup var location: SuiteLocation

    func run() throws {
        guard (suite == nil) != (problem == nil) else {
            throw InputError("gradcheck needs exactly one of --suite NAME and --problem '{kind: ...}'")
        }
        guard (1...1000).contains(points) else { throw InputError("--points must be in 1…1000, found \(points)") }
        let loader = SuiteLoader(catalog: CommandContext.catalog)
        let loaded: Suite
        if let suite {
            loaded = try location.load(suite, with: loader)
        } else {
            let text = "name: gradcheck\nseed: \(seed)\nproblems:\n  - \(problem ?? "")\noptimizers:\n  - {kind: sgd}\n"
            loaded = try loader.load(text: text, file: "--problem")
        }
        let plan = try RunPlan(suite: loaded)
        var configuration = GradientCheck.Configuration()
        configuration.points = points
        configuration.seed = SeedDerivation.derive(seed, "gradcheck")
        var seen = Set<String>()
        var worst = GradientCheck.Verdict.fine
        for cell in plan.problems where seen.insert(cell.instanceID).inserted {
            let problemSeed = SeedDerivation.derive(loaded.seed, "\(cell.instanceID)/rep=0")
            let instance = try Instantiation.makeProblem(cell, problemSeed: problemSeed)
            let report = Self.check(instance.objective, configuration)
            worst = max(worst, report.verdict)
            var header = "\(cell.instanceID): d = \(report.dimension), \(report.verdict.rawValue.uppercased())"
            header += " (largest error: gradient \(report.format(report.largestGradientError))"
            if let hv = report.largestHessianVectorError { header += ", Hv \(report.format(hv))" }
            header += report.directional ? "; gradient along \(configuration.directions) random directions)" : ")"
            print(header)
            if let source = (instance.objective as? any OptimumSource)?.optimumSource { print("  f*: \(source)") }
            for line in report.description.split(separator: "\n") { print("  \(line)") }
        }
        if worst == .wrong { throw ExitStatus.regression.exitCode }
    }

    static func check<O: Objective>(_ objective: O, _ configuration: GradientCheck.Configuration)
        -> GradientCheck.Report
    {
        GradientCheck.check(objective, configuration: configuration)
    }
}
