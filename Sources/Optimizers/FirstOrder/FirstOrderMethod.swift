import Objectives

/// Runs a gradient transformation as a ``Method``: each iteration asks the oracle for one gradient at
/// x (a stochastic estimate when the run is stochastic) into a preallocated buffer, then the
/// transformation turns it into the update u and applies x ← x + u in one pass
/// (``FusedGradientTransformation/apply(_:state:scaledBy:to:)``). A transformation that does not
/// opt in to fusing runs wrapped in ``UnfusedTransformation`` (`update`, then the addition).
///
/// Allocation: `prepare` allocates the buffer and the transformation's state once; `iterate` only
/// mutates them in place (the state and buffer are uniquely owned, and the transformation never
/// keeps a reference to x), so a step allocates nothing.
///
/// `iterate` is inlinable generic code: the ``MethodBox`` that the catalog builds around the method,
/// where `Transformation` is concrete, compiles it for the transformation (docs/performance.md).
public struct FirstOrderMethod<Transformation: FusedGradientTransformation>: Method {
    public let transformation: Transformation
    @usableFromInline var buffer: [Double] = []
    @usableFromInline var storedState: Transformation.State?

    public init(_ transformation: Transformation) {
        self.transformation = transformation
    }

    /// The transformation's state (nil before `prepare`).
    public var state: Transformation.State? { storedState }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        storedState = transformation.initialState(parameters: x)
        buffer = [Double](repeating: 0, count: x.count)
    }

    /// Always inlined into the box's step loop: otherwise the loops of all first-order kinds are merged
    /// into one that calls each kind's step through a function pointer (docs/performance.md).
    @inlinable @inline(__always)
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        if buffer.count != x.count || storedState == nil {
            storedState = transformation.initialState(parameters: x)
            buffer = [Double](repeating: 0, count: x.count)
        }
        oracle.gradient(at: x, into: &buffer)
        transformation.apply(&buffer, state: &storedState!, scaledBy: 1, to: &x)
        return IterationReport(learningRate: transformation.learningRate(inPlace: &storedState!) ?? .nan)
    }

    /// `rule` run as a method behind `clipping`, boxed: `FirstOrderMethod(Chain(clipping, rule))`, or
    /// `FirstOrderMethod(rule)` when clipping is disabled, so that an unclipped step does not pay for
    /// a transformation that does nothing (the updates are the same to the bit).
    @inlinable
    public static func clipped(_ clipping: GradientClipping, _ rule: Transformation) -> MethodBox {
        clipping == .disabled
            ? MethodBox(FirstOrderMethod(rule))
            : MethodBox(FirstOrderMethod<Chain<GradientClipping, Transformation>>(Chain(clipping, rule)))
    }
}

extension FirstOrderMethod {
    /// A transformation that does not fuse its step: `update`, then x ← x + u. Disfavoured, so that a
    /// fused transformation always takes the initialiser above.
    @_disfavoredOverload
    public init<Base: GradientTransformation>(_ base: Base) where Transformation == UnfusedTransformation<Base> {
        self.init(UnfusedTransformation(base))
    }
}
