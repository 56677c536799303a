/// An objective with another starting point; everything else is the base's (each call forwards to it).
public struct StartedObjective<Base: Objective>: Objective {
    public let base: Base
    public let startingPoint: [Double]

    public init(_ base: Base, start: [Double]) {
        precondition(start.count == base.dimension, "StartedObjective: the start has the wrong dimension")
        self.base = base
        startingPoint = start
    }

    public var dimension: Int { base.dimension }
    public var constants: ObjectiveConstants { base.constants }
    public var sampleCount: Int? { base.sampleCount }

    public func value(at x: [Double]) -> Double { base.value(at: x) }
    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        base.evaluate(at: x, gradient: &gradient)
    }
    public func gradient(at x: [Double], into gradient: inout [Double]) { base.gradient(at: x, into: &gradient) }
    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        base.hessianVectorProduct(at: x, vector: v, result: &result)
    }
    public func hessian(at x: [Double], into hessian: inout [Double]) { base.hessian(at: x, into: &hessian) }
    public func evaluate(at x: [Double], rows: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
        base.evaluate(at: x, rows: rows, gradient: &gradient)
    }
    public func heldOutAccuracy(at x: [Double]) -> Double? { base.heldOutAccuracy(at: x) }
}

extension Objective {
    /// This objective starting at `start` (length ``dimension``).
    public func starting(at start: [Double]) -> any Objective {
        StartedObjective(self, start: start)
    }
}
