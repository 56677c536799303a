import Objectives

/// Test-only objective for the method tests (the real problem catalog in Sources/Objectives replaces it).
///
/// Chained Rosenbrock (scipy `rosen`): f = Σᵢ 100(x_{i+1} − xᵢ²)² + (1 − xᵢ)²; n = 2 is the classic
/// 2-D function. Start (−1.2, 1, −1.2, 1, …); minimiser (1, …, 1), f* = 0 (reference §C.1).
struct TestRosenbrock: Objective {
    let dimension: Int
    var constants: ObjectiveConstants {
        ObjectiveConstants(optimalValue: 0, minimizer: [Double](repeating: 1, count: dimension))
    }
    var startingPoint: [Double] { (0..<dimension).map { $0 % 2 == 0 ? -1.2 : 1 } }

    init(dimension: Int = 2) { self.dimension = dimension }

    func value(at x: [Double]) -> Double {
        var f = 0.0
        for i in 0..<(dimension - 1) {
            let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
            f += 100 * a * a + b * b
        }
        return f
    }

    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        for i in 0..<dimension { gradient[i] = 0 }
        var f = 0.0
        for i in 0..<(dimension - 1) {
            let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
            f += 100 * a * a + b * b
            gradient[i] += -400 * x[i] * a - 2 * b
            gradient[i + 1] += 200 * a
        }
        return f
    }

    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for i in 0..<dimension { result[i] = 0 }
        for i in 0..<(dimension - 1) {
            let diagonal = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2
            let off = -400 * x[i]
            result[i] += diagonal * v[i] + off * v[i + 1]
            result[i + 1] += off * v[i] + 200 * v[i + 1]
        }
    }
}
