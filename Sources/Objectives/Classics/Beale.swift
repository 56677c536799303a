/// Beale's function (Moré, Garbow & Hillstrom 1981, problem 5; reference §C.2):
/// f = t₁² + t₂² + t₃² with t₁ = 1.5 − x + xy, t₂ = 2.25 − x + xy², t₃ = 2.625 − x + xy³.
///
/// ∇f = 2Σ tₖ∇tₖ with ∇t₁ = (y − 1, x), ∇t₂ = (y² − 1, 2xy), ∇t₃ = (y³ − 1, 3xy²);
/// ∇²f = 2Σ (∇tₖ∇tₖᵀ + tₖ∇²tₖ) with ∇²t₁ = [[0, 1], [1, 0]], ∇²t₂ = [[0, 2y], [2y, 2x]],
/// ∇²t₃ = [[0, 3y²], [3y², 6xy]]. Minimiser (3, ½), f* = 0; start (1, 1) with f = 14.203125.
public struct Beale: PlanarHessian {
    public init() {}

    public var dimension: Int { 2 }
    public var startingPoint: [Double] { [1, 1] }
    public var constants: ObjectiveConstants { ObjectiveConstants(optimalValue: 0, minimizer: [3, 0.5]) }

    public func value(at x: [Double]) -> Double {
        let u = x[0], v = x[1], v2 = v * v
        let t1 = 1.5 - u + u * v, t2 = 2.25 - u + u * v2, t3 = 2.625 - u + u * v2 * v
        return t1 * t1 + t2 * t2 + t3 * t3
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 2) { g in
            let u = x[0], v = x[1], v2 = v * v, v3 = v2 * v
            let t1 = 1.5 - u + u * v, t2 = 2.25 - u + u * v2, t3 = 2.625 - u + u * v3
            g[0] = 2 * (t1 * (v - 1) + t2 * (v2 - 1) + t3 * (v3 - 1))
            g[1] = 2 * u * (t1 + 2 * t2 * v + 3 * t3 * v2)
            return t1 * t1 + t2 * t2 + t3 * t3
        }
    }

    /// ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y² (``PlanarHessian``).
    @inline(__always)
    public func hessianEntries(at x: [Double]) -> (Double, Double, Double) {
        let u = x[0], v = x[1], v2 = v * v, v3 = v2 * v
        let t1 = 1.5 - u + u * v, t2 = 2.25 - u + u * v2, t3 = 2.625 - u + u * v3
        let a1 = v - 1, a2 = v2 - 1, a3 = v3 - 1 // ∂tₖ/∂x
        let b1 = u, b2 = 2 * u * v, b3 = 3 * u * v2 // ∂tₖ/∂y
        let h00 = 2 * (a1 * a1 + a2 * a2 + a3 * a3)
        let h01 = 2 * (a1 * b1 + a2 * b2 + a3 * b3 + t1 + 2 * v * t2 + 3 * v2 * t3)
        let h11 = 2 * (b1 * b1 + b2 * b2 + b3 * b3 + 2 * u * t2 + 6 * u * v * t3)
        return (h00, h01, h11)
    }
}
