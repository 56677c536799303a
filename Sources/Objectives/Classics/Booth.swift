/// Booth's function (reference §C.2): f = (x + 2y − 7)² + (2x + y − 5)², a quadratic.
///
/// ∇f = (2t₁ + 4t₂, 4t₁ + 2t₂) with t₁ = x + 2y − 7, t₂ = 2x + y − 5; ∇²f = [[10, 8], [8, 10]] with
/// eigenvalues 2 and 18, so μ = 2, L = 18, κ = 9. Minimiser (1, 3), f* = 0; start (0, 0) with f = 74.
public struct Booth: Objective {
    public init() {}

    public var dimension: Int { 2 }
    public var startingPoint: [Double] { [0, 0] }
    public var constants: ObjectiveConstants {
        ObjectiveConstants(optimalValue: 0, minimizer: [1, 3], smoothness: 18, strongConvexity: 2)
    }

    public func value(at x: [Double]) -> Double {
        let t1 = x[0] + 2 * x[1] - 7, t2 = 2 * x[0] + x[1] - 5
        return t1 * t1 + t2 * t2
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 2) { g in
            let t1 = x[0] + 2 * x[1] - 7, t2 = 2 * x[0] + x[1] - 5
            g[0] = 2 * t1 + 4 * t2
            g[1] = 4 * t1 + 2 * t2
            return t1 * t1 + t2 * t2
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        result[0] = 10 * v[0] + 8 * v[1]
        result[1] = 8 * v[0] + 10 * v[1]
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        hessian[0] = 10
        hessian[1] = 8
        hessian[2] = 8
        hessian[3] = 10
    }
}

extension Booth {
    /// f is exactly quadratic (constant Hessian).
    public var isQuadratic: Bool { true }
}
