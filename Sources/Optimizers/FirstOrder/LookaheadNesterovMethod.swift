import LinearAlgebra
import Objectives

/// Nesterov momentum in Sutskever et al.'s (2013) look-ahead form, which needs the gradient at a point
/// other than the iterate and so is a ``Method`` rather than a gradient transformation:
///
///     v₀ = 0,  g_k = ∇f(x_k + μ·v_k),  v_{k+1} = μ·v_k − η_k·g_k,  x_{k+1} = x_k + v_{k+1}
///
/// η_k = `schedule(k)`, k the 0-based update index; the gradient is clipped by `clipping` before use.
/// One gradient per iteration. At a constant lr, torch's Nesterov iterate θ_k equals the look-ahead
/// point x_k + μ·v_k of this form (reference §A.1), so the two are the same algorithm observed at
/// different points. No library implements this form; the named optimizer uses μ = 0.9 by default.
///
/// `iterate` is inlinable generic code, compiled for `S` by the ``MethodBox`` the catalog builds
/// around the method (docs/performance.md).
public struct LookaheadNesterovMethod<S: Schedule>: Method {
    public let momentum: Double
    public let clipping: GradientClipping
    @usableFromInline var storedVelocity: [Double] = []
    @usableFromInline var lookahead: [Double] = []
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var count = 0
    public let schedule: S

    public init(momentum: Double, schedule: S, clipping: GradientClipping = .disabled) {
        self.momentum = momentum
        self.schedule = schedule
        self.clipping = clipping
    }

    /// v_k.
    public var velocity: [Double] { storedVelocity }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        storedVelocity = [Double](repeating: 0, count: x.count)
        lookahead = storedVelocity
        gradient = storedVelocity
        count = 0
    }

    @inlinable @inline(__always)
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        if storedVelocity.count != x.count { try prepare(at: x, oracle: &oracle) }
        VectorKernels.setSum(&lookahead, x, momentum, storedVelocity)
        oracle.gradient(at: lookahead, into: &gradient)
        if clipping != .disabled {
            var none: Void = ()
            clipping.update(&gradient, state: &none, parameters: x)
        }
        let rate = schedule(count), momentum = momentum
        // Mutable access on purpose: read-only access to this stored array, among the mutations of
        // `storedVelocity` and `x`, made the compiler retain and release its buffer on every step.
        gradient.withUnsafeMutableBufferPointer { g in
            storedVelocity.withUnsafeMutableBufferPointer { v in
                x.withUnsafeMutableBufferPointer { p in
                    for i in p.indices {
                        v[i] = momentum * v[i] - rate * g[i]
                        p[i] += v[i]
                    }
                }
            }
        }
        count += 1
        return IterationReport(learningRate: rate)
    }
}
