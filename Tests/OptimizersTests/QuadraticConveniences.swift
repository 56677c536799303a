import Objectives
import Randomness

extension AxisAlignedQuadratic {
    /// ½ Σ λᵢ(xᵢ − x*ᵢ)² with x* = 0 and x₀ = (1, …, 1) unless given.
    init(eigenvalues: [Double], minimizer: [Double]? = nil, start: [Double]? = nil) {
        let d = eigenvalues.count
        self.init(
            eigenvalues: eigenvalues, minimizer: minimizer ?? [Double](repeating: 0, count: d),
            startingPoint: start ?? [Double](repeating: 1, count: d))
    }

    /// ½ Σ hᵢxᵢ² (x* = 0) from `startingPoint`: the `quadratic` problem of the optimizer fixtures.
    init(diagonal: [Double], startingPoint: [Double]) {
        self.init(
            eigenvalues: diagonal, minimizer: [Double](repeating: 0, count: diagonal.count),
            startingPoint: startingPoint)
    }
}

extension DenseQuadratic {
    /// ½(x − x*)ᵀQΛQᵀ(x − x*) with the Haar rotation Q that `RandomOrthogonalMatrix.make` draws from
    /// `Xoshiro256StarStar(seed: rotationSeed)`; x* = 0 and x₀ = (1, …, 1) unless given.
    init(eigenvalues: [Double], minimizer: [Double]? = nil, start: [Double]? = nil, rotationSeed: UInt64) {
        let d = eigenvalues.count
        var generator = Xoshiro256StarStar(seed: rotationSeed)
        self.init(
            eigenvalues: eigenvalues, rotation: RandomOrthogonalMatrix.make(dimension: d, using: &generator),
            minimizer: minimizer ?? [Double](repeating: 0, count: d),
            startingPoint: start ?? [Double](repeating: 1, count: d))
    }
}
