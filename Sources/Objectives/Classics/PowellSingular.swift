/// Powell's singular function (Moré, Garbow & Hillstrom 1981, problem 13; reference §C.2):
/// f = (x₁ + 10x₂)² + 5(x₃ − x₄)² + (x₂ − 2x₃)⁴ + 10(x₁ − x₄)⁴.
///
/// With a = x₁ + 10x₂, b = x₃ − x₄, c = x₂ − 2x₃, e = x₁ − x₄:
/// ∇f = (2a + 40e³, 20a + 4c³, 10b − 8c³, −10b − 40e³); with C = 12c², E = 120e² the Hessian is
/// [[2 + E, 20, 0, −E], [20, 200 + C, −2C, 0], [0, −2C, 10 + 4C, −10], [−E, 0, −10, 10 + E]].
/// Minimiser 0, f* = 0, where the Hessian is singular (rank 2), so Newton converges only linearly.
/// Start (3, −1, 0, 1), where f = 215.
public struct PowellSingular: Objective {
    public init() {}

    public var dimension: Int { 4 }
    public var startingPoint: [Double] { [3, -1, 0, 1] }
    public var constants: ObjectiveConstants { ObjectiveConstants(optimalValue: 0, minimizer: [0, 0, 0, 0]) }

    public func value(at x: [Double]) -> Double {
        let a = x[0] + 10 * x[1], b = x[2] - x[3], c = x[1] - 2 * x[2], e = x[0] - x[3]
        let c2 = c * c, e2 = e * e
        return a * a + 5 * b * b + c2 * c2 + 10 * e2 * e2
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 4) { g in
            let a = x[0] + 10 * x[1], b = x[2] - x[3], c = x[1] - 2 * x[2], e = x[0] - x[3]
            let c2 = c * c, e2 = e * e, c3 = c2 * c, e3 = e2 * e
            g[0] = 2 * a + 40 * e3
            g[1] = 20 * a + 4 * c3
            g[2] = 10 * b - 8 * c3
            g[3] = -10 * b - 40 * e3
            return a * a + 5 * b * b + c2 * c2 + 10 * e2 * e2
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let c = x[1] - 2 * x[2], e = x[0] - x[3]
        let cc = 12 * c * c, ee = 120 * e * e
        result[0] = (2 + ee) * v[0] + 20 * v[1] - ee * v[3]
        result[1] = 20 * v[0] + (200 + cc) * v[1] - 2 * cc * v[2]
        result[2] = -2 * cc * v[1] + (10 + 4 * cc) * v[2] - 10 * v[3]
        result[3] = -ee * v[0] - 10 * v[2] + (10 + ee) * v[3]
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let c = x[1] - 2 * x[2], e = x[0] - x[3]
        let cc = 12 * c * c, ee = 120 * e * e
        let rows: [Double] = [
            2 + ee, 20, 0, -ee,
            20, 200 + cc, -2 * cc, 0,
            0, -2 * cc, 10 + 4 * cc, -10,
            -ee, 0, -10, 10 + ee,
        ]
        for k in 0..<16 { hessian[k] = rows[k] }
    }
}
