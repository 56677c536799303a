import Objectives
import Optimizers
import Parameters

extension Catalog {
    /// Markdown tables of every problem, optimizer and schedule kind with its one-line summary and
    /// defaults: the README's catalog section is exactly this text (`gdbench list --markdown`), and a
    /// test keeps the two equal, so the documentation cannot drift from the declarations.
    public func markdownTables() -> String {
        var text = ""
        func section(_ title: String, _ rows: [(name: String, summary: String, parameters: [ParameterSpec])]) {
            text += "### \(title) (\(rows.count))\n\n| kind | what it is | parameters (defaults) |\n|---|---|---|\n"
            for row in rows {
                let defaults = row.parameters.map { spec in
                    spec.defaultValue.map { "\(spec.name)=\($0.summary)" } ?? "\(spec.name) (required)"
                }.joined(separator: ", ")
                text +=
                    "| `\(row.name)` | \(Catalog.escape(row.summary)) | "
                    + "\(Catalog.escape(defaults.isEmpty ? "—" : defaults)) |\n"
            }
            text += "\n"
        }
        section("Problems", problems.map { ($0.name, $0.summary, $0.parameters) })
        section("Optimizers", optimizers.map { ($0.name, $0.summary, $0.parameters) })
        section("Schedules", schedules.map { ($0.name, $0.summary, $0.parameters) })
        return text
    }

    /// A table cell: pipes escaped, newlines folded.
    static func escape(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
