import Objectives
import Optimizers

/// Whether an optimizer can run on a problem at all: builds the method and prepares it on a fresh
/// oracle at the problem's start, as a run does. A method that needs L or μ the problem does not know,
/// Hessians it does not provide, or a quadratic it is not, throws there; the error names the
/// optimizer entry's file, line and key path and the problem.
enum PairCheck {
    static func check(_ cell: OptimizerCell, instance: ProblemInstance, spec: RunSpec) throws {
        let built = try Instantiation.makeMethod(cell, instance: instance, problem: spec.problem, runSeed: spec.runSeed)
        do {
            try prepare(built.method, on: instance.objective, spec: spec)
        } catch {
            throw cell.location.error(nil, "cannot run on \(spec.problem.id): \(error)")
        }
    }

    static func prepare(_ method: MethodBox, on objective: any Objective, spec: RunSpec) throws {
        var method = method
        var oracle = Oracle(
            objective: objective, seed: spec.oracleSeed, batchSize: spec.problem.batchSize,
            gradientNoise: spec.problem.gradientNoise, sampling: spec.problem.sampling)
        try method.prepare(at: objective.startingPoint, oracle: &oracle)
    }
}
