/// The Styblinski–Tang function in n dimensions (reference §C.2): f = ½Σ(xᵢ⁴ − 16xᵢ² + 5xᵢ).
///
/// ∂ᵢf = 2xᵢ³ − 16xᵢ + 2.5; ∇²f = diag(6xᵢ² − 16). Separable: each coordinate has its global minimum
/// at −2.903534027771177, a local minimum at 2.7468027709908305 and a local maximum at
/// 0.1567312567803401, so there are 2ⁿ local minima. f* = −39.16616570377141·n (reference, from
/// root-finding; the often-quoted −39.16599·n is rounded). The start is drawn uniformly from the
/// usual domain [−5, 5]ⁿ with the problem generator (the literature has no fixed start).
public struct StyblinskiTang: Objective {
    public let dimension: Int
    public let startingPoint: [Double]

    /// The coordinate of the global minimiser.
    public static let minimizerCoordinate = -2.903534027771177

    public init(dimension: Int, startingPoint: [Double]) {
        self.dimension = dimension
        self.startingPoint = startingPoint
    }

    public var constants: ObjectiveConstants {
        ObjectiveConstants(
            optimalValue: -39.16616570377141 * Double(dimension),
            minimizer: [Double](repeating: StyblinskiTang.minimizerCoordinate, count: dimension))
    }

    public func value(at x: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            var sum = 0.0
            for xi in x {
                let s = xi * xi
                sum += s * (s - 16) + 5 * xi
            }
            return 0.5 * sum
        }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            gradient.withUnsafeMutableBufferPointer { g in
                var sum = 0.0
                for i in 0..<x.count {
                    let xi = x[i], s = xi * xi
                    sum += s * (s - 16) + 5 * xi
                    g[i] = xi * (2 * s - 16) + 2.5
                }
                return 0.5 * sum
            }
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for i in 0..<dimension { result[i] = (6 * x[i] * x[i] - 16) * v[i] }
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let d = dimension
        for k in 0..<(d * d) { hessian[k] = 0 }
        for i in 0..<d { hessian[i * d + i] = 6 * x[i] * x[i] - 16 }
    }
}
