import ArgumentParser
import Harness
import SuiteLanguage

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a suite without running it: keys, kinds, types, ranges, expressions, ids.",
        discussion: """
            Builds repetition 0 of every problem to resolve expressions such as 1/L and prepares every optimizer \
            on it, so pairs that cannot work (a method needing L or μ the problem lacks, a quadratic-only method on \
            a non-quadratic, a method needing Hessians the problem lacks) are refused. Lists every error found \
            (file:line: key path: message), exit code 2.
            """)

    @Argument(help: "Suite name or path to a .yaml file.")
    var file: String

    @OptionGroup var location: SuiteLocation

    @Flag(name: .long, help: "Accept a grid of more than 10⁶ runs (its cells stay limited to 10⁶).")
    var force = false

    func run() throws {
        let suite = try location.load(
            file, with: SuiteLoader(catalog: CommandContext.catalog, maximumRuns: force ? nil : GridSize.defaultLimit))
        let path = suite.file
        let plan = try RunPlan(suite: suite)
        try SuiteRunner.validate(plan)
        print(
            "\(path): ok — \(plan.specs.count) runs (\(plan.problems.count) problems × \(plan.optimizers.count) "
                + "optimizers × \(suite.repetitions) repetitions)")
    }
}
