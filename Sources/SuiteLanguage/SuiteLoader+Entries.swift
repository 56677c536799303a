import Foundation
import Objectives
import Optimizers
import Results
import Yams

/// The readers of one problem, optimizer or schedule entry of a suite (``SuiteLoader``): the kind by
/// name (the catalog's or an `external` process's), then every key checked against the kind's parameters.
extension SuiteLoader {
    /// The error for a name that is not among `known`: "unknown SUBJECT (did you mean 'x'?); known: a, b, …".
    func unknown(
        _ subject: String, _ name: String, among known: [String], line: Int?, keyPath: String, reader: NodeReader
    ) -> SuiteError {
        SuiteError(
            file: reader.file, line: line, keyPath: keyPath,
            message:
                "unknown \(subject)\(NearestName.hint(for: name, in: known)); known: \(known.joined(separator: ", "))")
    }

    func kindName(_ mapping: Node.Mapping, _ node: Node, keyPath: String, reader: NodeReader) throws -> String {
        guard let kindNode = mapping["kind"] else {
            throw SuiteError(file: reader.file, line: node.mark?.line, keyPath: keyPath, message: "missing 'kind'")
        }
        return try reader.word(kindNode, "\(keyPath).kind")
    }

    /// The kind an entry's `kind:` names: one declared by an `external` process (`declareExternal`, which
    /// starts it), else the catalog's, else an error naming the nearest known kind.
    func resolveKind<Kind>(
        _ name: String, subject: String, catalogKind: Kind?, names: [String], mapping: Node.Mapping, keyPath: String,
        reader: NodeReader, declareExternal: () throws -> Kind
    ) throws -> Kind {
        if name == ExternalOptimizerEntry.kindName { return try declareExternal() }
        if let catalogKind { return catalogKind }
        throw unknown(
            "\(subject) kind '\(name)'", name, among: names + [ExternalOptimizerEntry.kindName],
            line: mapping["kind"]?.mark?.line, keyPath: "\(keyPath).kind", reader: reader)
    }

    /// An entry's mapping and its kind (see ``resolveKind``); `external` when it names an `external` process.
    func entryKind<Kind>(
        _ node: Node, subject: String, names: [String], keyPath: String, reader: NodeReader,
        catalogKind: (String) -> Kind?,
        declareExternal: (Node.Mapping, Node, String, NodeReader, [String]) throws -> Kind
    ) throws -> (mapping: Node.Mapping, kind: Kind, external: Bool) {
        let mapping = try reader.mapping(node, keyPath)
        let name = try kindName(mapping, node, keyPath: keyPath, reader: reader)
        let kind = try resolveKind(
            name, subject: subject, catalogKind: catalogKind(name), names: names, mapping: mapping, keyPath: keyPath,
            reader: reader
        ) { try declareExternal(mapping, node, keyPath, reader, names) }
        return (mapping, kind, name == ExternalOptimizerEntry.kindName)
    }

