import ArgumentParser
import Harness
import SuiteLanguage

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a suite without running it: keys, kinds, types, ranges, expressions, ids.",
        discussion: "Builds repetition 0 of every problem to resolve expressions such as 1/L. Exit code 2 on the first error.")

    @Argument(help: "Suite name or path to a .yaml file.")
    var file: String

    @OptionGroup var location: SuiteLocation

    @Flag(name: .long, help: "Accept a grid of more than 10⁶ runs (its cells stay limited to 10⁶).")
    var force = false

    func run() throws {
        let path = try location.path(for: file)
        let suite = try SuiteLoader(catalog: .builtIn, maximumRuns: force ? nil : GridSize.defaultLimit).load(path: path)
        let plan = try RunPlan(suite: suite)
        try SuiteRunner.validate(plan)
        print("\(path): ok — \(plan.specs.count) runs (\(plan.problems.count) problems × \(plan.optimizers.count) optimizers × \(suite.repetitions) repetitions)")
    }
}
