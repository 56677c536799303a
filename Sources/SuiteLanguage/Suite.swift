import Objectives
import Optimizers
import Parameters
import Results

/// A benchmark suite: problems × optimizers × repetitions, a budget and a target ladder. Read from
/// `suites/NAME.yaml` by ``SuiteLoader``, or built in code.
public struct Suite: Sendable {
    public var name: String
    public var description: String
    /// The root of every seed of the suite.
    public var seed: UInt64
    public var repetitions: Int
    public var budget: Budget
    public var targets: TargetLadder
    /// Unmonitored replays of each run whose median time is recorded (≥ 1).
    public var timingRepeats: Int
    /// A problem with a saddle value gets the milestone `escaped`: f ≤ saddle value − this margin.
    public var escapeMargin: Double
    /// When the largest Hessian eigenvalue is measured (``SharpnessSchedule``); default never.
    public var sharpness: SharpnessSchedule
    public var problems: [ProblemEntry]
    public var optimizers: [OptimizerEntry]
    /// SHA-256 (hex) of the suite's text and the texts it includes; identifies the suite in
    /// manifests, `--resume` and `merge`.
    public var digest: String
    /// The file the suite was read from (for messages), or a name for suites built in code.
    public var file: String
    /// The data files its problems read, checked and hashed when the suite was loaded.
    public var dataFiles: [DataFileRecord] = []
    /// Write each run's iterates at its trace checkpoints (`record-iterates: true`, ``IterateFile``).
    public var recordIterates = false

    public init(
        name: String, description: String = "", seed: UInt64, repetitions: Int = 1, budget: Budget = Budget(),
        targets: TargetLadder = TargetLadder(), timingRepeats: Int = 1, escapeMargin: Double = 1e-3,
        sharpness: SharpnessSchedule = .none, problems: [ProblemEntry], optimizers: [OptimizerEntry],
        digest: String? = nil, file: String = "<code>"
    ) {
        self.name = name
        self.description = description
        self.seed = seed
        self.repetitions = repetitions
        self.budget = budget
        self.targets = targets
        self.timingRepeats = timingRepeats
        self.escapeMargin = escapeMargin
        self.sharpness = sharpness
        self.problems = problems
        self.optimizers = optimizers
        self.digest =
            digest
            ?? SHA256.hex(
                of: Array("\(name)|\(seed)|\(repetitions)|\(problems.map(\.summary))|\(optimizers.map(\.summary))".utf8)
            )
        self.file = file
    }
}

extension Suite {
    /// Recomputes ``digest`` from the current digest and the entries, for a suite read from a file
    /// and then changed in code (so its results do not claim the file's digest).
    public mutating func updateDigest() {
        let text =
            "\(digest)|\(name)|\(seed)|\(repetitions)|\(budget)|\(targets)|\(timingRepeats)|\(escapeMargin)|"
            + "\(problems.map(\.summary))|\(optimizers.map(\.summary))"
        digest = SHA256.hex(of: Array(text.utf8))
    }
}

/// Limits of one run. The first one reached ends the run with status `budget` (or `timeout`).
public struct Budget: Sendable, Equatable {
    public var maxIterations: Int
    public var maxGradientEvaluations: Int?
    /// Wall-clock limit of the monitored pass, in seconds (a guard, not a measurement).
    public var timeoutSeconds: Double?
    /// Passes over the data, for finite-sum problems.
    public var maxEpochs: Double?

    public init(
        maxIterations: Int = 10_000, maxGradientEvaluations: Int? = nil, timeoutSeconds: Double? = 60,
        maxEpochs: Double? = nil
    ) {
        self.maxIterations = maxIterations
        self.maxGradientEvaluations = maxGradientEvaluations
        self.timeoutSeconds = timeoutSeconds
        self.maxEpochs = maxEpochs
    }
}

/// When a run measures its sharpness, the largest eigenvalue of ∇²f (suite key `sharpness`).
public enum SharpnessSchedule: String, Sendable, CaseIterable {
    case none
    /// At the final iterate.
    case final
    /// At every trace point and at the final iterate.
    case trace
}

/// The targets of a suite: a measure and decreasing thresholds (increasing for held-out accuracy). Default: relative
/// gap 1e-1 … 1e-8.
public struct TargetLadder: Sendable, Equatable {
    public var measure: TargetMeasure
    public var thresholds: [Double]

    public init(
        measure: TargetMeasure = .relativeGap,
        thresholds: [Double] = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8]
    ) {
        self.measure = measure
        self.thresholds = thresholds.sorted(by: >)
    }
}

/// A parameter value as written: a number or expression, a word, a flag or a list of numbers.
public enum ParameterTemplate: Sendable, Equatable {
    case expression(Expression, text: String)
    case text(String)
    case flag(Bool)
    case numbers([Expression], text: String)

