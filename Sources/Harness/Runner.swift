import External
import Foundation
import Objectives
import Optimizers
import Parameters
import Randomness
import Results
import SuiteLanguage

/// Runs one ``RunSpec`` on a built problem instance and turns the passes into a ``RunRecord``
/// (see ``RunLoop`` for what is monitored, counted and timed).
public enum Runner {
    /// The record of one run, or nil when `stop` was raised during it (the run is not recorded).
    /// `onPath` receives the path of a 2-D run (``PathRecorder``) from the monitored pass.
    public static func run(
        _ spec: RunSpec, instance: ProblemInstance, settings: RunSettings, suiteName: String, stop: StopSignal? = nil,
        onPath: ((TrajectoryFile) -> Void)? = nil, onIterates: ((String, IterateFile?) -> Void)? = nil
    ) -> RunRecord? {
        let context = ExternalRunContext(
            runID: spec.id, maxIterations: settings.budget.maxIterations,
            maxGradientEvaluations: settings.budget.maxGradientEvaluations,
            timeoutSeconds: settings.budget.timeoutSeconds)
        return ExternalRunContext.$current.withValue(context) {
            runBound(
                spec, instance: instance, settings: settings, suiteName: suiteName, stop: stop, onPath: onPath,
                onIterates: onIterates)
        }
    }

    static func runBound(
        _ spec: RunSpec, instance: ProblemInstance, settings: RunSettings, suiteName: String, stop: StopSignal?,
        onPath: ((TrajectoryFile) -> Void)?, onIterates: ((String, IterateFile?) -> Void)?
    ) -> RunRecord? {
        let built: MethodInstance
        do {
            built = try Instantiation.makeMethod(
                spec.optimizer, instance: instance, problem: spec.problem, runSeed: spec.runSeed)
        } catch {
            return failedRecord(
                spec, suiteName: suiteName, targets: settings.targets, instance: instance, message: "\(error)")
        }
        var pass = RunLoop.monitored(
            objective: instance.objective, method: built.method, spec: spec, settings: settings, stop: stop,
            coupledWeightDecay: coupledWeightDecay(spec.optimizer.kind, built.parameters))
        if let fault = (instance.objective as? ExternalObjective)?.takeFault() {
            pass.status = .error
            pass.message = fault
        }
        // A run that failed while stopping (Ctrl-C also reaches external clients) is not recorded: --resume reruns it.
        if pass.interrupted || (pass.status == .error && isStopping(stop)) { return nil }
        if let onPath, !pass.path.isEmpty { onPath(TrajectoryFile(runID: spec.id, points: pass.path)) }
        if let onIterates, pass.iterates.isActive { onIterates(spec.id, pass.iterates.file(runID: spec.id)) }

        var status = pass.status
        var message = pass.message
        let marks = pass.trace.map(\.iteration)
        var markSeconds = [Double?](repeating: nil, count: marks.count)
        var wallTime = WallTime(
            medianSeconds: pass.elapsedSeconds, repeats: [], constructionSeconds: instance.constructionSeconds)
        if status != .error && status != .timeout {
            var totals: [Double] = []
            var perMark: [[Double]] = []
            var splits: [TimeSplit] = []
            for repeatIndex in 0..<max(1, settings.timingRepeats) {
                if let stop, stop.isRaised { return nil }
                do {
                    let method = try Instantiation.makeMethod(
                        spec.optimizer, instance: instance, problem: spec.problem,
                        runSeed: spec.runSeed
                    ).method
                    let replay = try RunLoop.timed(
                        objective: instance.objective, method: method, spec: spec, marks: marks,
                        iterations: pass.finalIteration)
                    if let fault = (instance.objective as? ExternalObjective)?.takeFault() { throw MethodError(fault) }
                    if replay.fingerprint != pass.finalFingerprint {
                        status = .error
                        message =
                            "timing repeat \(repeatIndex + 1) ended at a different iterate (fingerprint "
                            + "\(RunRecord.hex(replay.fingerprint)) instead of "
                            + "\(RunRecord.hex(pass.finalFingerprint))): the run is not deterministic"
                        break
                    }
                    if let timing = (method.base as? ExternalMethod)?.timing {
                        let optimizer = timing.clientReportsTime ? timing.optimizerSeconds : nil
                        let pipe = optimizer.map { replay.total - timing.oracleSeconds - $0 }
                        splits.append(
                            TimeSplit(
                                optimizerSeconds: optimizer, oracleSeconds: timing.oracleSeconds,
                                pipeSeconds: pipe))
                    }
                    totals.append(replay.total)
                    perMark.append(replay.marks)
                } catch {
                    status = .error
                    message = "timing repeat \(repeatIndex + 1) failed: \(error)"
                    break
                }
            }
            // A replay that failed because gdbench is stopping (Ctrl-C reached the client) is not recorded either.
            if status == .error && isStopping(stop) { return nil }
            if status != .error {
                wallTime = WallTime(
                    medianSeconds: Median.of(totals), repeats: totals, split: medianSplit(splits),
                    constructionSeconds: instance.constructionSeconds)
                for index in marks.indices { markSeconds[index] = Median.of(perMark.map { $0[index] }) }
            }
        }

        func seconds(at iteration: Int) -> Double? {
            marks.firstIndex(of: iteration).flatMap { markSeconds[$0] }
        }
        func timed(_ checkpoint: Checkpoint?) -> Checkpoint? {
            guard var checkpoint else { return nil }
            checkpoint.seconds = seconds(at: checkpoint.iteration)
            return checkpoint
        }
        var trace = pass.trace
        for index in trace.indices { trace[index].seconds = markSeconds[index] }
        var final = pass.final
        final.progress.seconds = status == .error || status == .timeout ? nil : seconds(at: pass.finalIteration)
        let ladder = zip(settings.targets.thresholds, pass.targetHits).map { TargetHit(threshold: $0, hit: timed($1)) }
        var milestones: [MilestoneResult] = []
        if var milestone = pass.milestone {
            milestone.hit = timed(milestone.hit)
            milestones.append(milestone)
        }
        return RunRecord(
            id: spec.id, suite: suiteName, problem: identity(spec, instance),
            optimizer: identity(spec.optimizer, built),
            repetition: spec.repetition, problemSeed: RunRecord.hex(spec.problemSeed),
            runSeed: RunRecord.hex(spec.runSeed),
            status: status, message: message, targets: TargetResults(measure: settings.targets.measure, ladder: ladder),
            milestones: milestones, initialValue: pass.initialValue,
            optimalValue: instance.objective.constants.optimalValue,
            final: final, wallTime: wallTime, trace: trace, finalFingerprint: RunRecord.hex(pass.finalFingerprint))
    }

