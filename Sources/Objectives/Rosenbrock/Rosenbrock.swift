/// The 2-D Rosenbrock function f = (1 − x)² + 100(y − x²)² (reference §C.1, MGH #1).
///
/// ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²)); ∇²f = [[2 − 400y + 1200x², −400x], [−400x, 200]].
/// Minimiser (1, 1), f* = 0. Start (−1.2, 1), where f = 24.2 and ∇f = (−215.6, −88). It equals the
/// chained and the extended (scale 1) forms at n = 2. No global L or μ (the Hessian is unbounded).
public struct Rosenbrock: Objective {
    public init() {}

    public var dimension: Int { 2 }
    public var startingPoint: [Double] { [-1.2, 1] }
    public var constants: ObjectiveConstants { ObjectiveConstants(optimalValue: 0, minimizer: [1, 1]) }

    public func value(at x: [Double]) -> Double {
        let a = 1 - x[0], b = x[1] - x[0] * x[0]
        return a * a + 100 * b * b
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 2) { g in
            let x0 = x[0], a = 1 - x0, b = x[1] - x0 * x0
            g[0] = -2 * a - 400 * x0 * b
            g[1] = 200 * b
            return a * a + 100 * b * b
        }
    }

    /// ∇f alone (the same operations as `evaluate`, without f).
    public func gradient(at x: [Double], into gradient: inout [Double]) {
        gradient.writeGradient(count: 2) { g in
            let x0 = x[0], a = 1 - x0, b = x[1] - x0 * x0
            g[0] = -2 * a - 400 * x0 * b
            g[1] = 200 * b
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let x0 = x[0]
        let h00 = 2 - 400 * x[1] + 1200 * x0 * x0, h01 = -400 * x0
        result[0] = h00 * v[0] + h01 * v[1]
        result[1] = h01 * v[0] + 200 * v[1]
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let x0 = x[0]
        hessian[0] = 2 - 400 * x[1] + 1200 * x0 * x0
        hessian[1] = -400 * x0
        hessian[2] = -400 * x0
        hessian[3] = 200
    }
}
