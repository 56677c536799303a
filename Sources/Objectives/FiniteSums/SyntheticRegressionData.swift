import Randomness

/// Seeded synthetic linear-regression data for least squares.
///
/// From `Xoshiro256StarStar(seed: seed)`, in this order, all standard normals from one Gaussian
/// stream (``Xoshiro256StarStar/nextGaussian()``): the true weights w♮ ∈ ℝᵈ and the raw features
/// z_ij (n·d, row by row; ``GaussianDesign``), then the noise ε_i (n). Features x_ij = s_j·z_ij with the
/// column scales s_j = κ_f^(−j/(2(d−1))) of ``SyntheticClassificationData/columnScales(features:conditioning:)``
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
        let n = samples, d = features
        var design = GaussianDesign(samples: n, features: d, seed: seed)
        let scales = SyntheticClassificationData.columnScales(features: d, conditioning: featureConditioning)
        for i in 0..<n { for j in 0..<d { design.features[i * d + j] *= scales[j] } }
        var responses = GaussianDesign.rowScores(design.features, columnCount: d, weights: design.trueWeights)
        for i in 0..<n { responses[i] += noise * design.generator.nextGaussian() }
        return Dataset(rowCount: n, columnCount: d, features: design.features, targets: responses)
    }
}
