import Objectives
import Optimizers

/// A method that records where it was started and moves by a fixed offset each iteration.
struct RecordingMethod: Method {
    var start: [Double] = []
    var offset: Double

    mutating func prepare<O: Objective>(at x: [Double], oracle: inout Oracle<O>) throws { start = x }

    mutating func iterate<O: Objective>(_ x: inout [Double], oracle: inout Oracle<O>) throws -> IterationReport {
        for i in x.indices { x[i] += offset }
        return IterationReport(learningRate: offset)
    }
}
