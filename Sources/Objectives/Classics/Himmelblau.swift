/// Himmelblau's function (reference §C.2): f = (x² + y − 11)² + (x + y² − 7)².
///
/// ∇f = (4xa + 2b, 2a + 4yb) with a = x² + y − 11, b = x + y² − 7;
/// ∇²f = [[12x² + 4y − 42, 4(x + y)], [4(x + y), 4x + 12y² − 26]].
/// Four global minima with f* = 0 (``minimizers``), a local maximum and four saddles. Which minimum a
/// method reaches depends on the method, so ``constants`` reports (3, 2) — the only one with a closed
/// form — and f* = 0, which is the same at all four: gaps are exact, distances to x* are not.
/// Start (2, 2) (OptimTestProblems.jl); f(0, 0) = 170.
public struct Himmelblau: Objective {
    public init() {}

    /// The four minimisers (reference §C.2).
    public static let minimizers: [[Double]] = [
        [3, 2],
        [-2.805118086952745, 3.131312518250573],
        [-3.779310253377747, -3.2831859912861696],
        [3.5844283403304917, -1.8481265269644023],
    ]

    public var dimension: Int { 2 }
    public var startingPoint: [Double] { [2, 2] }
    public var constants: ObjectiveConstants { ObjectiveConstants(optimalValue: 0, minimizer: [3, 2]) }

    public func value(at x: [Double]) -> Double {
        let a = x[0] * x[0] + x[1] - 11, b = x[0] + x[1] * x[1] - 7
        return a * a + b * b
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 2) { g in
            let u = x[0], v = x[1]
            let a = u * u + v - 11, b = u + v * v - 7
            g[0] = 4 * u * a + 2 * b
            g[1] = 2 * a + 4 * v * b
            return a * a + b * b
        }
    }

    public func hessianVectorProduct(at x: [Double], vector w: [Double], result: inout [Double]) {
        let u = x[0], v = x[1]
        let h00 = 12 * u * u + 4 * v - 42, h01 = 4 * (u + v), h11 = 4 * u + 12 * v * v - 26
        result[0] = h00 * w[0] + h01 * w[1]
        result[1] = h01 * w[0] + h11 * w[1]
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let u = x[0], v = x[1]
        hessian[0] = 12 * u * u + 4 * v - 42
        hessian[1] = 4 * (u + v)
        hessian[2] = 4 * (u + v)
        hessian[3] = 4 * u + 12 * v * v - 26
    }
}
