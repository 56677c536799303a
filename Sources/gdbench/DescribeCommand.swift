import ArgumentParser
import Harness
import SuiteLanguage

struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Print an optimizer's or schedule's update rule, defaults, conventions and references.")

    @Argument(help: "An optimizer, schedule or problem name (see gdbench list).")
    var name: String

    func run() throws {
        let catalog = CommandContext.catalog
        guard var text = catalog.describe(name) else {
            let names = catalog.optimizers.map(\.name) + catalog.schedules.map(\.name) + catalog.problems.map(\.name)
            throw InputError(
                "no optimizer, schedule or problem named '\(name)'\(NearestName.hint(for: name, in: names))")
        }
        if catalog.optimizer(named: name) != nil, let warning = KnownPitfalls.warning(forKind: name),
            let firstLine = text.firstIndex(of: "\n")
        {
            text.insert(contentsOf: "\nWarning: \(warning)\n", at: text.index(after: firstLine))
        }
        print(text, terminator: "")
    }
}
