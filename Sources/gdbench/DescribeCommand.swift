import ArgumentParser
import Harness
import Objectives
import Parameters
import SuiteLanguage

struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Print an optimizer's or schedule's update rule, defaults, conventions and references.")

    @Argument(help: "An optimizer, schedule or problem name (see gdbench list).")
    var name: String

    func run() throws {
        let catalog = Catalog.builtIn
        if let kind = catalog.optimizer(named: name) {
            print("\(kind.name) — \(kind.summary)\n")
            print("Update rule:\n\(DescribeCommand.indent(kind.updateRule))\n")
            print("Parameters:\n\(DescribeCommand.table(kind.parameters))")
            if kind.acceptsSchedule { print("  (lr may be driven by a schedule: `schedule: {kind: ...}`)") }
            print("\nConventions:\n\(DescribeCommand.indent(kind.conventions))")
            print("\nReferences:\n\(kind.references.map { "  - \($0)" }.joined(separator: "\n"))")
        } else if let kind = catalog.schedule(named: name) {
            print("\(kind.name) — \(kind.summary)\n")
            print("Formula:\n\(DescribeCommand.indent(kind.formula))\n")
            print("Parameters:\n\(DescribeCommand.table(kind.parameters))")
            print("\nConventions:\n\(DescribeCommand.indent(kind.conventions))")
            print("\nReferences:\n\(kind.references.map { "  - \($0)" }.joined(separator: "\n"))")
        } else if let kind = catalog.problem(named: name) {
            print("\(kind.name) — \(kind.summary)\(kind.isFiniteSum ? " (finite sum: accepts batch-size)" : "")\n")
            print("Parameters:\n\(DescribeCommand.table(kind.parameters))")
        } else {
            let names = catalog.optimizers.map(\.name) + catalog.schedules.map(\.name) + catalog.problems.map(\.name)
            throw InputError("no optimizer, schedule or problem named '\(name)'\(NearestName.hint(for: name, in: names))")
        }
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }.joined(separator: "\n")
    }

    static func table(_ specs: [ParameterSpec]) -> String {
        let width = specs.map(\.name.count).max() ?? 0
        return specs.map { spec in
            let value = spec.defaultValue.map { " (default \($0.summary))" } ?? (spec.summary.contains("required") ? "" : " (required)")
            return "  \(spec.name)\(String(repeating: " ", count: width - spec.name.count))  \(spec.summary)\(value)"
        }.joined(separator: "\n")
    }
}