    /// Calls `read` with each key of an entry's mapping but `kind` and `skipping`, its key node, its value and its
    /// key path; returns the entry's location with the line of every key.
    func readKeys(
        _ mapping: Node.Mapping, of node: Node, keyPath: String, reader: NodeReader, skipping: [String] = [],
        _ read: (_ key: String, _ keyNode: Node, _ value: Node, _ path: String) throws -> Void
    ) throws -> SourceLocation {
        var location = SourceLocation(file: reader.file, keyPath: keyPath, line: node.mark?.line)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            location.parameterLines[key] = keyNode.mark?.line
            if key == "kind" || skipping.contains(key) { continue }
            try read(key, keyNode, value, "\(keyPath).\(key)")
        }
        return location
    }

    /// The values of `key` read by its spec among `specs`; else the error "unknown SUBJECT" naming the nearest
    /// of the specs' names and `otherKeys`.
    func templates(
        _ value: Node, key: String, keyNode: Node, specs: [ParameterSpec], otherKeys: [String] = [], subject: String,
        path: String, reader: NodeReader
    ) throws -> [ParameterTemplate] {
        guard let spec = specs.first(where: { $0.name == key }) else {
            throw unknown(
                subject, key, among: specs.map(\.name) + otherKeys, line: keyNode.mark?.line, keyPath: path,
                reader: reader)
        }
        return try reader.templates(value, spec: spec, path)
    }

    func readProblem(_ node: Node, keyPath: String, reader: NodeReader) throws -> ProblemEntry {
        let (mapping, kind, external) = try entryKind(
            node, subject: "problem", names: catalog.problems.map(\.name), keyPath: keyPath, reader: reader,
            catalogKind: catalog.problem(named:), declareExternal: ExternalProblemEntry.kind)
        var entry = ProblemEntry(kind: kind, location: SourceLocation(file: reader.file, keyPath: keyPath))
        var samplingLine: Int?
        let extra =
            ["kind", "batch-size", "gradient-noise", "sampling"] + ProblemPlacement.keys
            + (external ? ["name", "command", "deadline"] : [])
        let location = try readKeys(
            mapping, of: node, keyPath: keyPath, reader: reader,
            skipping: external ? ExternalOptimizerEntry.ownKeys : []
        ) { key, keyNode, value, path in
            switch key {
            case "batch-size":
                entry.batchSizes = try reader.alternatives(value, path).map { item -> Int? in
                    if item.string == "full" { return nil }
                    return try reader.integer(item, path, minimum: 1, maximum: Bounds.batchSize)
                }
                if !kind.isFiniteSum && entry.batchSizes.contains(where: { $0 != nil }) {
                    throw SuiteError(
                        file: reader.file, line: keyNode.mark?.line, keyPath: path,
                        message: "\(kind.name) is not a finite sum; batch-size needs a finite-sum problem")
                }
            case "gradient-noise":
                entry.gradientNoises = try reader.alternatives(value, path).map {
                    try reader.number($0, path, positive: false)
                }
            case "sampling":
                entry.samplings = try reader.alternatives(value, path).map { item in
                    let word = try reader.word(item, path)
                    guard let sampling = BatchSampling(rawValue: word) else {
                        throw unknown(
                            "sampling '\(word)'", word, among: BatchSampling.allCases.map(\.rawValue),
                            line: item.mark?.line ?? keyNode.mark?.line, keyPath: path, reader: reader)
                    }
                    return sampling
                }
                samplingLine = keyNode.mark?.line
            case "start", "instance":
                entry.parameters[key] = try reader.placementTemplates(value, key: key, path)
            case "variables" where kind.parameters.contains { $0.name == key && $0.kind == .choice([]) }:
                entry.parameters[key] = try reader.wordListTemplates(value, path)
            default:
                entry.parameters[key] = try templates(
                    value, key: key, keyNode: keyNode, specs: kind.parameters, otherKeys: extra,
                    subject: "parameter of \(kind.name)", path: path, reader: reader)
            }
        }
        if let samplingLine, entry.samplings != [.reshuffle],
            !kind.isFiniteSum || entry.batchSizes.contains(where: { $0 == nil })
        {
            throw SuiteError(
                file: reader.file, line: samplingLine, keyPath: "\(keyPath).sampling",
                message: "sampling chooses how mini-batches are drawn; it needs a finite-sum problem and a "
                    + "batch-size without 'full'")
        }
        entry.location = location
        return entry
    }

    func readOptimizer(_ node: Node, keyPath: String, reader: NodeReader) throws -> OptimizerEntry {
        let (mapping, kind, external) = try entryKind(
            node, subject: "optimizer", names: catalog.optimizers.map(\.name), keyPath: keyPath, reader: reader,
            catalogKind: catalog.optimizer(named:), declareExternal: ExternalOptimizerEntry.kind)
        var entry = OptimizerEntry(kind: kind, location: SourceLocation(file: reader.file, keyPath: keyPath))
        let location = try readKeys(
            mapping, of: node, keyPath: keyPath, reader: reader,
            skipping: external ? ExternalOptimizerEntry.ownKeys : []
        ) { key, keyNode, value, path in
            switch key {
            case "schedule":
                guard kind.acceptsSchedule else {
                    throw SuiteError(
                        file: reader.file, line: keyNode.mark?.line, keyPath: path,
                        message: "\(kind.name) has no learning rate a schedule could drive")
                }
                entry.schedule = try readSchedule(value, keyPath: path, reader: reader)
            case "only-on":
                entry.onlyOn = try reader.alternatives(value, path).enumerated().map { index, item in
                    GlobPattern(try reader.word(item, value.sequence == nil ? path : "\(path)[\(index)]"))
                }
            default:
                if let (role, innerKey) = Self.nestedKey(key), kind.parameters.contains(where: { $0.name == role }),
                    let innerName = mapping[role]?.string, let inner = catalog.optimizer(named: innerName)
                {
                    // `second.lr`: a parameter of the method named by `second` (switch, random-restarts).
                    entry.parameters[key] = try templates(
                        value, key: innerKey, keyNode: keyNode, specs: inner.parameters,
                        subject: "hyperparameter of \(inner.name) (the \(role) method of \(kind.name))", path: path,
                        reader: reader)
                    return
                }
                let otherKeys =
                    (kind.acceptsSchedule ? ["schedule"] : []) + ["only-on"]
                    + (external ? ExternalOptimizerEntry.ownKeys.dropFirst() : [])
                entry.parameters[key] = try templates(
                    value, key: key, keyNode: keyNode, specs: kind.parameters, otherKeys: otherKeys,
                    subject: "hyperparameter of \(kind.name)", path: path, reader: reader)
            }
        }
        entry.location = location
        return entry
    }

    /// `role.key` split at its first dot (`second.lr` → ("second", "lr")), nil for a plain key.
    static func nestedKey(_ key: String) -> (role: String, key: String)? {
        guard let dot = key.firstIndex(of: "."), dot != key.startIndex, key.index(after: dot) != key.endIndex else {
            return nil
        }
        return (String(key[..<dot]), String(key[key.index(after: dot)...]))
    }

    func readSchedule(_ node: Node, keyPath: String, reader: NodeReader) throws -> ScheduleEntry {
        let mapping = try reader.mapping(node, keyPath)
        let name = try kindName(mapping, node, keyPath: keyPath, reader: reader)
        let names = catalog.schedules.map(\.name)
        guard let kind = catalog.schedule(named: name) else {
            throw unknown(
                "schedule kind '\(name)'", name, among: names, line: mapping["kind"]?.mark?.line,
                keyPath: "\(keyPath).kind", reader: reader)
        }
        var entry = ScheduleEntry(kind: kind, location: SourceLocation(file: reader.file, keyPath: keyPath))
        // A schedule that hands over to another (`warmup` … `then: cosine`) also takes the parameters
        // of the schedule it names; its own parameters come first when the names clash.
        let inner =
            kind.parameters.contains { $0.name == "then" }
            ? mapping["then"]?.string.flatMap(catalog.schedule(named:)) : nil
        let specs =
            kind.parameters
            + (inner?.parameters.filter { spec in !kind.parameters.contains { $0.name == spec.name } } ?? [])
        let location = try readKeys(mapping, of: node, keyPath: keyPath, reader: reader) { key, keyNode, value, path in
            entry.parameters[key] = try templates(
                value, key: key, keyNode: keyNode, specs: specs, subject: "parameter of \(kind.name)", path: path,
                reader: reader)
        }
        entry.location = location
        return entry
    }
}
