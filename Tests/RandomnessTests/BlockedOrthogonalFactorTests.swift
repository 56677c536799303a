import Randomness
import Testing

/// The blocked Householder construction across its block edges (32 columns), checked against the
/// properties that define it rather than against stored numbers: QᵀQ = I, QᵀZ upper triangular with
/// a positive diagonal, and the portable and AVX builds equal bit for bit.
struct BlockedOrthogonalFactorTests {
    @Test(arguments: [31, 32, 33, 65, 97])
    func qIsTheSignFixedQRFactorOfTheDraws(dimension n: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(n))
        let q = RandomOrthogonalMatrix.make(dimension: n, using: &generator, wide: false)
        var redraw = Xoshiro256StarStar(seed: UInt64(n))
        var z = [Double](repeating: 0, count: n * n)
        redraw.fillGaussian(&z)
        var worstOrthogonality = 0.0, worstBelow = 0.0, smallestDiagonal = Double.infinity
        for i in 0..<n {
            for j in 0..<n {
                var dot = 0.0, r = 0.0
                for k in 0..<n {
                    dot += q[i * n + k] * q[j * n + k]
                    r += q[i * n + k] * z[j * n + k]
                }
                worstOrthogonality = max(worstOrthogonality, abs(dot - (i == j ? 1 : 0)))
                if i > j { worstBelow = max(worstBelow, abs(r)) }
                if i == j { smallestDiagonal = min(smallestDiagonal, r) }
            }
        }
        #expect(worstOrthogonality < 1e-13)
        #expect(worstBelow < 1e-11)
        #expect(smallestDiagonal > 0)
    }

    @Test(arguments: [1, 7, 33, 130])
    func portableAndAVXBuildsAgreeBitForBit(dimension n: Int) {
        var a = Xoshiro256StarStar(seed: 5), b = Xoshiro256StarStar(seed: 5)
        let portable = RandomOrthogonalMatrix.make(dimension: n, using: &a, wide: false)
        let wide = RandomOrthogonalMatrix.make(dimension: n, using: &b, wide: RandomOrthogonalMatrix.wideByDefault)
        #expect(portable.map(\.bitPattern) == wide.map(\.bitPattern))
    }
}
