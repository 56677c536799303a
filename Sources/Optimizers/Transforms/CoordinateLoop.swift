/// The per-coordinate loops of the transforms: `body(gᵢ, &aᵢ, &bᵢ)` advances the state of coordinate i
/// (its entries of the state vectors) and returns uᵢ, which the loop writes into the updates or, given a
/// target, adds times `factor` to it. Always inlined, closure included: the loop is the transform's own.
///
/// State vectors must have the length of the updates. An empty one (an unused option's buffer) is
/// never asked for a mutable buffer: the empty array is never uniquely referenced, so that would copy it
/// on every step; the transforms use the variants with fewer vectors instead.
public enum CoordinateLoop {
    /// Writes `value` as uᵢ, or adds `factor`·`value` to `target[i]`.
    @inlinable @inline(__always)
    public static func emit(
        _ value: Double, at i: Int, into updates: UnsafeMutableBufferPointer<Double>,
        applyingTo target: UnsafeMutableBufferPointer<Double>?, factor: Double
    ) {
        if let target { target[i] += factor * value } else { updates[i] = value }
    }

    /// The loop over the updates alone.
    @inlinable @inline(__always)
    public static func run(
        _ updates: inout [Double], applyingTo target: UnsafeMutableBufferPointer<Double>?, factor: Double,
        _ body: (_ g: Double) -> Double
    ) {
        updates.withUnsafeMutableBufferPointer { u in
            for i in u.indices { emit(body(u[i]), at: i, into: u, applyingTo: target, factor: factor) }
        }
    }

    /// The loop with one state vector.
    @inlinable @inline(__always)
    public static func run(
        _ updates: inout [Double], _ a: inout [Double], applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double, _ body: (_ g: Double, _ a: inout Double) -> Double
    ) {
        updates.withUnsafeMutableBufferPointer { u in
            a.withUnsafeMutableBufferPointer { a in
                for i in u.indices { emit(body(u[i], &a[i]), at: i, into: u, applyingTo: target, factor: factor) }
            }
        }
    }

    /// The loop with two state vectors (the first and second moments of the Adam family).
    @inlinable @inline(__always)
    public static func run(
        _ updates: inout [Double], _ a: inout [Double], _ b: inout [Double],
        applyingTo target: UnsafeMutableBufferPointer<Double>?, factor: Double,
        _ body: (_ g: Double, _ a: inout Double, _ b: inout Double) -> Double
    ) {
        updates.withUnsafeMutableBufferPointer { u in
            a.withUnsafeMutableBufferPointer { a in
                b.withUnsafeMutableBufferPointer { b in
                    for i in u.indices {
                        emit(body(u[i], &a[i], &b[i]), at: i, into: u, applyingTo: target, factor: factor)
                    }
                }
            }
        }
    }

    /// The loop with three state vectors.
    @inlinable @inline(__always)
    public static func run(
        _ updates: inout [Double], _ a: inout [Double], _ b: inout [Double], _ c: inout [Double],
        applyingTo target: UnsafeMutableBufferPointer<Double>?, factor: Double,
        _ body: (_ g: Double, _ a: inout Double, _ b: inout Double, _ c: inout Double) -> Double
    ) {
        updates.withUnsafeMutableBufferPointer { u in
            a.withUnsafeMutableBufferPointer { a in
                b.withUnsafeMutableBufferPointer { b in
                    c.withUnsafeMutableBufferPointer { c in
                        for i in u.indices {
                            emit(body(u[i], &a[i], &b[i], &c[i]), at: i, into: u, applyingTo: target, factor: factor)
                        }
                    }
                }
            }
        }
    }
}
