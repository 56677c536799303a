import External
import Foundation
import Objectives
import Optimizers
import Yams

/// `{kind: external, name: NAME, command: [program, arg, ...], deadline: seconds, ...hyperparameters}`
/// in a suite's `optimizers`: an optimizer in another process (docs/protocol.md). The command runs in
/// the suite file's directory; its handshake, read here before anything runs, declares the
/// hyperparameters the rest of the entry is checked against, exactly like a built-in kind's. `name`
/// is the optimizer's kind in ids, records, tables and figures.
enum ExternalOptimizerEntry {
    static let kindName = "external"
    /// The entry's own keys (everything else is a hyperparameter of the client).
    static let ownKeys = ["kind", "name", "command", "deadline"]

    static func kind(
        _ mapping: Node.Mapping, _ node: Node, keyPath: String, reader: NodeReader,
        builtInNames: [String]
    ) throws -> OptimizerKind {
        makeKind(
            try pool(mapping, node, keyPath: keyPath, reader: reader, builtInNames: builtInNames, role: "optimizer"))
    }

    /// Reads `name`, `command` and `deadline`, starts the client and checks its handshake's role.
    static func pool(
        _ mapping: Node.Mapping, _ node: Node, keyPath: String, reader: NodeReader,
        builtInNames: [String], role: String
    ) throws -> ClientPool {
        guard let nameNode = mapping["name"] else {
            throw reader.fail(node, keyPath, "missing 'name' (the external optimizer's id in records, e.g. torch-adam)")
        }
        let name = try reader.word(nameNode, "\(keyPath).name")
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") })
        else {
            throw reader.fail(nameNode, "\(keyPath).name", "expected letters, digits, '-', '_' or '.', found '\(name)'")
        }
        guard !builtInNames.contains(name), name != kindName else {
            throw reader.fail(
                nameNode, "\(keyPath).name", "'\(name)' is a built-in kind; give the external optimizer its own name")
        }
        guard let commandNode = mapping["command"] else {
            throw reader.fail(node, keyPath, "missing 'command' (a list: program and arguments)")
        }
        let command = try reader.list(commandNode, "\(keyPath).command").enumerated().map { index, item in
            try reader.word(item, "\(keyPath).command[\(index)]")
        }
        var deadline = 60.0
        if let deadlineNode = mapping["deadline"] {
            deadline = try reader.number(deadlineNode, "\(keyPath).deadline", positive: true)
        }
        let directory: String
        do {
            directory = try BuiltInSuiteFile.commandDirectory(ofSuite: reader.file)
        } catch {
            throw reader.fail(commandNode, "\(keyPath).command", "\(error)")
        }
        let configuration = ClientConfiguration(
            name: name, command: command, directory: directory, deadlineSeconds: deadline)
        let pool: ClientPool
        do {
            pool = try ClientPools.pool(for: configuration)
        } catch {
            throw reader.fail(commandNode, "\(keyPath).command", "the client failed its handshake: \(error)")
        }
        guard pool.hello.role == role else {
            throw reader.fail(
                commandNode, "\(keyPath).command",
                "the client serves an \(pool.hello.role), but this entry needs an \(role) (HELO.role)")
        }
        return pool
    }

    /// The kind a suite entry builds runs from: the client's hyperparameters, its declared name and
    /// version as provenance, and a factory that fills in defaults and binds the run context.
    static func makeKind(_ pool: ClientPool) -> OptimizerKind {
        let hello = pool.hello
        let specs = hello.parameters
        var kind = OptimizerKind(
            name: pool.configuration.name,
            summary: "external optimizer \(hello.name) \(hello.version)",
            updateRule: "(in the client process: \(pool.configuration.command.joined(separator: " ")))",
            conventions: "Served over the gdbench protocol version \(hello.protocolVersion) (docs/protocol.md).",
            references: [], parameters: specs, acceptsSchedule: false,
            make: { values, _, seed in
                var filled = values
                for spec in specs where filled[spec.name] == nil { filled[spec.name] = spec.defaultValue }
                return ExternalMethod(pool: pool, parameters: filled, seed: seed, context: ExternalRunContext.current)
            })
        kind.provenance = "\(hello.name) \(hello.version) (gdbench protocol \(hello.protocolVersion))"
        return kind
    }
}
