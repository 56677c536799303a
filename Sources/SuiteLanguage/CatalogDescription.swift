import Objectives
import Optimizers
import Parameters

extension Catalog {
    /// What `gdbench describe NAME` prints: an optimizer's or schedule's update rule, parameters with
    /// defaults, conventions and references, or a problem's parameters; nil when no kind has the name.
    public func describe(_ name: String) -> String? {
        var lines: [String] = []
        if let kind = optimizer(named: name) {
            lines.append("\(kind.name) — \(kind.summary)\n")
            lines.append("Update rule:\n\(Self.indent(kind.updateRule))\n")
            lines.append("Parameters:\n\(Self.table(kind.parameters))")
            if kind.acceptsSchedule { lines.append("  (lr may be driven by a schedule: `schedule: {kind: ...}`)") }
            lines.append("\nConventions:\n\(Self.indent(kind.conventions))")
            lines.append("\nReferences:\n\(kind.references.map { "  - \($0)" }.joined(separator: "\n"))")
        } else if let kind = schedule(named: name) {
            lines.append("\(kind.name) — \(kind.summary)\n")
            lines.append("Formula:\n\(Self.indent(kind.formula))\n")
            lines.append("Parameters:\n\(Self.table(kind.parameters))")
            lines.append("\nConventions:\n\(Self.indent(kind.conventions))")
            lines.append("\nReferences:\n\(kind.references.map { "  - \($0)" }.joined(separator: "\n"))")
        } else if let kind = problem(named: name) {
            lines.append(
                "\(kind.name) — \(kind.summary)\(kind.isFiniteSum ? " (finite sum: accepts batch-size)" : "")\n")
            lines.append("Parameters:\n\(Self.table(kind.parameters))")
        } else {
            return nil
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)" }.joined(separator: "\n")
    }

    /// One line per parameter: name, summary, default (or "required").
    static func table(_ specs: [ParameterSpec]) -> String {
        let width = specs.map(\.name.count).max() ?? 0
        return specs.map { spec in
            let value =
                spec.defaultValue.map { " (default \($0.summary))" }
                ?? (spec.summary.contains("required") ? "" : " (required)")
            return "  \(spec.name)\(String(repeating: " ", count: width - spec.name.count))  \(spec.summary)\(value)"
        }.joined(separator: "\n")
    }
}
