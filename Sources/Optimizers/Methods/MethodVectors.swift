/// The O(d) vector kernels the methods of this folder share, on whole `[Double]` buffers in place
/// (no allocation, unsafe buffer pointers in the loops).
@usableFromInline
enum MethodVectors {
    /// aᵀb.
    @inlinable
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum = 0.0
                for i in 0..<a.count { sum += a[i] * b[i] }
                return sum
            }
        }
    }

    /// ‖a‖₂.
    @inlinable
    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

    /// ‖a‖∞.
    @inlinable
    static func maxNorm(_ a: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            var worst = 0.0
            for value in a { worst = max(worst, abs(value)) }
            return worst
        }
    }

    /// ‖a‖₁.
    @inlinable
    static func sumNorm(_ a: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            var sum = 0.0
            for value in a { sum += abs(value) }
            return sum
        }
    }

    /// y ← y + αx.
    @inlinable
    static func addScaled(_ y: inout [Double], _ alpha: Double, _ x: [Double]) {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                for i in 0..<y.count { y[i] += alpha * x[i] }
            }
        }
    }

    /// out ← x + αp.
    @inlinable
    static func setSum(_ out: inout [Double], _ x: [Double], _ alpha: Double, _ p: [Double]) {
        x.withUnsafeBufferPointer { x in
            p.withUnsafeBufferPointer { p in
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<out.count { out[i] = x[i] + alpha * p[i] }
                }
            }
        }
    }

    /// out ← αx.
    @inlinable
    static func setScaled(_ out: inout [Double], _ alpha: Double, _ x: [Double]) {
        x.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { out in
                for i in 0..<out.count { out[i] = alpha * x[i] }
            }
        }
    }

    /// out ← a − b.
    @inlinable
    static func setDifference(_ out: inout [Double], _ a: [Double], _ b: [Double]) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<out.count { out[i] = a[i] - b[i] }
                }
            }
        }
    }

    /// out ← source, element by element (never shares storage).
    @inlinable
    static func copy(_ source: [Double], into out: inout [Double]) {
        source.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { out in
                for i in 0..<out.count { out[i] = source[i] }
            }
        }
    }
}
