import Randomness

/// Seeded synthetic linear-regression data for least squares.
///
/// From `Xoshiro256StarStar(seed: seed)`, in this order, all standard normals from one Gaussian
/// stream (``Xoshiro256StarStar/nextGaussian()``): the true weights w♮ ∈ ℝᵈ, the raw features z_ij
/// (n·d, row by row), then the noise ε_i (n). Features x_ij = s_j·z_ij with the column scales
/// s_j = κ_f^(−j/(2(d−1))) of ``SyntheticClassificationData/columnScales(features:conditioning:)``
/// (population covariance with condition number κ_f), and responses y_i = x_iᵀw♮ + σ·ε_i (the dot
/// product summed left to right). `scripts/reference/least_squares_reference.py` implements the same
/// recipe in Python.
public struct SyntheticRegressionData: Sendable, Hashable {
    /// n ≥ 1.
    public var samples: Int
    /// d ≥ 1.
    public var features: Int
    /// κ_f ≥ 1.
    public var featureConditioning: Double
    /// σ ≥ 0.
    public var noise: Double
    public var seed: UInt64

    public init(samples: Int, features: Int, featureConditioning: Double, noise: Double, seed: UInt64) {
        self.samples = samples
        self.features = features
        self.featureConditioning = featureConditioning
        self.noise = noise
        self.seed = seed
    }

    public func generate() -> Dataset {
        var generator = Xoshiro256StarStar(seed: seed)
        let n = samples, d = features
        let scales = SyntheticClassificationData.columnScales(features: d, conditioning: featureConditioning)
        var trueWeights = [Double](repeating: 0, count: d)
        generator.fillGaussian(&trueWeights)
        var x = [Double](repeating: 0, count: n * d)
        generator.fillGaussian(&x)
        for i in 0..<n { for j in 0..<d { x[i * d + j] *= scales[j] } }
        var responses = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var signal = 0.0
            for j in 0..<d { signal += x[i * d + j] * trueWeights[j] }
            responses[i] = signal + noise * generator.nextGaussian()
        }
        return Dataset(rowCount: n, columnCount: d, features: x, targets: responses)
    }
}
