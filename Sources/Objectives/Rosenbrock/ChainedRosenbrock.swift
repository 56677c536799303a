/// The chained N-D Rosenbrock function of scipy `rosen` (scipy/scipy:scipy/optimize/_optimize.py;
/// reference §C.1): f = Σ_{i=1}^{n−1} [100(x_{i+1} − x_i²)² + (1 − x_i)²], n ≥ 2.
///
/// ∂₁ = −400x₁(x₂ − x₁²) − 2(1 − x₁); interior ∂ᵢ = 200(xᵢ − x_{i−1}²) − 400xᵢ(x_{i+1} − xᵢ²) − 2(1 − xᵢ);
/// ∂ₙ = 200(xₙ − x_{n−1}²). The Hessian is tridiagonal: diagonal 1200xᵢ² − 400x_{i+1} + 2 (i < n) plus
/// 200 (i > 1), off-diagonal −400xᵢ. Global minimiser (1, …, 1), f* = 0; start (−1.2, 1, −1.2, 1, …)
/// (f = 24926 at n = 100). Check value: f(0.1·(0, 1, …, 9)) = 76.56 (scipy docstring).
///
/// For n ≥ 4 there is a second local minimiser near (−1, 1, …, 1): for n = 4 near
/// (−0.775659, 0.613093, 0.382063, 0.145972) with f = 3.701428610430017; for n = 5, 6, 7 the local
/// minimum values are 3.930839434133027, 3.973940500930294 and 3.983600536424854 (reference §C.1; cf.
/// Shang & Qiu 2006, Kok & Sandrock 2009). Methods started near it may stop there.
public struct ChainedRosenbrock: RosenbrockVariant {
    public let dimension: Int

    /// - Precondition: dimension ≥ 2 (validated by ``ProblemKind/rosenbrock``).
    public init(dimension: Int) {
        self.dimension = dimension
    }

    public func value(at x: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            var sum = 0.0
            for i in 0..<(x.count - 1) {
                let a = 1 - x[i], b = x[i + 1] - x[i] * x[i]
                sum += a * a + 100 * b * b
            }
            return sum
        }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            gradient.withUnsafeMutableBufferPointer { g in
                var sum = 0.0
                var carried = 0.0 // 200(xᵢ − x_{i−1}²) from the previous term
                for i in 0..<(x.count - 1) {
                    let xi = x[i], a = 1 - xi, b = x[i + 1] - xi * xi
                    sum += a * a + 100 * b * b
                    g[i] = carried - 400 * xi * b - 2 * a
                    carried = 200 * b
                }
                g[x.count - 1] = carried
                return sum
            }
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let n = dimension
        x.withUnsafeBufferPointer { x in
            v.withUnsafeBufferPointer { v in
                result.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        var diagonal = i > 0 ? 200.0 : 0
                        var sum = 0.0
                        if i < n - 1 {
                            diagonal += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2
                            sum += -400 * x[i] * v[i + 1]
                        }
                        if i > 0 { sum += -400 * x[i - 1] * v[i - 1] }
                        out[i] = sum + diagonal * v[i]
                    }
                }
            }
        }
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let n = dimension
        for k in 0..<(n * n) { hessian[k] = 0 }
        for i in 0..<n {
            var diagonal = i > 0 ? 200.0 : 0
            if i < n - 1 {
                diagonal += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2
                hessian[i * n + i + 1] = -400 * x[i]
                hessian[(i + 1) * n + i] = -400 * x[i]
            }
            hessian[i * n + i] = diagonal
        }
    }
}
