import Objectives
import Optimizers

/// A method that records where it was started and moves by a fixed offset each iteration.
struct RecordingMethod: Method {
    var start: [Double] = []
    var offset: Double

    mutating func prepare(at x: [Double], oracle: inout Oracle) throws { start = x }

    mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        for i in x.indices { x[i] += offset }
        return IterationReport(learningRate: offset)
    }
}
