import Objectives
import Optimizers
import Parameters
import Randomness
import Results
import SuiteLanguage

/// One problem of the expanded matrix: one alternative of every parameter of a `problems:` entry.
public struct ProblemCell: Sendable {
    public var kind: ProblemKind
    public var templates: [String: ParameterTemplate]
    public var batchSize: Int?
    public var gradientNoise: Double
    /// How mini-batches are drawn (`sampling`).
    public var sampling: BatchSampling = .reshuffle
    public var location: SourceLocation
    /// `kind[key=value,...]`: what the instance (data, rotation, start point) depends on. Cells that
    /// differ only in batch size or noise share the instance and its seeds.
    public var instanceID: String
    /// ``instanceID`` plus `batch-size` / `gradient-noise` / `sampling` when given (`sampling` only when
    /// it is not the default `reshuffle`, so ids of suites without it are unchanged).
    public var id: String
    /// The position of each parameter's alternative in its list (`batch-size`, `gradient-noise`
    /// included), for the message about two cells with the same id.
    var choices: [String: Int] = [:]
}

/// One optimizer of the expanded matrix, with its schedule if any.
public struct OptimizerCell: Sendable {
    public var kind: OptimizerKind
    public var templates: [String: ParameterTemplate]
    public var schedule: ScheduleCell?
    public var location: SourceLocation
    /// Problem-id globs the entry is restricted to (`only-on`), nil for all problems.
    public var onlyOn: [GlobPattern]?
    /// `kind[key=value,...,schedule=cosine[t-max=100]]`, expressions as written.
    public var id: String
    /// The index of its `optimizers:` entry.
    var entry = 0
    /// As ``ProblemCell``'s (schedule parameters as `schedule.KEY`).
    var choices: [String: Int] = [:]

    /// Whether this optimizer runs on the problem with id `problemID` (`only-on`).
    public func applies(to problemID: String) -> Bool {
        onlyOn?.contains { $0.matches(problemID) } ?? true
    }
}

/// The schedule of an optimizer cell.
public struct ScheduleCell: Sendable {
    public var kind: ScheduleKind
    public var templates: [String: ParameterTemplate]
    public var location: SourceLocation
}

/// One run: a problem cell × an optimizer cell × a repetition, with its seeds.
public struct RunSpec: Sendable {
    /// `problem[...]/optimizer[...]/rep=N`.
    public var id: String
    public var problem: ProblemCell
    public var optimizer: OptimizerCell
    public var repetition: Int
    /// `derive(suiteSeed, "<instance id>/rep=N")`: the instance, its start point and (via
    /// `derive(problemSeed, "oracle")`) the mini-batch and noise stream.
    public var problemSeed: UInt64
    /// `derive(problemSeed, optimizerID)`.
    public var runSeed: UInt64

    public var oracleSeed: UInt64 { SeedDerivation.derive(problemSeed, "oracle") }
}

/// A suite expanded into its runs: the cartesian product of every entry's alternatives, problems ×
/// optimizers × repetitions (an optimizer with `only-on` pairs only with matching problems), in id
/// order. Only the cells (one per combination of an entry's alternatives) are expanded; the runs are
/// enumerated lazily by ``specs``, so a grid of any number of runs costs memory for its cells only.
/// Ids and seeds depend only on the suite text, never on order, threads or shards.
public struct RunPlan: Sendable {
    public var suite: Suite
    /// Every problem cell, entry by entry, in the order of the alternatives (``specs`` holds them sorted).
    public let problems: [ProblemCell]
    /// Every optimizer cell, entry by entry, in the order of the alternatives.
    public let optimizers: [OptimizerCell]
    /// Every run, sorted by id, computed on access.
    public let specs: RunSpecs

