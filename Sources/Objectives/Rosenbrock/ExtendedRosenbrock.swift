/// The extended Rosenbrock function (Moré, Garbow & Hillstrom 1981, problem 21; reference §C.1),
/// n even: f = s·Σ_{k=1}^{n/2} [100(x_{2k} − x_{2k−1}²)² + (1 − x_{2k−1})²], a sum of n/2 independent
/// 2-D Rosenbrocks, so the Hessian is block diagonal with the 2×2 blocks of ``Rosenbrock`` times s.
///
/// `scale` s is 1 for MGH and ½ for OptimTestProblems.jl (more_testing.jl). Minimiser (1, …, 1),
/// f* = 0; start (−1.2, 1, −1.2, 1, …), where f = 12.1·n·s (1210 for n = 100, s = 1; 605 for s = ½).
public struct ExtendedRosenbrock: RosenbrockVariant {
    public let dimension: Int
    /// s, the factor in front of the sum.
    public let scale: Double

    /// - Precondition: dimension even and ≥ 2 (validated by ``ProblemKind/rosenbrock``).
    public init(dimension: Int, scale: Double) {
        self.dimension = dimension
        self.scale = scale
    }

    public func value(at x: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            var sum = 0.0
            var i = 0
            while i < x.count {
                let a = 1 - x[i], b = x[i + 1] - x[i] * x[i]
                sum += a * a + 100 * b * b
                i += 2
            }
            return scale * sum
        }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        let s = scale
        return x.withUnsafeBufferPointer { x in
            gradient.withUnsafeMutableBufferPointer { g in
                var sum = 0.0
                var i = 0
                while i < x.count {
                    let xi = x[i], a = 1 - xi, b = x[i + 1] - xi * xi
                    sum += a * a + 100 * b * b
                    g[i] = s * (-2 * a - 400 * xi * b)
                    g[i + 1] = s * (200 * b)
                    i += 2
                }
                return s * sum
            }
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let s = scale
        x.withUnsafeBufferPointer { x in
            v.withUnsafeBufferPointer { v in
                result.withUnsafeMutableBufferPointer { out in
                    var i = 0
                    while i < x.count {
                        let xi = x[i]
                        let h00 = 2 - 400 * x[i + 1] + 1200 * xi * xi, h01 = -400 * xi
                        out[i] = s * (h00 * v[i] + h01 * v[i + 1])
                        out[i + 1] = s * (h01 * v[i] + 200 * v[i + 1])
                        i += 2
                    }
                }
            }
        }
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let n = dimension, s = scale
        for k in 0..<(n * n) { hessian[k] = 0 }
        var i = 0
        while i < n {
            let xi = x[i]
            hessian[i * n + i] = s * (2 - 400 * x[i + 1] + 1200 * xi * xi)
            hessian[i * n + i + 1] = s * (-400 * xi)
            hessian[(i + 1) * n + i] = s * (-400 * xi)
            hessian[(i + 1) * n + i + 1] = s * 200
            i += 2
        }
    }
}
