import LinearAlgebra

/// The constants of a ``SparseFiniteSum`` (see its documentation for the methods and tolerances).
enum SparseFiniteSumConstants {
    static let powerIterations = 300
    static let newtonIterations = 100
    static let cgIterations = 2000

    static func solve(_ problem: SparseFiniteSum, full: Bool) -> ObjectiveConstants {
        let d = problem.dimension, n = Double(problem.matrix.rowCount)
        // λ_max(XᵀX) by power iteration from (1, 1, …)/√d.
        var v = [Double](repeating: 1 / Double(d).squareRoot(), count: d)
        var gram = [Double](repeating: 0, count: d)
        var largest = 0.0
        for _ in 0..<powerIterations {
            gramProduct(problem.matrix, v, into: &gram)
            let norm = VectorKernels.norm(gram)
            guard norm > 0, norm.isFinite else { break }
            let previous = largest
            largest = norm
            for j in 0..<d { v[j] = gram[j] / norm }
            if abs(largest - previous) <= 1e-12 * largest { break }
        }
        let scale = problem.loss == .logistic ? 0.25 : 1
        let smoothness = largest * scale / n + problem.lambda
        var constants = ObjectiveConstants(
            smoothness: smoothness,
            strongConvexity: problem.lambda > 0 ? problem.lambda : nil)
        guard full else { return constants }
        if let minimizer = newtonCG(problem) {
            constants.minimizer = minimizer
            constants.optimalValue = problem.value(at: minimizer)
        }
        return constants
    }

    /// XᵀXv.
    static func gramProduct(_ matrix: CompressedSparseRows, _ v: [Double], into result: inout [Double]) {
        for j in result.indices { result[j] = 0 }
        for i in 0..<matrix.rowCount {
            var dot = 0.0
            for k in matrix.rowStarts[i]..<matrix.rowStarts[i + 1] {
                dot += matrix.values[k] * v[Int(matrix.columns[k])]
            }
            for k in matrix.rowStarts[i]..<matrix.rowStarts[i + 1] {
                result[Int(matrix.columns[k])] += dot * matrix.values[k]
            }
        }
    }

    /// Newton's method with conjugate-gradient solves (Nocedal & Wright, Algorithm 7.1, forcing
    /// η = min(0.5, √‖g‖)) and Armijo backtracking, from w = 0; nil unless ‖∇f‖ ≤ 1e−10·max(1, ‖∇f(0)‖).
    static func newtonCG(_ problem: SparseFiniteSum) -> [Double]? {
        let d = problem.dimension
        var x = [Double](repeating: 0, count: d)
        var g = x
        var f = problem.evaluate(at: x, gradient: &g)
        let tolerance = 1e-10 * max(1, VectorKernels.norm(g))
        var hv = x, trial = x
        for _ in 0..<newtonIterations {
            let gradientNorm = VectorKernels.norm(g)
            if gradientNorm <= tolerance { return x }
            // CG on H p = −g.
            var p = [Double](repeating: 0, count: d)
            var r = g.map { -$0 }
            var direction = r
            var rr = VectorKernels.dot(r, r)
            let target = min(0.5, gradientNorm.squareRoot()) * gradientNorm
            for _ in 0..<cgIterations {
                problem.hessianVectorProduct(at: x, vector: direction, result: &hv)
                let curvature = VectorKernels.dot(direction, hv)
                guard curvature > 0 else { break }
                let alpha = rr / curvature
                for j in 0..<d {
                    p[j] += alpha * direction[j]
                    r[j] -= alpha * hv[j]
                }
                let next = VectorKernels.dot(r, r)
                if next.squareRoot() <= target { break }
                for j in 0..<d { direction[j] = r[j] + next / rr * direction[j] }
                rr = next
            }
            if VectorKernels.dot(p, p) == 0 { p = g.map { -$0 } }
            let slope = VectorKernels.dot(g, p)
            var t = 1.0, accepted = false
            for _ in 0..<50 {
                for j in 0..<d { trial[j] = x[j] + t * p[j] }
                let candidate = problem.value(at: trial)
                if candidate <= f + 1e-4 * t * slope {
                    accepted = true
                    break
                }
                t *= 0.5
            }
            guard accepted else { return VectorKernels.norm(g) <= 1e3 * tolerance ? x : nil }
            x = trial
            f = problem.evaluate(at: x, gradient: &g)
        }
        return VectorKernels.norm(g) <= tolerance ? x : nil
    }

}
