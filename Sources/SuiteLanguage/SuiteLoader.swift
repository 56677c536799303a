import Foundation
import Objectives
import Optimizers
import Results
import Yams

/// Reads `suites/NAME.yaml` into a ``Suite``, checking every key, kind and literal value against
/// the ``Catalog`` before anything runs. Errors name the file, line, key path and nearest valid name.
///
/// Keys: `name`, `description`, `seed`, `repetitions`, `budget` (`max-iterations`,
/// `max-gradient-evaluations`, `timeout` seconds, `max-epochs`), `targets` (`measure`:
/// relative-gap | absolute-gap | gradient-norm | distance, `thresholds`: a decreasing list),
/// `timing-repeats`, `escape-margin`, `include` (a file or list of files, relative to this one,
/// whose problems and optimizers are added and whose other keys apply where this file is silent),
/// `record-iterates` (``IterateFile`` sidecars), `problems` (each: `kind`, its parameters, `batch-size`,
/// `gradient-noise`, `start` and `instance` (``ProblemPlacement``); data files are read and hashed
/// here, ``DataFileResolution``) and `optimizers`
/// (each: `kind`, its hyperparameters, `schedule: {kind: ..., ...}`, and `only-on`: a glob or list of
/// globs over problem ids that restricts the entry to matching problems). Any parameter may be a list of
/// alternatives (cartesian product); a list-valued parameter takes a list of lists. Every number has a
/// finite range (``Bounds``, ``ParameterReader/maximumInteger``, ``RunMemory``; README "Robustness").
public struct SuiteLoader {
    public var catalog: Catalog
    /// Suites that expand to more runs are refused (``GridSize``); nil lifts the limit (`--force`).
    public var maximumRuns: Int?

    public init(catalog: Catalog, maximumRuns: Int? = GridSize.defaultLimit) {
        self.catalog = catalog
        self.maximumRuns = maximumRuns
    }

    static let topKeys = [
        "name", "description", "seed", "repetitions", "budget", "targets", "timing-repeats",
        "escape-margin", "sharpness", "include", "problems", "optimizers", "record-iterates",
    ]
    static let budgetKeys = ["max-iterations", "max-gradient-evaluations", "timeout", "max-epochs"]
    static let targetKeys = ["measure", "thresholds"]

    /// Reads the suite at `path`.
    public func load(path: String) throws -> Suite {
        var texts: [String] = []
        let fields = try read(path: path, stack: [], texts: &texts)
        return try finish(fields, texts: texts)
    }

    /// Reads a suite given as text (tests, suites written by other tools); `file` names it in
    /// errors and is the base of relative includes.
    public func load(text: String, file: String) throws -> Suite {
        try SuiteText.check(text, file: file)
        var texts: [String] = [text]
        let fields = try parse(text: text, file: file, stack: [file], texts: &texts)
        return try finish(fields, texts: texts)
    }

    func finish(_ fields: Fields, texts: [String]) throws -> Suite {
        let file = fields.file
        guard let name = fields.name else {
            throw SuiteError(file: file, line: nil, keyPath: "name", message: "missing (every suite needs a name)")
        }
        guard let seed = fields.seed else {
            throw SuiteError(file: file, line: nil, keyPath: "seed", message: "missing (every suite needs a seed)")
        }
        if fields.problems.isEmpty {
            throw SuiteError(file: file, line: nil, keyPath: "problems", message: "no problems")
        }
        if fields.optimizers.isEmpty {
            throw SuiteError(file: file, line: nil, keyPath: "optimizers", message: "no optimizers")
        }
        let repetitions = fields.repetitions ?? 1
        let grid = GridSize(problems: fields.problems, optimizers: fields.optimizers, repetitions: repetitions)
        try grid.checkCells(problems: fields.problems, optimizers: fields.optimizers, file: file)
        if let maximumRuns {
            try grid.check(limit: maximumRuns, problems: fields.problems, optimizers: fields.optimizers, file: file)
        }
        var budget = fields.budget
        budget.maxIterations = fields.maxIterations ?? budget.maxIterations
        // A data file is part of the suite: its digest enters the suite's (`--resume`, `merge`).
        let dataDigests = fields.dataFiles.map { "data \($0.path) \($0.sha256)" }
        var suite = Suite(
            name: name, description: fields.description ?? "", seed: seed, repetitions: repetitions,
            budget: budget, targets: fields.targets ?? TargetLadder(), timingRepeats: fields.timingRepeats ?? 1,
            escapeMargin: fields.escapeMargin ?? 1e-3, sharpness: fields.sharpness ?? .none, problems: fields.problems,
            optimizers: fields.optimizers,
            digest: SHA256.hex(of: Array((texts + dataDigests).joined(separator: "\u{0}").utf8)), file: file)
        suite.dataFiles = fields.dataFiles
        suite.recordIterates = fields.recordIterates ?? false
        return suite
    }

