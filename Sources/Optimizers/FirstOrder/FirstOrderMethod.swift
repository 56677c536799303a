import Objectives

/// Runs a gradient transformation as a ``Method``: each iteration asks the oracle for one gradient at
/// x (a stochastic estimate when the run is stochastic) into a preallocated buffer, transforms the
/// buffer in place into the update u, and applies x ← x + u.
///
/// Allocation: `prepare` allocates the buffer and the transformation's state once; `iterate` only
/// mutates them in place (the state and buffer are uniquely owned, and the transformation never
/// keeps a reference to x), so a step allocates nothing.
public struct FirstOrderMethod<Transformation: GradientTransformation>: Method {
    public let transformation: Transformation
    @usableFromInline var storedState: Transformation.State?
    @usableFromInline var buffer: [Double] = []

    public init(_ transformation: Transformation) {
        self.transformation = transformation
    }

    /// The transformation's state (nil before `prepare`).
    public var state: Transformation.State? { storedState }

    public mutating func prepare<O: Objective>(at x: [Double], oracle: inout Oracle<O>) throws {
        storedState = transformation.initialState(parameters: x)
        buffer = [Double](repeating: 0, count: x.count)
    }

    @inlinable
    public mutating func iterate<O: Objective>(_ x: inout [Double], oracle: inout Oracle<O>) throws -> IterationReport {
        if storedState == nil || buffer.count != x.count {
            storedState = transformation.initialState(parameters: x)
            buffer = [Double](repeating: 0, count: x.count)
        }
        oracle.gradient(at: x, into: &buffer)
        transformation.update(&buffer, state: &storedState!, parameters: x)
        buffer.withUnsafeBufferPointer { u in
            x.withUnsafeMutableBufferPointer { p in
                for i in p.indices { p[i] += u[i] }
            }
        }
        let rate = storedState.flatMap { transformation.learningRate(in: $0) } ?? .nan
        return IterationReport(learningRate: rate)
    }
}
