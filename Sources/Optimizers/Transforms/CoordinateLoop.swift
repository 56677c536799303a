/// The per-coordinate loops of the transforms: `body(gᵢ, &aᵢ, &bᵢ)` advances the state of coordinate i
/// (its entries of the state vectors) and returns uᵢ, which the loop writes into the updates or, given a
/// target, adds times `factor` to it. Always inlined, closure included: the loop is the transform's own.
/// With a target, a nonzero `decoupledWeightDecay` λ adds `factor`·(uᵢ + λ·θᵢ) instead (θᵢ the target's
/// entry before the step): decoupled weight decay folded into the same loop (``DecoupledWeightDecay``).
///
/// State vectors must have the length of the updates. An empty one (an unused option's buffer) is
/// never asked for a mutable buffer: the empty array is never uniquely referenced, so that would copy it
/// on every step; the transforms use the variants with fewer vectors instead.
public enum CoordinateLoop {
    /// Writes `value` as uᵢ, or adds `factor`·`value` (λ ≠ 0: `factor`·(`value` + λ·`target[i]`)) to `target[i]`.
    @inlinable @inline(__always)
    public static func emit(
        _ value: Double, at i: Int, into updates: UnsafeMutableBufferPointer<Double>,
        applyingTo target: UnsafeMutableBufferPointer<Double>?, factor: Double, decoupledWeightDecay lambda: Double = 0
    ) {
        if let target {
            target[i] += factor * (lambda == 0 ? value : value + lambda * target[i])
        } else {
            updates[i] = value
        }
    }

    /// `body(i)` for i = 0, 1, …, `count` − 1, in order. Below 4 the loop's bound is one the compiler knows to be
    /// small, so it stays scalar: a vectorised loop would read a 2- or 3-D gradient in a 16-byte load, which waits
    /// for the objective's 8-byte stores to reach the cache instead of being forwarded from them (docs/performance.md,
    /// "Closed-form gradients"; from 4 on the vector loop measured faster).
    @inlinable @inline(__always)
    public static func forEachIndex(below count: Int, _ body: (Int) -> Void) {
        if count < 4 {
            for i in 0..<min(count, 3) { body(i) }
        } else {
            for i in 0..<count { body(i) }
        }
    }

    /// `body` with the updates' buffer. With a target the loop only reads them: then they are not asked
    /// for a mutable buffer (which checks, on every step, that the array is uniquely referenced), and
    /// `body` must not write through the pointer.
    @inlinable @inline(__always)
    public static func withUpdates(
        _ updates: inout [Double], readOnly: Bool, _ body: (UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        if readOnly {
            updates.withUnsafeBufferPointer { body(UnsafeMutableBufferPointer(mutating: $0)) }
        } else {
            updates.withUnsafeMutableBufferPointer { body($0) }
        }
    }

    /// The loop over the updates alone.
    @inlinable @inline(__always)
    public static func run(
        _ updates: inout [Double], applyingTo target: UnsafeMutableBufferPointer<Double>?, factor: Double,
        decoupledWeightDecay lambda: Double = 0, _ body: (_ g: Double) -> Double
    ) {
        withUpdates(&updates, readOnly: target != nil) { u in
            forEachIndex(below: u.count) { i in
                emit(body(u[i]), at: i, into: u, applyingTo: target, factor: factor, decoupledWeightDecay: lambda)
            }
        }
    }

    /// The loop with one state vector.
    @inlinable @inline(__always)
    public static func run(
        _ updates: inout [Double], _ a: inout [Double], applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double, decoupledWeightDecay lambda: Double = 0, _ body: (_ g: Double, _ a: inout Double) -> Double
    ) {
        withUpdates(&updates, readOnly: target != nil) { u in
            a.withUnsafeMutableBufferPointer { a in
                forEachIndex(below: u.count) { i in
                    emit(
                        body(u[i], &a[i]), at: i, into: u, applyingTo: target, factor: factor,
                        decoupledWeightDecay: lambda)
                }
            }
        }
    }

    /// The loop with two state vectors (the first and second moments of the Adam family).
    @inlinable @inline(__always)
    public static func run(
        _ updates: inout [Double], _ a: inout [Double], _ b: inout [Double],
        applyingTo target: UnsafeMutableBufferPointer<Double>?, factor: Double, decoupledWeightDecay lambda: Double = 0,
        _ body: (_ g: Double, _ a: inout Double, _ b: inout Double) -> Double
    ) {
        withUpdates(&updates, readOnly: target != nil) { u in
            a.withUnsafeMutableBufferPointer { a in
                b.withUnsafeMutableBufferPointer { b in
                    forEachIndex(below: u.count) { i in
                        emit(
                            body(u[i], &a[i], &b[i]), at: i, into: u, applyingTo: target, factor: factor,
                            decoupledWeightDecay: lambda)
                    }
                }
            }
        }
    }

    /// The loop with three state vectors.
    @inlinable @inline(__always)
    public static func run(
        _ updates: inout [Double], _ a: inout [Double], _ b: inout [Double], _ c: inout [Double],
        applyingTo target: UnsafeMutableBufferPointer<Double>?, factor: Double, decoupledWeightDecay lambda: Double = 0,
        _ body: (_ g: Double, _ a: inout Double, _ b: inout Double, _ c: inout Double) -> Double
    ) {
        withUpdates(&updates, readOnly: target != nil) { u in
            a.withUnsafeMutableBufferPointer { a in
                b.withUnsafeMutableBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        forEachIndex(below: u.count) { i in
                            emit(
                                body(u[i], &a[i], &b[i], &c[i]), at: i, into: u, applyingTo: target, factor: factor,
                                decoupledWeightDecay: lambda)
                        }
                    }
                }
            }
        }
    }
}