    /// Whether gdbench is stopping. When a client was killed by a process-group stop signal
    /// (``ClientStopSignals``) before the flag is up, waits up to 2 s for gdbench's own handler to raise it.
    static func isStopping(_ stop: StopSignal?) -> Bool {
        guard let stop else { return false }
        if stop.isRaised { return true }
        guard ClientStopSignals.shared.sawStopSignal else { return false }
        for _ in 0..<200 where !stop.isRaised { usleep(10_000) }
        return stop.isRaised
    }

    /// The optimizer's coupled L2 weight decay λ (``OptimizerKind/coupledWeightDecayKey``), or 0.
    static func coupledWeightDecay(_ kind: OptimizerKind, _ parameters: ParameterSet) -> Double {
        guard let key = kind.coupledWeightDecayKey, case .number(let value)? = parameters[key] else { return 0 }
        return value
    }

    /// The component-wise median of the splits of the timing repeats; nil for none (built-in kinds).
    static func medianSplit(_ splits: [TimeSplit]) -> TimeSplit? {
        guard !splits.isEmpty else { return nil }
        let reported = splits.allSatisfy { $0.optimizerSeconds != nil }
        return TimeSplit(
            optimizerSeconds: reported ? Median.of(splits.compactMap(\.optimizerSeconds)) : nil,
            oracleSeconds: Median.of(splits.map(\.oracleSeconds)),
            pipeSeconds: reported ? Median.of(splits.compactMap(\.pipeSeconds)) : nil)
    }

    static func strings(_ set: ParameterSet) -> [String: String] {
        var result: [String: String] = [:]
        for key in set.sortedKeys { result[key] = set[key]?.summary }
        return result
    }

    static func identity(_ spec: RunSpec, _ instance: ProblemInstance?) -> ProblemIdentity {
        let constants = instance?.objective.constants
        return ProblemIdentity(
            id: spec.problem.id, kind: spec.problem.kind.name,
            parameters: instance.map { strings($0.parameters) } ?? spec.problem.templates.mapValues(\.idText),
            batchSize: spec.problem.batchSize, gradientNoise: spec.problem.gradientNoise,
            dimension: instance?.objective.dimension ?? 0, sampleCount: instance?.objective.sampleCount,
            smoothness: constants?.smoothness, strongConvexity: constants?.strongConvexity,
            conditionNumber: constants?.conditionNumber,
            online: (instance?.objective as? any OnlineObjective).map {
                OnlineConstants(
                    diameter: $0.diameter, gradientBound: $0.gradientBound,
                    roundStrongConvexity: $0.roundStrongConvexity, rounds: $0.rounds)
            },
            sampling: spec.problem.sampling == .reshuffle || spec.problem.batchSize == nil
                ? nil : spec.problem.sampling.rawValue)
    }

    static func identity(_ cell: OptimizerCell, _ built: MethodInstance?) -> OptimizerIdentity {
        let schedule = cell.schedule.map { schedule in
            ScheduleIdentity(
                kind: schedule.kind.name,
                parameters: built?.scheduleParameters.map(strings) ?? schedule.templates.mapValues(\.idText))
        }
        return OptimizerIdentity(
            id: cell.id, kind: cell.kind.name,
            parameters: built.map { strings($0.parameters) } ?? cell.templates.mapValues(\.idText), schedule: schedule,
            client: cell.kind.provenance)
    }

    /// The record of a run that could not start (its problem or method could not be built).
    public static func failedRecord(
        _ spec: RunSpec, suiteName: String, targets: TargetLadder, instance: ProblemInstance?, message: String
    ) -> RunRecord {
        let zero = Checkpoint(
            iteration: 0, gradientEvaluations: 0, functionEvaluations: 0, hessianVectorProducts: 0,
            hessianEvaluations: 0, epochs: nil, seconds: nil)
        return RunRecord(
            id: spec.id, suite: suiteName, problem: identity(spec, instance), optimizer: identity(spec.optimizer, nil),
            repetition: spec.repetition, problemSeed: RunRecord.hex(spec.problemSeed),
            runSeed: RunRecord.hex(spec.runSeed),
            status: .error, message: message,
            targets: TargetResults(
                measure: targets.measure, ladder: targets.thresholds.map { TargetHit(threshold: $0, hit: nil) }),
            milestones: [],
            initialValue: .nan, optimalValue: instance?.objective.constants.optimalValue,
            final: FinalState(
                progress: zero, value: .nan, gap: nil, relativeGap: nil, gradientNorm: .nan, distance: nil,
                heldOutAccuracy: nil),
            wallTime: WallTime(medianSeconds: 0, repeats: []), trace: [], finalFingerprint: RunRecord.hex(0))
    }
}