    /// A plain number.
    public static func number(_ value: Double) -> ParameterTemplate {
        .expression(.number(value), text: ParameterValue.format(value))
    }

    /// The form used in run ids: numbers in shortest round-trip form, expressions without spaces.
    public var idText: String {
        switch self {
        case .expression(.number(let value), _): return ParameterValue.format(value)
        case .expression(_, let text): return text.filter { !$0.isWhitespace }
        case .text(let value): return value
        case .flag(let value): return value ? "true" : "false"
        case .numbers(let items, let text):
            let values = items.compactMap { item -> String? in
                if case .number(let value) = item { return ParameterValue.format(value) }
                return nil
            }
            return values.count == items.count
                ? "[" + values.joined(separator: ",") + "]" : text.filter { !$0.isWhitespace }
        }
    }

    /// The value with the problem's constants bound.
    public func resolve(_ constants: [String: Double]) throws -> ParameterValue {
        switch self {
        case .expression(let expression, _): return .number(try expression.evaluate(constants))
        case .text(let value): return .text(value)
        case .flag(let value): return .flag(value)
        case .numbers(let items, _): return .numbers(try items.map { try $0.evaluate(constants) })
        }
    }
}

/// Where an entry came from, for error messages.
public struct SourceLocation: Sendable, Equatable {
    public var file: String
    /// `optimizers[2]`.
    public var keyPath: String
    public var line: Int?
    /// Line of each parameter key.
    public var parameterLines: [String: Int]

    public init(file: String = "<code>", keyPath: String, line: Int? = nil, parameterLines: [String: Int] = [:]) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.parameterLines = parameterLines
    }

    public func error(_ key: String?, _ message: String) -> SuiteError {
        SuiteError(
            file: file, line: key.flatMap { parameterLines[$0] } ?? line,
            keyPath: key.map { "\(keyPath).\($0)" } ?? keyPath, message: message)
    }
}

/// A `problems:` entry. Each parameter lists its alternatives (one for a plain value); the entry
/// expands to their cartesian product × `batchSizes` × `gradientNoises` × `samplings`.
public struct ProblemEntry: Sendable {
    public var kind: ProblemKind
    public var parameters: [String: [ParameterTemplate]]
    /// nil: full batch.
    public var batchSizes: [Int?]
    public var gradientNoises: [Double]
    /// How mini-batches are drawn (`sampling`; needs mini-batches): default `[.reshuffle]`.
    public var samplings: [BatchSampling] = [.reshuffle]
    public var location: SourceLocation

    public init(
        kind: ProblemKind, parameters: [String: [ParameterTemplate]] = [:], batchSizes: [Int?] = [nil],
        gradientNoises: [Double] = [0], location: SourceLocation
    ) {
        self.kind = kind
        self.parameters = parameters
        self.batchSizes = batchSizes
        self.gradientNoises = gradientNoises
        self.location = location
    }

    var summary: String {
        let values = parameters.keys.sorted().map { "\($0)=\(parameters[$0]?.map(\.idText) ?? [])" }
        return "\(kind.name)\(values)\(batchSizes)\(gradientNoises)\(samplings == [.reshuffle] ? "" : "\(samplings)")"
    }
}

/// An `optimizers:` entry, with an optional schedule; parameters expand like ``ProblemEntry``'s.
public struct OptimizerEntry: Sendable {
    public var kind: OptimizerKind
    public var parameters: [String: [ParameterTemplate]]
    public var schedule: ScheduleEntry?
    /// Globs over problem ids (`logistic*` , `*batch-size=*`): the entry runs only on problems that
    /// match one of them; nil runs it on every problem.
    public var onlyOn: [GlobPattern]?
    public var location: SourceLocation

    public init(
        kind: OptimizerKind, parameters: [String: [ParameterTemplate]] = [:], schedule: ScheduleEntry? = nil,
        onlyOn: [GlobPattern]? = nil, location: SourceLocation
    ) {
        self.kind = kind
        self.parameters = parameters
        self.schedule = schedule
        self.onlyOn = onlyOn
        self.location = location
    }

    var summary: String {
        let values = parameters.keys.sorted().map { "\($0)=\(parameters[$0]?.map(\.idText) ?? [])" }
        return "\(kind.name)\(values)\(schedule?.summary ?? "")\(onlyOn?.map(\.pattern) ?? [])"
    }
}

/// The `schedule:` of an optimizer entry.
public struct ScheduleEntry: Sendable {
    public var kind: ScheduleKind
    public var parameters: [String: [ParameterTemplate]]
    public var location: SourceLocation

    public init(kind: ScheduleKind, parameters: [String: [ParameterTemplate]] = [:], location: SourceLocation) {
        self.kind = kind
        self.parameters = parameters
        self.location = location
    }

    var summary: String {
        "\(kind.name)\(parameters.keys.sorted().map { "\($0)=\(parameters[$0]?.map(\.idText) ?? [])" })"
    }
}
