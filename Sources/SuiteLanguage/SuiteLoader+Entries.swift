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

    func readProblem(_ node: Node, keyPath: String, reader: NodeReader) throws -> ProblemEntry {
        let mapping = try reader.mapping(node, keyPath)
        let name = try kindName(mapping, node, keyPath: keyPath, reader: reader)
        let names = catalog.problems.map(\.name)
        let external = name == ExternalOptimizerEntry.kindName
        let kind = try resolveKind(
            name, subject: "problem", catalogKind: catalog.problem(named: name), names: names, mapping: mapping,
            keyPath: keyPath, reader: reader
        ) { try ExternalProblemEntry.kind(mapping, node, keyPath: keyPath, reader: reader, builtInNames: names) }
        var location = SourceLocation(file: reader.file, keyPath: keyPath, line: node.mark?.line)
        var entry = ProblemEntry(kind: kind, location: location)
        var samplingLine: Int?
        let extra =
            ["kind", "batch-size", "gradient-noise", "sampling"] + ProblemPlacement.keys
            + (external ? ["name", "command", "deadline"] : [])
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            location.parameterLines[key] = keyNode.mark?.line
            let path = "\(keyPath).\(key)"
            switch key {
            case "kind": continue
            case _ where external && ExternalOptimizerEntry.ownKeys.contains(key): continue
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
                guard let spec = kind.parameters.first(where: { $0.name == key }) else {
                    let known = kind.parameters.map(\.name) + extra
                    throw unknown(
                        "parameter of \(kind.name)", key, among: known, line: keyNode.mark?.line, keyPath: path,
                        reader: reader)
                }
                entry.parameters[key] = try reader.templates(value, spec: spec, path)
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
        let mapping = try reader.mapping(node, keyPath)
        let name = try kindName(mapping, node, keyPath: keyPath, reader: reader)
        let names = catalog.optimizers.map(\.name)
        let external = name == ExternalOptimizerEntry.kindName
        let kind = try resolveKind(
            name, subject: "optimizer", catalogKind: catalog.optimizer(named: name), names: names, mapping: mapping,
            keyPath: keyPath, reader: reader
        ) { try ExternalOptimizerEntry.kind(mapping, node, keyPath: keyPath, reader: reader, builtInNames: names) }
        var location = SourceLocation(file: reader.file, keyPath: keyPath, line: node.mark?.line)
        var entry = OptimizerEntry(kind: kind, location: location)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            location.parameterLines[key] = keyNode.mark?.line
            let path = "\(keyPath).\(key)"
            switch key {
            case "kind": continue
            case _ where external && ExternalOptimizerEntry.ownKeys.contains(key): continue
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
                    guard let spec = inner.parameters.first(where: { $0.name == innerKey }) else {
                        throw unknown(
                            "hyperparameter of \(inner.name) (the \(role) method of \(kind.name))", innerKey,
                            among: inner.parameters.map(\.name), line: keyNode.mark?.line, keyPath: path, reader: reader
                        )
                    }
                    entry.parameters[key] = try reader.templates(value, spec: spec, path)
                    continue
                }
                guard let spec = kind.parameters.first(where: { $0.name == key }) else {
                    let known =
                        kind.parameters.map(\.name) + (kind.acceptsSchedule ? ["schedule"] : []) + ["only-on"]
                        + (external ? ExternalOptimizerEntry.ownKeys.dropFirst() : [])
                    throw unknown(
                        "hyperparameter of \(kind.name)", key, among: known, line: keyNode.mark?.line, keyPath: path,
                        reader: reader)
                }
                entry.parameters[key] = try reader.templates(value, spec: spec, path)
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
        var location = SourceLocation(file: reader.file, keyPath: keyPath, line: node.mark?.line)
        var entry = ScheduleEntry(kind: kind, location: location)
        // A schedule that hands over to another (`warmup` … `then: cosine`) also takes the parameters
        // of the schedule it names; its own parameters come first when the names clash.
        let inner =
            kind.parameters.contains { $0.name == "then" }
            ? mapping["then"]?.string.flatMap(catalog.schedule(named:)) : nil
        let specs =
            kind.parameters
            + (inner?.parameters.filter { spec in !kind.parameters.contains { $0.name == spec.name } } ?? [])
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            if key == "kind" { continue }
            location.parameterLines[key] = keyNode.mark?.line
            let path = "\(keyPath).\(key)"
            guard let spec = specs.first(where: { $0.name == key }) else {
                let known = specs.map(\.name)
                throw unknown(
                    "parameter of \(kind.name)", key, among: known, line: keyNode.mark?.line, keyPath: path,
                    reader: reader)
            }
            entry.parameters[key] = try reader.templates(value, spec: spec, path)
        }
        entry.location = location
        return entry
    }
}
