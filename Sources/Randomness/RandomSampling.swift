#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// gdbench's own mappings from 64-bit outputs to doubles, normals, integers, permutations and
/// directions. They are fixed here (not the standard library's unspecified algorithms) so that a
/// seed means the same numbers in every version; `scripts/reference/rng_reference.c` implements
/// the same mappings independently for the golden tests.
extension Xoshiro256StarStar {
    /// A double uniform on [0, 1): the top 53 bits times 2⁻⁵³.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A double uniform on [lower, upper): `lower + (upper − lower)·u`.
    @inlinable
    public mutating func nextDouble(in lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnitDouble()
    }

    /// A standard normal deviate by Marsaglia's polar method (Marsaglia & Bray 1964): draw
    /// u, v uniform on (−1, 1) as `2·unit − 1` until s = u² + v² ∈ (0, 1); return u·√(−2 ln s / s)
    /// and keep v·√(−2 ln s / s) for the next call.
    @inlinable
    public mutating func nextGaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        while true {
            let u = 2 * nextUnitDouble() - 1
            let v = 2 * nextUnitDouble() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareGaussian = v * factor
                return u * factor
            }
        }
    }

    /// A uniform integer in 0..<bound without modulo bias (Lemire 2019, "Fast random integer
    /// generation in an interval": multiply-shift with rejection of the biased low products).
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// Fisher–Yates (Durstenfeld) shuffle in place: for i = n−1 … 1, swap a[i] with a[j],
    /// j uniform in 0…i.
    @inlinable
    public mutating func shuffle<T>(_ values: inout [T]) {
        var i = values.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            values.swapAt(i, j)
            i -= 1
        }
    }

    /// Fills `values` with independent standard normal deviates.
    @inlinable
    public mutating func fillGaussian(_ values: inout [Double]) {
        for i in values.indices {
            values[i] = nextGaussian()
        }
    }

    /// A direction uniform on the unit sphere of dimension `dimension`: a Gaussian vector
    /// divided by its norm.
    @inlinable
    public mutating func nextUnitVector(dimension: Int) -> [Double] {
        var vector = [Double](repeating: 0, count: dimension)
        var squaredNorm = 0.0
        repeat {
            fillGaussian(&vector)
            squaredNorm = 0
            for value in vector { squaredNorm += value * value }
        } while squaredNorm == 0
        let scale = 1 / squaredNorm.squareRoot()
        for i in vector.indices { vector[i] *= scale }
        return vector
    }
}
