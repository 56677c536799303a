import Foundation
import Objectives
import Optimizers
import Randomness

/// Test-only objectives for the method tests (the real problem catalog lives in Sources/Objectives
/// and replaces these later).

/// f(x) = ½(x − x*)ᵀA(x − x*) + f* with a dense symmetric A (row-major) and its exact constants.
struct TestQuadratic: Objective {
    let dimension: Int
    let matrix: [Double]
    let minimizer: [Double]
    let optimalValue: Double
    let constants: ObjectiveConstants
    let startingPoint: [Double]

    /// A = diag(eigenvalues), rotated by a Haar orthogonal Q (A = QΛQᵀ) when `rotationSeed` is given.
    /// `knownConstants: false` hides L and μ (as for a problem whose constants are unknown).
    init(eigenvalues: [Double], minimizer: [Double]? = nil, start: [Double]? = nil, optimalValue: Double = 0,
         rotationSeed: UInt64? = nil, knownConstants: Bool = true) {
        let d = eigenvalues.count
        dimension = d
        var a = [Double](repeating: 0, count: d * d)
        if let rotationSeed {
            var generator = Xoshiro256StarStar(seed: rotationSeed)
            let q = RandomOrthogonalMatrix.make(dimension: d, using: &generator)
            for i in 0..<d { for j in 0..<d { for k in 0..<d { a[i * d + j] += q[i * d + k] * eigenvalues[k] * q[j * d + k] } } }
            for i in 0..<d { for j in 0..<i { let s = (a[i * d + j] + a[j * d + i]) / 2; a[i * d + j] = s; a[j * d + i] = s } }
        } else {
            for i in 0..<d { a[i * d + i] = eigenvalues[i] }
        }
        matrix = a
        let xStar = minimizer ?? [Double](repeating: 0, count: d)
        self.minimizer = xStar
        self.optimalValue = optimalValue
        constants = knownConstants
            ? ObjectiveConstants(optimalValue: optimalValue, minimizer: xStar, smoothness: eigenvalues.max(),
                                 strongConvexity: max(0, eigenvalues.min() ?? 0))
            : ObjectiveConstants(optimalValue: optimalValue, minimizer: xStar)
        startingPoint = start ?? [Double](repeating: 1, count: d)
    }

    func value(at x: [Double]) -> Double {
        var g = [Double](repeating: 0, count: dimension)
        return evaluate(at: x, gradient: &g)
    }

    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        let d = dimension
        var f = 0.0
        for i in 0..<d {
            var row = 0.0
            for j in 0..<d { row += matrix[i * d + j] * (x[j] - minimizer[j]) }
            gradient[i] = row
            f += 0.5 * (x[i] - minimizer[i]) * row
        }
        return f + optimalValue
    }

    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let d = dimension
        for i in 0..<d {
            var row = 0.0
            for j in 0..<d { row += matrix[i * d + j] * v[j] }
            result[i] = row
        }
    }

    func hessian(at x: [Double], into hessian: inout [Double]) {
        for i in matrix.indices { hessian[i] = matrix[i] }
    }
}

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

/// Drives a method the way the runner does: `prepare`, then `iterate` until `stop(x)` holds (checked
/// on the objective directly, uncounted) or `maxIterations`. Returns the iterations done.
struct TestDriver<O: Objective> {
    var oracle: Oracle<O>
    var x: [Double]

    init(_ objective: O, start: [Double]? = nil) {
        oracle = Oracle(objective: objective, seed: 1)
        x = start ?? objective.startingPoint
    }

    @discardableResult
    mutating func run<M: Method>(_ method: inout M, maxIterations: Int, prepare: Bool = true,
                                 stop: (O, [Double]) -> Bool = { _, _ in false },
                                 each: (Int, [Double], IterationReport) -> Void = { _, _, _ in }) throws -> Int {
        if prepare { try method.prepare(at: x, oracle: &oracle) }
        for k in 1...max(1, maxIterations) where maxIterations > 0 {
            let report = try method.iterate(&x, oracle: &oracle)
            each(k, x, report)
            if stop(oracle.objective, x) || report.isStalled { return k }
        }
        return maxIterations
    }
}

/// Stopping rules, computed on the objective directly (never counted).
enum Stop {
    static func gradientInfinityNorm(_ tolerance: Double) -> (any Objective, [Double]) -> Bool {
        { objective, x in
            var g = [Double](repeating: 0, count: x.count)
            _ = objective.evaluate(at: x, gradient: &g)
            return g.reduce(0) { max($0, abs($1)) } <= tolerance
        }
    }

    static func gradientNorm(_ tolerance: Double) -> (any Objective, [Double]) -> Bool {
        { objective, x in
            var g = [Double](repeating: 0, count: x.count)
            _ = objective.evaluate(at: x, gradient: &g)
            return g.reduce(0) { $0 + $1 * $1 }.squareRoot() <= tolerance
        }
    }

    /// ‖x − x*‖ ≤ ε‖x₀ − x*‖ (reference §D).
    static func relativeDistance(_ epsilon: Double, start: [Double], minimizer: [Double]) -> (any Objective, [Double]) -> Bool {
        let initial = distance(start, minimizer)
        return { _, x in distance(x, minimizer) <= epsilon * initial }
    }

    static func distance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }
}

/// λ spaced linearly or geometrically in [low, high] (numpy linspace / geomspace).
enum Spectrum {
    static func linear(_ low: Double, _ high: Double, count: Int) -> [Double] {
        (0..<count).map { low + (high - low) * Double($0) / Double(count - 1) }
    }

    static func geometric(_ low: Double, _ high: Double, count: Int) -> [Double] {
        (0..<count).map { low * Foundation.pow(high / low, Double($0) / Double(count - 1)) }
    }
}
