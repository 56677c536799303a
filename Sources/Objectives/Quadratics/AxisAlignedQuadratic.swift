/// f(x) = ½ Σᵢ λᵢ (xᵢ − x*ᵢ)², the quadratic of reference §C.5 with Q = I: ∇f = Λ(x − x*), ∇²f = Λ,
/// f* = 0, L = max λᵢ, μ = min λᵢ. O(d) per evaluation.
///
/// Also the two named 2-D problems of the seed notes: the narrow valley ½(x² + 100y²) (λ = (1, 100),
/// x* = 0, start (1, 1)) and the shifted bowl (x₀ − 2)² + (x₁ − 3)² (λ = (2, 2), so L = μ = 2,
/// x* = (2, 3), start (0, 0)).
public struct AxisAlignedQuadratic: Objective {
    /// λᵢ, the diagonal of the Hessian.
    public let eigenvalues: [Double]
    /// x*.
    public let minimizer: [Double]
    public let startingPoint: [Double]
    public let constants: ObjectiveConstants

    /// - Precondition: all three arrays have the same positive length and every λᵢ ≥ 0 (μ = min λᵢ).
    public init(eigenvalues: [Double], minimizer: [Double], startingPoint: [Double]) {
        self.eigenvalues = eigenvalues
        self.minimizer = minimizer
        self.startingPoint = startingPoint
        constants = ObjectiveConstants(
            optimalValue: 0, minimizer: minimizer, smoothness: eigenvalues.max(),
            strongConvexity: eigenvalues.min())
    }

    /// ½(x² + 100y²) from (1, 1): κ = 100, the valley of the seed notes.
    public static let narrowValley = AxisAlignedQuadratic(
        eigenvalues: [1, 100], minimizer: [0, 0], startingPoint: [1, 1])

    /// (x₀ − 2)² + (x₁ − 3)² from (0, 0): no ½, so λ = (2, 2) and L = μ = 2; f(0, 0) = 13.
    public static let shiftedBowl = AxisAlignedQuadratic(
        eigenvalues: [2, 2], minimizer: [2, 3], startingPoint: [0, 0])

    public var dimension: Int { eigenvalues.count }

    public func value(at x: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            eigenvalues.withUnsafeBufferPointer { lambda in
                minimizer.withUnsafeBufferPointer { center in
                    var sum = 0.0
                    for i in 0..<lambda.count {
                        let r = x[i] - center[i]
                        sum += lambda[i] * r * r
                    }
                    return 0.5 * sum
                }
            }
        }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            eigenvalues.withUnsafeBufferPointer { lambda in
                minimizer.withUnsafeBufferPointer { center in
                    gradient.withUnsafeMutableBufferPointer { g in
                        var sum = 0.0
                        for i in 0..<lambda.count {
                            let r = x[i] - center[i]
                            let gi = lambda[i] * r
                            g[i] = gi
                            sum += gi * r
                        }
                        return 0.5 * sum
                    }
                }
            }
        }
    }

    /// ∇f = Λ(x − x*) alone: bitwise the gradient `evaluate` writes, without the running sum for f
    /// (a chain of d dependent additions, longer than the gradient itself).
    public func gradient(at x: [Double], into gradient: inout [Double]) {
        x.withUnsafeBufferPointer { x in
            eigenvalues.withUnsafeBufferPointer { lambda in
                minimizer.withUnsafeBufferPointer { center in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for i in 0..<lambda.count { g[i] = lambda[i] * (x[i] - center[i]) }
                    }
                }
            }
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for i in 0..<eigenvalues.count { result[i] = eigenvalues[i] * v[i] }
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let d = dimension
        for i in 0..<(d * d) { hessian[i] = 0 }
        for i in 0..<d { hessian[i * d + i] = eigenvalues[i] }
    }
}

extension AxisAlignedQuadratic {
    /// f is exactly quadratic (constant Hessian).
    public var isQuadratic: Bool { true }
}
