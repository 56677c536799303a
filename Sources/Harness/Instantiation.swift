import Objectives
import Optimizers
import Parameters
import Randomness
import Results
import SuiteLanguage

/// A built problem: the objective of one (problem cell, repetition), shared by every optimizer.
public struct ProblemInstance: Sendable {
    public var objective: any Objective
    public var parameters: ParameterSet
    /// The values expressions may use: `L`, `mu`, `kappa`, `d`, `n` where known (`b` is added per run).
    public var expressionConstants: [String: Double]
    /// Seconds the kind's `make` took (data, rotation, constants): the record's
    /// `wall_time.construction_seconds`.
    public var constructionSeconds: Double = 0
}

/// A built optimizer for one run.
public struct MethodInstance: Sendable {
    /// Boxed by the kind, where the method's type was concrete (``MethodBox``).
    public var method: MethodBox
    public var parameters: ParameterSet
    public var scheduleParameters: ParameterSet?
}

/// Turns cells into objectives and methods: resolves expressions against the problem's constants,
/// checks values against the kinds' ``ParameterSpec``s, and reports the kinds' own `make` errors as
/// ``SuiteError``s with the entry's key path.
public enum Instantiation {
    /// Resolves `templates` and checks them against `specs`; every required parameter must be given.
    static func resolve(
        _ templates: [String: ParameterTemplate], specs: [ParameterSpec], constants: [String: Double],
        owner: String, location: SourceLocation
    ) throws -> ParameterSet {
        var set = ParameterSet()
        for key in templates.keys.sorted() {
            guard let template = templates[key] else { continue }
            let value: ParameterValue
            do {
                value = try template.resolve(constants)
            } catch let error as ExpressionError {
                throw location.error(key, "'\(template.idText)' \(error.message(owner: owner))")
            }
            if let spec = specs.first(where: { $0.name == key }) {
                do {
                    try ParameterReader.check(value, against: spec)
                } catch let error as ParameterError {
                    let via =
                        template.idText == value.summary ? "" : " (\(template.idText) = \(value.summary) on \(owner))"
                    throw location.error(key, error.message + via)
                }
            }
            set[key] = value
        }
        for spec in specs where spec.defaultValue == nil && templates[spec.name] == nil {
            throw location.error(spec.name, "missing (required: \(spec.summary))")
        }
        return set
    }

    /// `parameters` with the documented default of every spec not given (for size estimates).
    static func withDefaults(_ parameters: ParameterSet, specs: [ParameterSpec]) -> ParameterSet {
        var filled = parameters
        for spec in specs where filled[spec.name] == nil { filled[spec.name] = spec.defaultValue }
        return filled
    }

    /// Builds the objective of `cell` for a repetition from the problem seed.
    public static func makeProblem(_ cell: ProblemCell, problemSeed: UInt64) throws -> ProblemInstance {
        let parameters = try resolve(
            cell.templates, specs: cell.kind.parameters, constants: [:],
            owner: "a problem parameter", location: cell.location)
        let sized = withDefaults(parameters, specs: cell.kind.parameters)
        try RunMemory.check(
            RunMemory.problemBytes(sized), what: "\(cell.kind.name) with d = \(sized["d"]?.summary ?? "2")",
            location: cell.location, key: parameters["d"] == nil ? nil : "d")
        var generator = Xoshiro256StarStar(seed: problemSeed)
        let objective: any Objective
        let start = MonotonicClock.nanoseconds()
        var recorded = parameters
        do {
            var own = DataFileResolution.resolved(parameters, suiteFile: cell.location.file)
            let placement = try ProblemPlacement.extract(&own)
            objective = try placement.apply(
                to: try cell.kind.make(own, &generator), kind: cell.kind.name,
                generator: &generator)
            for (key, value) in try DataFileResolution.recordFields(parameters, suiteFile: cell.location.file) {
                recorded[key] = value
            }
            if let source = (objective as? any OptimumSource)?.optimumSource { recorded["optimum"] = .text(source) }
        } catch let error as ParameterError {
            throw cell.location.error(error.key, error.message)
        } catch let error as DataFileError {
            throw cell.location.error("file", error.description)
        } catch {
            throw cell.location.error(nil, "\(cell.kind.name) cannot be built: \(error)")
        }
        var constants: [String: Double] = ["d": Double(objective.dimension)]
        if let n = objective.sampleCount { constants["n"] = Double(n) }
        if let l = objective.constants.smoothness { constants["L"] = l }
        if let mu = objective.constants.strongConvexity { constants["mu"] = mu }
        if let kappa = objective.constants.conditionNumber { constants["kappa"] = kappa }
        return ProblemInstance(
            objective: objective, parameters: recorded, expressionConstants: constants,
            constructionSeconds: MonotonicClock.seconds(since: start))
    }

