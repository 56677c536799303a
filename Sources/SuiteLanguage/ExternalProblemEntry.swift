import External
import Objectives
import Yams

/// `{kind: external, name: NAME, command: [...], deadline: seconds, ...parameters}` in a suite's
/// `problems`: an objective served by another process (docs/protocol.md, "Objectives from another
/// process"), driven by any gdbench optimizer. The server's handshake (`role: objective`) declares the
/// parameters the entry is checked against; `name` is the problem's kind in ids and records.
enum ExternalProblemEntry {
    static func kind(
        _ mapping: Node.Mapping, _ node: Node, keyPath: String, reader: NodeReader,
        builtInNames: [String]
    ) throws -> ProblemKind {
        let pool = try ExternalOptimizerEntry.pool(
            mapping, node, keyPath: keyPath, reader: reader,
            builtInNames: builtInNames, role: "objective")
        let specs = pool.hello.parameters
        return ProblemKind(
            name: pool.configuration.name,
            summary: "external objective \(pool.hello.name) \(pool.hello.version)",
            parameters: specs,
            make: { values, generator in
                var filled = values
                for spec in specs where filled[spec.name] == nil { filled[spec.name] = spec.defaultValue }
                return try ExternalObjective(pool: pool, parameters: filled, seed: generator.next())
            })
    }
}
