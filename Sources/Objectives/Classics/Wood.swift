/// Wood's function (Moré, Garbow & Hillstrom 1981, problem 14; reference §C.2):
/// f = 100(x₁² − x₂)² + (x₁ − 1)² + 90(x₃² − x₄)² + (x₃ − 1)² + 10.1[(x₂ − 1)² + (x₄ − 1)²]
///     + 19.8(x₂ − 1)(x₄ − 1).
///
/// With p = x₁² − x₂, q = x₃² − x₄: ∇f = (400x₁p + 2(x₁ − 1), −200p + 20.2(x₂ − 1) + 19.8(x₄ − 1),
/// 360x₃q + 2(x₃ − 1), −180q + 20.2(x₄ − 1) + 19.8(x₂ − 1)); nonzero Hessian entries
/// H₁₁ = 1200x₁² − 400x₂ + 2, H₁₂ = −400x₁, H₂₂ = 220.2, H₂₄ = 19.8, H₃₃ = 1080x₃² − 360x₄ + 2,
/// H₃₄ = −360x₃, H₄₄ = 200.2. Minimiser (1, 1, 1, 1), f* = 0; start (−3, −1, −3, −1), f = 19192.
public struct Wood: Objective {
    public init() {}

    public var dimension: Int { 4 }
    public var startingPoint: [Double] { [-3, -1, -3, -1] }
    public var constants: ObjectiveConstants { ObjectiveConstants(optimalValue: 0, minimizer: [1, 1, 1, 1]) }

    public func value(at x: [Double]) -> Double {
        let p = x[0] * x[0] - x[1], q = x[2] * x[2] - x[3]
        let a = x[0] - 1, b = x[1] - 1, c = x[2] - 1, e = x[3] - 1
        return 100 * p * p + a * a + 90 * q * q + c * c + 10.1 * (b * b + e * e) + 19.8 * b * e
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 4) { g in
            let p = x[0] * x[0] - x[1], q = x[2] * x[2] - x[3]
            let a = x[0] - 1, b = x[1] - 1, c = x[2] - 1, e = x[3] - 1
            g[0] = 400 * x[0] * p + 2 * a
            g[1] = -200 * p + 20.2 * b + 19.8 * e
            g[2] = 360 * x[2] * q + 2 * c
            g[3] = -180 * q + 20.2 * e + 19.8 * b
            return 100 * p * p + a * a + 90 * q * q + c * c + 10.1 * (b * b + e * e) + 19.8 * b * e
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let h00 = 1200 * x[0] * x[0] - 400 * x[1] + 2, h01 = -400 * x[0]
        let h22 = 1080 * x[2] * x[2] - 360 * x[3] + 2, h23 = -360 * x[2]
        result[0] = h00 * v[0] + h01 * v[1]
        result[1] = h01 * v[0] + 220.2 * v[1] + 19.8 * v[3]
        result[2] = h22 * v[2] + h23 * v[3]
        result[3] = 19.8 * v[1] + h23 * v[2] + 200.2 * v[3]
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let h00 = 1200 * x[0] * x[0] - 400 * x[1] + 2, h01 = -400 * x[0]
        let h22 = 1080 * x[2] * x[2] - 360 * x[3] + 2, h23 = -360 * x[2]
        let rows: [Double] = [
            h00, h01, 0, 0,
            h01, 220.2, 0, 19.8,
            0, 0, h22, h23,
            0, 19.8, h23, 200.2,
        ]
        for k in 0..<16 { hessian[k] = rows[k] }
    }
}
