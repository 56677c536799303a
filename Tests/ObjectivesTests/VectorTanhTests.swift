import LinearAlgebra
import Randomness
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ``VectorTanh`` against an independent reference (the C library's 80-bit `tanhl`, 64-bit mantissa,
/// rounded once to double) and the AVX kernel against the portable one, bit for bit.
@Suite struct VectorTanhTests {
    /// Seeded arguments: uniform in ±25 and in ±2, and log-uniform magnitudes from 1e-20 to 3 of both signs.
    static func arguments(_ count: Int, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { i in
            let u = generator.nextDouble(in: -1, 1)
            switch i % 3 {
            case 0: return 25 * u
            case 1: return 2 * u
            default: return (u < 0 ? -1 : 1) * pow(10, -20 + 20.5 * abs(u))
            }
        }
    }

    /// The edges: zeros, the branch point 0.625 and its neighbours, the clamp at 20, the point past
    /// which tanh rounds to 1, infinities, NaN, the smallest normal and subnormal numbers.
    static let edges: [Double] = [
        0, -0.0, 0.625, 0.625.nextDown, 0.625.nextUp, -0.625, 20, 20.nextUp, 19.06, 19.07, 1e-300,
        .leastNormalMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .infinity, -.infinity, .nan,
        .greatestFiniteMagnitude, 0.5 * .pi, 1, -1, 44, 710, 1e-8,
    ]

    #if arch(x86_64) && canImport(Glibc)
    @Test func withinOneAndAHalfUlpOfTheLongDoubleTanh() {
        var worst = 0.0, worstAt = 0.0
        for x in Self.arguments(300_000, seed: 0x7A4E) + Self.edges where x.isFinite {
            let reference = tanhl(Float80(x))
            let rounded = Double(reference)
            let ulp = abs(rounded).nextUp - abs(rounded)
            let error = Double(abs(Float80(VectorTanh.value(x)) - reference)) / (ulp > 0 ? ulp : .leastNonzeroMagnitude)
            if error > worst { (worst, worstAt) = (error, x) }
        }
        #expect(worst <= 1.5, "largest error \(worst) ulp at \(worstAt)")
        // The reference is not the value under test: it differs from it in the last bit somewhere.
        let differing = Self.arguments(3000, seed: 5).filter { Double(tanhl(Float80($0))) != VectorTanh.value($0) }
        #expect(!differing.isEmpty)
    }
    #endif

    @Test func specialValues() {
        #expect(VectorTanh.value(-0.0).sign == .minus && VectorTanh.value(-0.0) == 0)
        #expect(VectorTanh.value(0).sign == .plus && VectorTanh.value(0) == 0)
        #expect(VectorTanh.value(.infinity) == 1 && VectorTanh.value(-.infinity) == -1)
        #expect(VectorTanh.value(.nan).isNaN)
        #expect(VectorTanh.value(30) == 1 && VectorTanh.value(-19.5) == -1)
        #expect(
            VectorTanh.value(1e-300) == 1e-300 && VectorTanh.value(.leastNonzeroMagnitude) == .leastNonzeroMagnitude)
        // Odd: tanh(−x) = −tanh(x) to the bit.
        for x in Self.arguments(3000, seed: 9) { #expect(VectorTanh.value(-x) == -VectorTanh.value(x)) }
    }

    /// Every length 0…40 (tails of 1–3 lanes), every start offset within a register, in place and not.
    @Test func applyGivesTheBitsOfValueOnEveryPathAndLength() {
        let values = Self.edges + Self.arguments(60, seed: 11)
        let paths: [KernelPath] = KernelPath.avxUsable ? [.portable, .avx] : [.portable]
        for path in paths {
            for offset in 0..<4 {
                for count in 0...min(40, values.count - offset) {
                    var output = [Double](repeating: 7, count: count + 1)
                    var inPlace = Array(values[offset..<(offset + count)])
                    values.withUnsafeBufferPointer { input in
                        output.withUnsafeMutableBufferPointer { out in
                            VectorTanh.apply(
                                input.baseAddress! + offset, into: out.baseAddress!, count: count, path: path)
                        }
                    }
                    inPlace.withUnsafeMutableBufferPointer {
                        VectorTanh.apply($0.baseAddress!, into: $0.baseAddress!, count: count, path: path)
                    }
                    for i in 0..<count {
                        let expected = VectorTanh.value(values[offset + i])
                        #expect(
                            output[i].bitPattern == expected.bitPattern || (output[i].isNaN && expected.isNaN),
                            "\(path) x = \(values[offset + i])")
                        #expect(inPlace[i].bitPattern == output[i].bitPattern || output[i].isNaN)
                    }
                    #expect(output[count] == 7, "\(path) wrote past the end at count \(count)")
                }
            }
        }
    }
}