    public init(suite: Suite) throws {
        self.suite = suite
        problems = suite.problems.flatMap(RunPlan.expand)
        optimizers = suite.optimizers.enumerated().flatMap { index, entry in
            RunPlan.expand(entry).map { cell in
                var cell = cell
                cell.entry = index
                return cell
            }
        }
        // A run id is `problem/optimizer/rep=N`: sorting the cells by `id/` sorts the runs by id,
        // as long as no such key is a prefix of another (checked in RunSpecs).
        let problems = problems.sorted { $0.id + "/" < $1.id + "/" }
        let optimizers = optimizers.sorted { $0.id + "/" < $1.id + "/" }
        for (index, entry) in suite.optimizers.enumerated() where entry.onlyOn != nil {
            guard let cell = optimizers.first(where: { $0.entry == index }),
                !problems.contains(where: { cell.applies(to: $0.id) })
            else { continue }
            throw SuiteError(
                file: suite.file, line: cell.location.parameterLines["only-on"] ?? cell.location.line,
                keyPath: "\(cell.location.keyPath).only-on",
                message: "matches no problem id; the ids are \(problems.map(\.id).joined(separator: ", "))")
        }
        specs = try RunSpecs(suite: suite, problems: problems, optimizers: optimizers)
    }

    /// The alternatives of one parameter of an entry: `(value, its position in the list)`.
    typealias Alternatives = [(ParameterTemplate, Int)]

    /// All combinations of one alternative per key, with the position chosen for each key; keys
    /// sorted, the first key varies slowest.
    static func product(_ parameters: [String: [ParameterTemplate]]) -> [([String: ParameterTemplate], [String: Int])] {
        var combinations: [([String: ParameterTemplate], [String: Int])] = [([:], [:])]
        for key in parameters.keys.sorted() {
            let alternatives = parameters[key] ?? []
            combinations = combinations.flatMap { partial in
                alternatives.enumerated().map { position, value in
                    var next = partial
                    next.0[key] = value
                    next.1[key] = position
                    return next
                }
            }
        }
        return combinations
    }

    /// `name[key=value,...]`, keys sorted; just `name` without parameters.
    static func identifier(_ name: String, _ parts: [(String, String)]) -> String {
        if parts.isEmpty { return name }
        let sorted = parts.sorted { $0.0 < $1.0 }
        return name + "[" + sorted.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "]"
    }

    static func expand(_ entry: ProblemEntry) -> [ProblemCell] {
        var cells: [ProblemCell] = []
        for (templates, choices) in product(entry.parameters) {
            let parts = templates.map { ($0.key, $0.value.idText) }
            let instanceID = identifier(entry.kind.name, parts)
            for (batchPosition, batchSize) in entry.batchSizes.enumerated() {
                for (noisePosition, noise) in entry.gradientNoises.enumerated() {
                    for (samplingPosition, sampling) in entry.samplings.enumerated() {
                        var extra = parts
                        if let batchSize { extra.append(("batch-size", String(batchSize))) }
                        if noise > 0 { extra.append(("gradient-noise", ParameterValue.format(noise))) }
                        if sampling != .reshuffle { extra.append(("sampling", sampling.rawValue)) }
                        var all = choices
                        all["batch-size"] = batchPosition
                        all["gradient-noise"] = noisePosition
                        all["sampling"] = samplingPosition
                        cells.append(
                            ProblemCell(
                                kind: entry.kind, templates: templates, batchSize: batchSize, gradientNoise: noise,
                                sampling: sampling, location: entry.location, instanceID: instanceID,
                                id: identifier(entry.kind.name, extra), choices: all))
                    }
                }
            }
        }
        return cells
    }

    static func expand(_ entry: OptimizerEntry) -> [OptimizerCell] {
        let schedules: [(ScheduleCell, [String: Int])?] =
            entry.schedule.map { schedule in
                product(schedule.parameters).map { templates, choices in
                    (ScheduleCell(kind: schedule.kind, templates: templates, location: schedule.location), choices)
                }
            } ?? [nil]
        var cells: [OptimizerCell] = []
        for (templates, choices) in product(entry.parameters) {
            for schedule in schedules {
                var parts = templates.map { ($0.key, $0.value.idText) }
                var all = choices
                if let (schedule, scheduleChoices) = schedule {
                    parts.append(
                        (
                            "schedule",
                            identifier(schedule.kind.name, schedule.templates.map { ($0.key, $0.value.idText) })
                        ))
                    for (key, position) in scheduleChoices { all["schedule.\(key)"] = position }
                }
                cells.append(
                    OptimizerCell(
                        kind: entry.kind, templates: templates, schedule: schedule?.0, location: entry.location,
                        onlyOn: entry.onlyOn, id: identifier(entry.kind.name, parts), choices: all))
            }
        }
        return cells
    }
}
