/// The six-hump camel function (reference §C.2): f = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y².
///
/// ∇f = (8x − 8.4x³ + 2x⁵ + y, x − 8y + 16y³); ∇²f = [[8 − 25.2x² + 10x⁴, 1], [1, 48y² − 8]].
/// Two global minima ±(0.0898420131, −0.7126564030) with f* = −1.0316284534898774 (reference [run]);
/// ``constants`` reports (0.08984201310031806, −0.7126564030207396), the reference point refined by
/// mpmath `findroot` on ∇f = 0 at 40 digits. Four more local minima, and a saddle at (0, 0).
/// The literature has no standard start; gdbench uses (−1, 1) (f = 1.2333…), inside the usual domain
/// [−3, 3]×[−2, 2], away from the saddle and the symmetry axis.
public struct SixHumpCamel: Objective {
    public init() {}

    public var dimension: Int { 2 }
    public var startingPoint: [Double] { [-1, 1] }
    public var constants: ObjectiveConstants {
        ObjectiveConstants(optimalValue: -1.0316284534898774, minimizer: [0.08984201310031806, -0.7126564030207396])
    }

    public func value(at x: [Double]) -> Double {
        let u = x[0], v = x[1], u2 = u * u, v2 = v * v
        return (4 - 2.1 * u2 + u2 * u2 / 3) * u2 + u * v + (-4 + 4 * v2) * v2
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 2) { g in
            let u = x[0], v = x[1], u2 = u * u, v2 = v * v
            g[0] = u * (8 - 8.4 * u2 + 2 * u2 * u2) + v
            g[1] = u + v * (16 * v2 - 8)
            return (4 - 2.1 * u2 + u2 * u2 / 3) * u2 + u * v + (-4 + 4 * v2) * v2
        }
    }

    public func hessianVectorProduct(at x: [Double], vector w: [Double], result: inout [Double]) {
        let u2 = x[0] * x[0]
        let h00 = 8 - 25.2 * u2 + 10 * u2 * u2, h11 = 48 * x[1] * x[1] - 8
        result[0] = h00 * w[0] + w[1]
        result[1] = w[0] + h11 * w[1]
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let u2 = x[0] * x[0]
        hessian[0] = 8 - 25.2 * u2 + 10 * u2 * u2
        hessian[1] = 1
        hessian[2] = 1
        hessian[3] = 48 * x[1] * x[1] - 8
    }
}
