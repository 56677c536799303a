import Objectives
import Optimizers

/// Drives a method the way the runner does: `prepare`, then `iterate` until `stop(x)` holds (checked
/// on the objective directly, uncounted) or `maxIterations`. Returns the iterations done.
struct TestDriver<O: Objective> {
    var oracle: Oracle
    var x: [Double]
    let objective: O

    init(_ objective: O, start: [Double]? = nil) {
        self.objective = objective
        oracle = Oracle(objective: objective, seed: 1)
        x = start ?? objective.startingPoint
    }

    @discardableResult
    mutating func run<M: Method>(
        _ method: inout M, maxIterations: Int, prepare: Bool = true,
        stop: (O, [Double]) -> Bool = { _, _ in false },
        each: (Int, [Double], IterationReport) -> Void = { _, _, _ in }
    ) throws -> Int {
        if prepare { try method.prepare(at: x, oracle: &oracle) }
        for k in 1...max(1, maxIterations) where maxIterations > 0 {
            let report = try method.iterate(&x, oracle: &oracle)
            each(k, x, report)
            if stop(objective, x) || report.isStalled { return k }
        }
        return maxIterations
    }
}