    /// The keys of one file, before defaults.
    struct Fields {
        var file: String
        var name: String?
        var description: String?
        var seed: UInt64?
        var repetitions: Int?
        var budget = Budget()
        var maxIterations: Int?
        var budgetGiven = false
        var targets: TargetLadder?
        var timingRepeats: Int?
        var escapeMargin: Double?
        var sharpness: SharpnessSchedule?
        var problems: [ProblemEntry] = []
        var optimizers: [OptimizerEntry] = []
        var dataFiles: [DataFileRecord] = []
        var recordIterates: Bool?
    }

    func read(path: String, stack: [String], texts: inout [String]) throws -> Fields {
        guard texts.count < Bounds.files else {
            throw SuiteError(
                file: stack.last ?? path, line: nil, keyPath: "include",
                message: "more than \(Bounds.files) files in one suite (counting every include, repeated ones too)")
        }
        let text = try SuiteText.read(path: path)
        texts.append(text)
        return try parse(text: text, file: path, stack: stack + [path], texts: &texts)
    }

    func parse(text: String, file: String, stack: [String], texts: inout [String]) throws -> Fields {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, _) {
            let key = duplicates.sorted().first ?? ""
            throw SuiteError(
                file: file, line: SuiteLoader.secondLine(ofKey: key, in: text), keyPath: key,
                message: "not valid YAML: the key appears twice in one mapping")
        } catch let error as YamlError {
            throw SuiteError(
                file: file, line: SuiteLoader.line(of: error), keyPath: "",
                message: "not valid YAML: \(SuiteLoader.problem(of: error))")
        } catch {
            throw SuiteError(file: file, line: nil, keyPath: "", message: "not valid YAML: \(error)")
        }
        guard let root else {
            throw SuiteError(
                file: file, line: nil, keyPath: "",
                message: "the file is empty (a suite needs name, seed, problems and optimizers)")
        }
        try SuiteLoader.checkExpandedSize(root, file: file)
        guard let mapping = root.mapping else {
            throw SuiteError(
                file: file, line: root.mark?.line, keyPath: "",
                message: "a suite is a mapping of keys (name, seed, problems, optimizers, ...)")
        }
        var fields = Fields(file: file)
        let reader = NodeReader(file: file)
        var included: [Fields] = []
        // Every error of the file: a bad key, problem or optimizer entry is noted and reading goes on.
        var errors: [SuiteError] = []
        func note(_ body: () throws -> Void) throws {
            do { try body() } catch let error as SuiteError { errors.append(error) } catch let error as SuiteErrors {
                errors += error.errors
            }
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line
            try note {
                switch key {
                case "name": fields.name = try reader.suiteName(value, "name")
                case "description": fields.description = try reader.word(value, "description")
                case "seed": fields.seed = try reader.seed(value, "seed")
                case "repetitions":
                    fields.repetitions = try reader.integer(
                        value, "repetitions", minimum: 1, maximum: Bounds.repetitions)
                case "timing-repeats":
                    fields.timingRepeats = try reader.integer(
                        value, "timing-repeats", minimum: 1, maximum: Bounds.timingRepeats)
                case "escape-margin": fields.escapeMargin = try reader.number(value, "escape-margin", positive: true)
                case "sharpness":
                    let word = try reader.word(value, "sharpness")
                    guard let schedule = SharpnessSchedule(rawValue: word) else {
                        let names = SharpnessSchedule.allCases.map(\.rawValue)
                        throw SuiteError(
                            file: file, line: value.mark?.line, keyPath: "sharpness",
                            message: "unknown value '\(word)'\(NearestName.hint(for: word, in: names)); known: "
                                + "\(names.joined(separator: ", "))")
                    }
                    fields.sharpness = schedule
                case "record-iterates": fields.recordIterates = try reader.flag(value, "record-iterates")
                case "budget": try readBudget(value, into: &fields, reader: reader)
                case "targets": fields.targets = try readTargets(value, reader: reader)
                case "include":
                    let names: [Node] = value.sequence.map { Array($0) } ?? [value]
                    for (index, nameNode) in names.enumerated() {
                        let keyPath = value.sequence == nil ? "include" : "include[\(index)]"
                        let relative = try reader.word(nameNode, keyPath)
                        let base = (file as NSString).deletingLastPathComponent
                        let path =
                            relative.hasPrefix("/") ? relative : (base as NSString).appendingPathComponent(relative)
                        if stack.contains(path) {
                            throw SuiteError(
                                file: file, line: nameNode.mark?.line, keyPath: keyPath,
                                message: "includes itself (\((stack + [path]).joined(separator: " → ")))")
                        }
                        guard FileManager.default.fileExists(atPath: path) else {
                            throw SuiteError(
                                file: file, line: nameNode.mark?.line, keyPath: keyPath,
                                message: "no such file: \(path)")
                        }
                        included.append(try read(path: path, stack: stack, texts: &texts))
                    }
                case "problems":
                    let items = try reader.list(value, "problems")
                    for (index, item) in items.enumerated() {
                        try note {
                            let entry = try readProblem(item, keyPath: "problems[\(index)]", reader: reader)
                            fields.dataFiles += try DataFileResolution.preload(entry, suiteFile: file)
                            fields.problems.append(entry)
                        }
                    }
                case "optimizers":
                    let items = try reader.list(value, "optimizers")
                    for (index, item) in items.enumerated() {
                        try note {
                            fields.optimizers.append(
                                try readOptimizer(item, keyPath: "optimizers[\(index)]", reader: reader))
                        }
                    }
                default:
                    throw SuiteError(
                        file: file, line: line, keyPath: key,
                        message: "unknown key\(NearestName.hint(for: key, in: SuiteLoader.topKeys)); known: "
                            + "\(SuiteLoader.topKeys.joined(separator: ", "))")
                }
            }
        }
        try SuiteErrors.throwIfAny(errors)
        for other in included {
            fields.name = fields.name ?? other.name
            fields.description = fields.description ?? other.description
            fields.seed = fields.seed ?? other.seed
            fields.repetitions = fields.repetitions ?? other.repetitions
            fields.timingRepeats = fields.timingRepeats ?? other.timingRepeats
            fields.escapeMargin = fields.escapeMargin ?? other.escapeMargin
            fields.sharpness = fields.sharpness ?? other.sharpness
            fields.recordIterates = fields.recordIterates ?? other.recordIterates
            fields.targets = fields.targets ?? other.targets
            if !fields.budgetGiven && other.budgetGiven {
                fields.budget = other.budget
                fields.maxIterations = other.maxIterations
                fields.budgetGiven = true
            }
            fields.problems += other.problems
            fields.dataFiles += other.dataFiles
            fields.optimizers += other.optimizers
        }
        return fields
    }

    func readBudget(_ node: Node, into fields: inout Fields, reader: NodeReader) throws {
        let mapping = try reader.mapping(node, "budget")
        fields.budgetGiven = true
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let path = "budget.\(key)"
            switch key {
            case "max-iterations":
                fields.maxIterations = try reader.integer(value, path, minimum: 1, maximum: Bounds.iterations)
            case "max-gradient-evaluations":
                fields.budget.maxGradientEvaluations = try reader.integer(
                    value, path, minimum: 1, maximum: Bounds.iterations)
            case "timeout":
                fields.budget.timeoutSeconds = try reader.number(
                    value, path, positive: true, maximum: Bounds.timeoutSeconds)
            case "max-epochs":
                fields.budget.maxEpochs = try reader.number(value, path, positive: true, maximum: Bounds.epochs)
            default:
                throw unknown(
                    "key", key, among: SuiteLoader.budgetKeys, line: keyNode.mark?.line, keyPath: path, reader: reader)
            }
        }
    }

    func readTargets(_ node: Node, reader: NodeReader) throws -> TargetLadder {
        var ladder = TargetLadder()
        if node.sequence != nil {
            ladder.thresholds = try reader.thresholds(node, "targets")
            return ladder
        }
        let mapping = try reader.mapping(node, "targets")
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let path = "targets.\(key)"
            switch key {
            case "measure":
                let word = try reader.word(value, path)
                let names = TargetMeasure.allCases.map(\.rawValue)
                guard let measure = TargetMeasure(rawValue: word) else {
                    throw SuiteError(
                        file: reader.file, line: value.mark?.line, keyPath: path,
                        message: "unknown measure '\(word)'\(NearestName.hint(for: word, in: names)); known: "
                            + "\(names.joined(separator: ", "))")
                }
                ladder.measure = measure
            case "thresholds": ladder.thresholds = try reader.thresholds(value, path)
            default:
                throw unknown(
                    "key", key, among: SuiteLoader.targetKeys, line: keyNode.mark?.line, keyPath: path, reader: reader)
            }
        }
        if ladder.measure.isAscending {
            if let bad = ladder.thresholds.first(where: { $0 > 1 }) {
                throw SuiteError(
                    file: reader.file, line: mapping["thresholds"]?.mark?.line, keyPath: "targets.thresholds",
                    message: "an accuracy threshold must be in (0, 1], found \(ParameterValue.format(bad))")
            }
            ladder.thresholds.sort()
        }
        return ladder
    }

    /// The line of the second `key:` in the text (the duplicate), when it can be found by its spelling.
    static func secondLine(ofKey key: String, in text: String) -> Int? {
        guard !key.isEmpty else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let hits = lines.indices.filter { index in
            let trimmed = lines[index].drop { $0 == " " || $0 == "-" }
            return trimmed.hasPrefix("\(key):")
        }
        return hits.count >= 2 ? hits[1] + 1 : nil
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    /// The YAML reader's complaint in the user's terms: its nesting limit is named as such (not by
    /// the C function that sets it) and line breaks, raw or escaped, become spaces.
    static func problem(of error: YamlError) -> String {
        let text: String
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            text = problem
        case .duplicatedKeysInMapping(let duplicates, _): text = "duplicate keys \(duplicates.joined(separator: ", "))"
        default: text = "\(error)"
        }
        if text.localizedCaseInsensitiveContains("nesting level") {
            return "lists and mappings nested more than \(maximumNesting) levels deep"
        }
        return text.replacingOccurrences(of: "\\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    /// The deepest nesting of lists and mappings the YAML reader accepts (libyaml's MAX_NESTING_LEVEL).
    static let maximumNesting = 1000
}
