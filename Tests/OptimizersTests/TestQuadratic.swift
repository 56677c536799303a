import Objectives
import Randomness

/// Test-only objective for what the library quadratics do not offer: an offset f* ≠ 0, indefinite or NaN
/// spectra and hidden constants (the other method tests use AxisAlignedQuadratic and DenseQuadratic).
///
/// f(x) = ½(x − x*)ᵀA(x − x*) + f* with a dense symmetric A (row-major) and its exact constants.
struct TestQuadratic: Objective {
    let dimension: Int
    let matrix: [Double]
    let minimizer: [Double]
    let optimalValue: Double
    let constants: ObjectiveConstants
    let startingPoint: [Double]

    /// A = diag(eigenvalues), rotated by a Haar orthogonal Q (A = QΛQᵀ) when `rotationSeed` is given.
    /// `knownConstants: false` hides L and μ (as for a problem whose constants are unknown).
    init(
        eigenvalues: [Double], minimizer: [Double]? = nil, start: [Double]? = nil, optimalValue: Double = 0,
        rotationSeed: UInt64? = nil, knownConstants: Bool = true
    ) {
        let d = eigenvalues.count
        dimension = d
        var a = [Double](repeating: 0, count: d * d)
        if let rotationSeed {
            var generator = Xoshiro256StarStar(seed: rotationSeed)
            let q = RandomOrthogonalMatrix.make(dimension: d, using: &generator)
            for i in 0..<d {
                for j in 0..<d { for k in 0..<d { a[i * d + j] += q[i * d + k] * eigenvalues[k] * q[j * d + k] } }
            }
            for i in 0..<d {
                for j in 0..<i {
                    let s = (a[i * d + j] + a[j * d + i]) / 2
                    a[i * d + j] = s
                    a[j * d + i] = s
                }
            }
        } else {
            for i in 0..<d { a[i * d + i] = eigenvalues[i] }
        }
        matrix = a
        let xStar = minimizer ?? [Double](repeating: 0, count: d)
        self.minimizer = xStar
        self.optimalValue = optimalValue
        constants =
            knownConstants
            ? ObjectiveConstants(
                optimalValue: optimalValue, minimizer: xStar, smoothness: eigenvalues.max(),
                strongConvexity: max(0, eigenvalues.min() ?? 0))
            : ObjectiveConstants(optimalValue: optimalValue, minimizer: xStar)
        startingPoint = start ?? [Double](repeating: 1, count: d)
    }

    func value(at x: [Double]) -> Double {
        var g = [Double](repeating: 0, count: dimension)
        return evaluate(at: x, gradient: &g)
    }

    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        let d = dimension
        var f = 0.0
        for i in 0..<d {
            var row = 0.0
            for j in 0..<d { row += matrix[i * d + j] * (x[j] - minimizer[j]) }
            gradient[i] = row
            f += 0.5 * (x[i] - minimizer[i]) * row
        }
        return f + optimalValue
    }

    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let d = dimension
        for i in 0..<d {
            var row = 0.0
            for j in 0..<d { row += matrix[i * d + j] * v[j] }
            result[i] = row
        }
    }

    func hessian(at x: [Double], into hessian: inout [Double]) {
        for i in matrix.indices { hessian[i] = matrix[i] }
    }
}
