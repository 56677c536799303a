import Objectives

/// Runs a gradient transformation as a ``Method``: each iteration asks the oracle for one gradient at
/// x (a stochastic estimate when the run is stochastic) into a preallocated buffer, transforms the
/// buffer in place into the update u, and applies x ← x + u — in one pass for a
/// ``FusedGradientTransformation`` (every named optimizer), else `update` then the addition.
///
/// Allocation: `prepare` allocates the buffer and the transformation's state once; `iterate` only
/// mutates them in place (the state and buffer are uniquely owned, and the transformation never
/// keeps a reference to x), so a step allocates nothing.
///
/// `iterate` itself runs unspecialised (``Method``); the step it calls is a closure formed in `init`,
/// where the transformation's type is concrete, and is specialised (docs/performance.md).
public struct FirstOrderMethod<Transformation: GradientTransformation>: Method {
    @usableFromInline var buffer: [Double] = []
    /// u ← update(g), x ← x + u on (x, buffer = g, state); creates the state when it is nil.
    /// Returns the learning rate used (NaN when the transformation has none).
    @usableFromInline let applyUpdate: @Sendable (inout [Double], inout [Double], inout Transformation.State?) -> Double
    public let transformation: Transformation
    @usableFromInline var storedState: Transformation.State?

    /// `update`, then x ← x + u (a transformation that is not fused).
    public init(_ transformation: Transformation) {
        self.init(transformation) { x, buffer, state in
            if state == nil { state = transformation.initialState(parameters: x) }
            transformation.update(&buffer, state: &state!, parameters: x)
            transformation.addScaledUpdates(buffer, 1, to: &x)
            return transformation.learningRate(in: state!) ?? .nan
        }
    }

    @usableFromInline
    init(
        _ transformation: Transformation,
        step: @escaping @Sendable (inout [Double], inout [Double], inout Transformation.State?) -> Double
    ) {
        self.transformation = transformation
        applyUpdate = step
    }

    /// The transformation's state (nil before `prepare`).
    public var state: Transformation.State? { storedState }

    public mutating func prepare<O: Objective>(at x: [Double], oracle: inout Oracle<O>) throws {
        storedState = transformation.initialState(parameters: x)
        buffer = [Double](repeating: 0, count: x.count)
    }

    @inlinable
    public mutating func iterate<O: Objective>(_ x: inout [Double], oracle: inout Oracle<O>) throws -> IterationReport {
        if buffer.count != x.count {
            storedState = nil
            buffer = [Double](repeating: 0, count: x.count)
        }
        oracle.gradient(at: x, into: &buffer)
        return IterationReport(learningRate: applyUpdate(&x, &buffer, &storedState))
    }
}

extension FirstOrderMethod where Transformation: FusedGradientTransformation {
    /// The update and x ← x + u in one pass (``FusedGradientTransformation/apply(_:state:scaledBy:to:)``).
    public init(_ transformation: Transformation) {
        self.init(transformation) { x, buffer, state in
            if state == nil { state = transformation.initialState(parameters: x) }
            transformation.apply(&buffer, state: &state!, scaledBy: 1, to: &x)
            return transformation.learningRate(inPlace: &state!) ?? .nan
        }
    }

    /// `rule` run as a method behind `clipping`, fused (see the unconstrained overload).
    public static func clipped(_ clipping: GradientClipping, _ rule: Transformation) -> any Method {
        clipping == .disabled
            ? FirstOrderMethod(rule) : FirstOrderMethod<Chain<GradientClipping, Transformation>>(Chain(clipping, rule))
    }
}

extension FirstOrderMethod {
    /// `rule` run as a method behind `clipping`: `FirstOrderMethod(Chain(clipping, rule))`, or
    /// `FirstOrderMethod(rule)` when clipping is disabled, so that an unclipped step does not pay for
    /// a transformation that does nothing (the updates are the same to the bit).
    public static func clipped(_ clipping: GradientClipping, _ rule: Transformation) -> any Method {
        clipping == .disabled
            ? FirstOrderMethod(rule) : FirstOrderMethod<Chain<GradientClipping, Transformation>>(Chain(clipping, rule))
    }
}
