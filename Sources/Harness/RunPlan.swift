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
    public var location: SourceLocation
    /// `kind[key=value,...]`: what the instance (data, rotation, start point) depends on. Cells that
    /// differ only in batch size or noise share the instance and its seeds.
    public var instanceID: String
    /// ``instanceID`` plus `batch-size` / `gradient-noise` when given.
    public var id: String
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
/// optimizers × repetitions (an optimizer with `only-on` pairs only with matching problems), sorted by id. Expansion needs no problem instance; ids and seeds depend
/// only on the suite text, never on order, threads or shards.
public struct RunPlan: Sendable {
    public var suite: Suite
    public var problems: [ProblemCell]
    public var optimizers: [OptimizerCell]
    /// Every run, sorted by id.
    public var specs: [RunSpec]

    public init(suite: Suite) throws {
        self.suite = suite
        problems = suite.problems.flatMap(RunPlan.expand)
        optimizers = suite.optimizers.flatMap(RunPlan.expand)
        for optimizer in optimizers where !problems.contains(where: { optimizer.applies(to: $0.id) }) {
            throw SuiteError(file: suite.file, line: optimizer.location.parameterLines["only-on"] ?? optimizer.location.line,
                             keyPath: "\(optimizer.location.keyPath).only-on",
                             message: "matches no problem id; the ids are \(problems.map(\.id).joined(separator: ", "))")
        }
        var specs: [RunSpec] = []
        // Exactly the runs' count: a growing array would hold two buffers of specs at its peak.
        var pairs = 0
        for problem in problems { pairs += optimizers.filter { $0.applies(to: problem.id) }.count }
        specs.reserveCapacity(suite.repetitions * pairs)
        var seen: [String: String] = [:]
        for problem in problems {
            for repetition in 0..<suite.repetitions {
                let problemSeed = SeedDerivation.derive(suite.seed, "\(problem.instanceID)/rep=\(repetition)")
                for optimizer in optimizers where optimizer.applies(to: problem.id) {
                    let id = "\(problem.id)/\(optimizer.id)/rep=\(repetition)"
                    let origin = "\(problem.location.keyPath) × \(optimizer.location.keyPath)"
                    if let first = seen[id] {
                        throw SuiteError(file: suite.file, line: optimizer.location.line, keyPath: optimizer.location.keyPath,
                                         message: "run id \(id) appears twice (\(first) and \(origin)); remove the duplicate entry")
                    }
                    seen[id] = origin
                    specs.append(RunSpec(
                        id: id, problem: problem, optimizer: optimizer, repetition: repetition,
                        problemSeed: problemSeed, runSeed: SeedDerivation.derive(problemSeed, optimizer.id)))
                }
            }
        }
        specs.sort { $0.id < $1.id }  // in place: no second copy of the specs at the peak
        self.specs = specs
    }

    /// All combinations of one alternative per key; keys sorted, the first key varies slowest.
    static func product(_ parameters: [String: [ParameterTemplate]]) -> [[String: ParameterTemplate]] {
        var combinations: [[String: ParameterTemplate]] = [[:]]
        for key in parameters.keys.sorted() {
            let alternatives = parameters[key] ?? []
            combinations = combinations.flatMap { partial in
                alternatives.map { value in
                    var next = partial
                    next[key] = value
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
        for templates in product(entry.parameters) {
            let parts = templates.map { ($0.key, $0.value.idText) }
            let instanceID = identifier(entry.kind.name, parts)
            for batchSize in entry.batchSizes {
                for noise in entry.gradientNoises {
                    var extra = parts
                    if let batchSize { extra.append(("batch-size", String(batchSize))) }
                    if noise > 0 { extra.append(("gradient-noise", ParameterValue.format(noise))) }
                    cells.append(ProblemCell(
                        kind: entry.kind, templates: templates, batchSize: batchSize, gradientNoise: noise,
                        location: entry.location, instanceID: instanceID, id: identifier(entry.kind.name, extra)))
                }
            }
        }
        return cells
    }

    static func expand(_ entry: OptimizerEntry) -> [OptimizerCell] {
        let schedules: [ScheduleCell?] = entry.schedule.map { schedule in
            product(schedule.parameters).map { ScheduleCell(kind: schedule.kind, templates: $0, location: schedule.location) }
        } ?? [nil]
        var cells: [OptimizerCell] = []
        for templates in product(entry.parameters) {
            for schedule in schedules {
                var parts = templates.map { ($0.key, $0.value.idText) }
                if let schedule {
                    parts.append(("schedule", identifier(schedule.kind.name, schedule.templates.map { ($0.key, $0.value.idText) })))
                }
                cells.append(OptimizerCell(
                    kind: entry.kind, templates: templates, schedule: schedule, location: entry.location,
                    onlyOn: entry.onlyOn, id: identifier(entry.kind.name, parts)))
            }
        }
        return cells
    }
}
