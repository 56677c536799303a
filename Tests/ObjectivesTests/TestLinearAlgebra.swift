import Objectives
import Randomness

/// Small dense linear algebra written for the tests only, independent of the code under test.
enum TestLinearAlgebra {
    /// Eigenvalues of a symmetric n×n row-major matrix by the cyclic Jacobi method (Golub & Van
    /// Loan §8.5): rotate away each off-diagonal entry until the off-diagonal mass is negligible.
    /// Returned in ascending order.
    static func symmetricEigenvalues(_ matrix: [Double], dimension n: Int) -> [Double] {
        var a = matrix
        for _ in 0..<100 {
            var off = 0.0, total = 0.0
            for i in 0..<n {
                for j in 0..<n {
                    total += a[i * n + j] * a[i * n + j]
                    if i != j { off += a[i * n + j] * a[i * n + j] }
                }
            }
            if off <= 1e-32 * total || off == 0 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p * n + q] != 0 {
                    let apq = a[p * n + q]
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n { // columns p, q
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n { // rows p, q
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                }
            }
        }
        return (0..<n).map { a[$0 * n + $0] }.sorted()
    }

    /// Solves A·x = b by Gaussian elimination with partial pivoting (A row-major n×n).
    static func solve(_ matrix: [Double], _ rhs: [Double]) -> [Double] {
        let n = rhs.count
        var a = matrix, b = rhs
        for k in 0..<n {
            var pivot = k
            for i in (k + 1)..<n where abs(a[i * n + k]) > abs(a[pivot * n + k]) { pivot = i }
            if pivot != k {
                for j in 0..<n { a.swapAt(k * n + j, pivot * n + j) }
                b.swapAt(k, pivot)
            }
            for i in (k + 1)..<n {
                let factor = a[i * n + k] / a[k * n + k]
                for j in k..<n { a[i * n + j] -= factor * a[k * n + j] }
                b[i] -= factor * b[k]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[i]
            for j in (i + 1)..<n { sum -= a[i * n + j] * x[j] }
            x[i] = sum / a[i * n + i]
        }
        return x
    }

    /// Newton's method with the objective's analytic Hessian, `steps` full steps from `start`.
    static func newtonRefine(_ objective: some Objective, from start: [Double], steps: Int = 30) -> [Double] {
        let d = objective.dimension
        var x = start
        var gradient = [Double](repeating: 0, count: d), hessian = [Double](repeating: 0, count: d * d)
        for _ in 0..<steps {
            _ = objective.evaluate(at: x, gradient: &gradient)
            objective.hessian(at: x, into: &hessian)
            let step = solve(hessian, gradient)
            for i in 0..<d { x[i] -= step[i] }
        }
        return x
    }

    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    static func maxAbs(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }

    /// ∇f(x) of an objective.
    static func gradient(_ objective: some Objective, at x: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: objective.dimension)
        _ = objective.evaluate(at: x, gradient: &g)
        return g
    }

    /// Eigenvalues of ∇²f(x), ascending.
    static func hessianEigenvalues(_ objective: some Objective, at x: [Double]) -> [Double] {
        let d = objective.dimension
        var h = [Double](repeating: 0, count: d * d)
        objective.hessian(at: x, into: &h)
        return symmetricEigenvalues(h, dimension: d)
    }

    /// `count` points x = center + spread·z with z ~ N(0, I) from a fixed seed.
    static func points(around center: [Double], spread: Double, count: Int, seed: UInt64) -> [[Double]] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in center.map { $0 + spread * generator.nextGaussian() } }
    }
}
