import Randomness

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seeded synthetic binary classification data for logistic regression.
///
/// From `Xoshiro256StarStar(seed: seed)`, in this order:
/// 1. a "true" weight vector w♮ ∈ ℝᵈ and 2. the raw features z_ij, row by row (``GaussianDesign``: one
///    Gaussian stream, including the polar method's spare);
/// 3. labels: for each row, y_i = +1 if z_iᵀw♮ ≥ 0 else −1 (the dot product summed left to right),
///    then one uniform u_i (``Xoshiro256StarStar/nextUnitDouble()``) and the label is flipped when
///    u_i < `labelNoise`. With no label noise the classes are linearly separable through the origin;
///    a noise probability p makes a fraction ≈ p of the labels wrong.
///
/// The features are x_ij = s_j·z_ij with column scales s_j = κ_f^(−j/(2(d−1))), j = 0…d−1 (s = 1 when
/// d = 1), so the column variances fall geometrically from 1 to 1/κ_f and the population covariance
/// E[xxᵀ] = diag(s²) has condition number κ_f (`featureConditioning`); XᵀX/n is close to it for n ≫ d.
/// `scripts/reference/logistic_reference.py` implements the same recipe in Python.
public struct SyntheticClassificationData: Sendable, Hashable {
    /// n ≥ 1.
    public var samples: Int
    /// d ≥ 1.
    public var features: Int
    /// κ_f ≥ 1.
    public var featureConditioning: Double
    /// Label flip probability p ∈ [0, 1].
    public var labelNoise: Double
    public var seed: UInt64

    public init(samples: Int, features: Int, featureConditioning: Double, labelNoise: Double, seed: UInt64) {
        self.samples = samples
        self.features = features
        self.featureConditioning = featureConditioning
        self.labelNoise = labelNoise
        self.seed = seed
    }

    /// s_j = κ_f^(−j/(2(d−1))).
    public static func columnScales(features d: Int, conditioning: Double) -> [Double] {
        guard d > 1 else { return [1] }
        return (0..<d).map { pow(conditioning, -Double($0) / (2 * Double(d - 1))) }
    }

    /// The unscaled standard-normal features z (row-major) and the ±1 labels.
    public func generateRaw() -> Dataset {
        var design = GaussianDesign(samples: samples, features: features, seed: seed)
        let margins = GaussianDesign.rowScores(design.features, columnCount: features, weights: design.trueWeights)
        var labels = [Double](repeating: 0, count: samples)
        for i in 0..<samples {
            let flip = design.generator.nextUnitDouble() < labelNoise
            labels[i] = (margins[i] >= 0) != flip ? 1 : -1
        }
        return Dataset(rowCount: samples, columnCount: features, features: design.features, targets: labels)
    }

    /// The data set: the raw features with column j multiplied by s_j.
    public func generate() -> Dataset {
        generateRaw().scalingColumns(by: Self.columnScales(features: features, conditioning: featureConditioning))
    }
}
