import Diagnostics
import Objectives

/// One full iteration of an optimization algorithm. A method may call its ``Oracle`` for f, ∇f or
/// Hessian(-vector) products as often as it needs; the oracle counts every call. First-order gradient
/// transformations run as methods through ``FirstOrderMethod``.
///
/// A method is a struct holding its hyperparameters and its state. The catalog boxes every method it
/// builds where the method's type is concrete (``MethodBox``, the one place a method's type is
/// erased), so `iterate` runs in a step loop compiled for that type: write it as plain (inlinable)
/// code; it reaches the objective through the oracle, one call into the objective's own code
/// (docs/performance.md, "Where per-step code is specialised").
public protocol Method: Sendable {
    /// Called once with the starting point, before the first `iterate`.
    mutating func prepare(at x: [Double], oracle: inout Oracle) throws
    /// Performs one iteration, updating `x` in place.
    mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport
    /// Called once when a pass of the run ends, with the reason (`converged`, `budget`, `timeout`,
    /// `diverged`, `error`, `interrupted`, `replay-end`). Default: nothing; a method served by
    /// another process (`external`) tells it to stop.
    mutating func finish(reason: String)
}

extension Method {
    public mutating func finish(reason: String) {}
}

/// What an iteration tells the runner besides the new iterate.
public struct IterationReport: Sendable, Equatable {
    /// f at the new iterate when the iteration computed it exactly (full batch, no noise), so that
    /// monitoring can reuse it instead of evaluating again; nil otherwise.
    public var valueAtNewIterate: Double?
    /// The learning rate or step length used by this iteration (NaN when the method has none).
    public var learningRate: Double
    /// True when the method has converged by its own criterion and cannot make progress
    /// (e.g. zero gradient, line search cannot decrease f); the runner then stops the run.
    public var isStalled: Bool

    public init(valueAtNewIterate: Double? = nil, learningRate: Double = .nan, isStalled: Bool = false) {
        self.valueAtNewIterate = valueAtNewIterate
        self.learningRate = learningRate
        self.isStalled = isStalled
    }
}

/// A method that cannot continue (e.g. a singular Hessian), with a message for the run record.
public struct MethodError: GdbenchError, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
