import Randomness

/// The draws both synthetic finite-sum data sets start from (``SyntheticClassificationData``,
/// ``SyntheticRegressionData``), from `Xoshiro256StarStar(seed: seed)` in this order: the true weights
/// w♮ ∈ ℝᵈ (d standard normals), then the n·d raw features z_ij row by row, continuing the same Gaussian
/// stream (``Xoshiro256StarStar/nextGaussian()``). The generator is handed on for the draws that follow.
struct GaussianDesign {
    var generator: Xoshiro256StarStar
    var trueWeights: [Double]
    /// Row-major n×d.
    var features: [Double]

    init(samples n: Int, features d: Int, seed: UInt64) {
        generator = Xoshiro256StarStar(seed: seed)
        trueWeights = [Double](repeating: 0, count: d)
        generator.fillGaussian(&trueWeights)
        features = [Double](repeating: 0, count: n * d)
        generator.fillGaussian(&features)
    }

    /// s_i = Σ_j x_ij·w_j for the rows of the row-major n×d `x`, each summed left to right from 0 (j = 0, 1,
    /// …); four rows advance together, which changes no sum, only how many additions are in flight.
    static func rowScores(_ x: [Double], columnCount d: Int, weights w: [Double]) -> [Double] {
        let n = d > 0 ? x.count / d : 0
        var scores = [Double](repeating: 0, count: n)
        x.withUnsafeBufferPointer { x in
            w.withUnsafeBufferPointer { w in
                scores.withUnsafeMutableBufferPointer { s in
                    var i = 0
                    while i + 4 <= n {
                        let r0 = i * d, r1 = r0 + d, r2 = r1 + d, r3 = r2 + d
                        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                        for j in 0..<d {
                            let wj = w[j]
                            s0 += x[r0 + j] * wj
                            s1 += x[r1 + j] * wj
                            s2 += x[r2 + j] * wj
                            s3 += x[r3 + j] * wj
                        }
                        s[i] = s0
                        s[i + 1] = s1
                        s[i + 2] = s2
                        s[i + 3] = s3
                        i += 4
                    }
                    for row in i..<n {
                        var sum = 0.0
                        for j in 0..<d { sum += x[row * d + j] * w[j] }
                        s[row] = sum
                    }
                }
            }
        }
        return scores
    }
}
