/// The three-hump camel function (reference §C.2): f = 2x² − 1.05x⁴ + x⁶/6 + xy + y².
///
/// ∇f = (4x − 4.2x³ + x⁵ + y, x + 2y); ∇²f = [[4 − 12.6x² + 5x⁴, 1], [1, 2]].
/// Global minimiser (0, 0), f* = 0; two further local minima. The literature has no standard start;
/// gdbench uses (−1.5, 1.5) (f = 1.0828125), inside the usual domain [−5, 5]².
public struct ThreeHumpCamel: Objective {
    public init() {}

    public var dimension: Int { 2 }
    public var startingPoint: [Double] { [-1.5, 1.5] }
    public var constants: ObjectiveConstants { ObjectiveConstants(optimalValue: 0, minimizer: [0, 0]) }

    public func value(at x: [Double]) -> Double {
        let u = x[0], v = x[1], u2 = u * u
        return u2 * (2 - 1.05 * u2 + u2 * u2 / 6) + u * v + v * v
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 2) { g in
            let u = x[0], v = x[1], u2 = u * u
            g[0] = u * (4 - 4.2 * u2 + u2 * u2) + v
            g[1] = u + 2 * v
            return u2 * (2 - 1.05 * u2 + u2 * u2 / 6) + u * v + v * v
        }
    }

    public func hessianVectorProduct(at x: [Double], vector w: [Double], result: inout [Double]) {
        let u2 = x[0] * x[0]
        result[0] = (4 - 12.6 * u2 + 5 * u2 * u2) * w[0] + w[1]
        result[1] = w[0] + 2 * w[1]
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let u2 = x[0] * x[0]
        hessian[0] = 4 - 12.6 * u2 + 5 * u2 * u2
        hessian[1] = 1
        hessian[2] = 1
        hessian[3] = 2
    }
}