    /// Checks that the problem knows what the target measure needs (f* for gaps, x* for distance).
    public static func checkMeasure(
        _ measure: TargetMeasure, instance: ProblemInstance, cell: ProblemCell, suiteFile: String
    ) throws {
        let constants = instance.objective.constants
        let missing: String?
        switch measure {
        case .relativeGap, .absoluteGap: missing = constants.optimalValue == nil ? "f*" : nil
        case .distance: missing = constants.minimizer == nil ? "x*" : nil
        case .gradientNorm, .loss: missing = nil
        case .heldOutAccuracy:
            missing =
                instance.objective.heldOutAccuracy(at: instance.objective.startingPoint) == nil ? "held-out rows" : nil
        }
        if let missing {
            throw SuiteError(
                file: suiteFile, line: nil, keyPath: "targets.measure",
                message:
                    "\(measure.rawValue) needs \(missing), which \(cell.id) (\(cell.location.keyPath)) does not know; "
                    + "use gradient-norm or loss")
        }
    }

    /// Builds the method of `cell` for a problem instance.
    public static func makeMethod(
        _ cell: OptimizerCell, instance: ProblemInstance, problem: ProblemCell, runSeed: UInt64
    ) throws -> MethodInstance {
        var constants = instance.expressionConstants
        if let n = instance.objective.sampleCount { constants["b"] = Double(problem.batchSize.map { min($0, n) } ?? n) }
        let problemID = problem.id
        let parameters = try resolve(
            cell.templates, specs: cell.kind.parameters, constants: constants,
            owner: problemID, location: cell.location)
        let dimension = Double(instance.objective.dimension)
        let sized = withDefaults(parameters, specs: cell.kind.parameters)
        let sizeKey = ["history", "memory"].first { parameters[$0] != nil }
        let sizeText = sizeKey.map { " with \($0) = \(parameters[$0]?.summary ?? "")" } ?? ""
        try RunMemory.check(
            RunMemory.methodBytes(kind: cell.kind.name, sized, dimension: dimension),
            what: "\(cell.kind.name)\(sizeText) on d = \(instance.objective.dimension)",
            location: cell.location, key: sizeKey)
        var schedule: AnySchedule?
        var scheduleParameters: ParameterSet?
        if let scheduleCell = cell.schedule {
            let resolved = try resolve(
                scheduleCell.templates, specs: scheduleCell.kind.parameters,
                constants: constants, owner: problemID, location: scheduleCell.location)
            let base: Double
            if case .number(let value)? = parameters["lr"] {
                base = value
            } else if case .number(let value)? = cell.kind.parameters.first(where: { $0.name == "lr" })?.defaultValue {
                base = value
            } else {
                throw cell.location.error("schedule", "\(cell.kind.name) has no lr for the schedule to start from")
            }
            do {
                schedule = AnySchedule(try scheduleCell.kind.make(resolved, base))
            } catch let error as ParameterError {
                throw scheduleCell.location.error(error.key, error.message)
            } catch {
                throw scheduleCell.location.error(nil, "\(scheduleCell.kind.name) cannot be built: \(error)")
            }
            scheduleParameters = resolved
        }
        do {
            let method = try cell.kind.make(parameters, schedule, runSeed)
            return MethodInstance(method: method, parameters: parameters, scheduleParameters: scheduleParameters)
        } catch let error as ParameterError {
            throw cell.location.error(error.key, error.message)
        } catch {
            throw cell.location.error(nil, "\(cell.kind.name) cannot be built: \(error)")
        }
    }
}
