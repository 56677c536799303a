import Foundation
import Objectives

// Test-only objectives for the fixture problems of scripts/reference/optimizer_fixtures.py. Their
// gradients follow the script's order of operations exactly, so that Swift and the libraries see
// bit-identical gradients at bit-identical points.

/// scipy `rosen`: f = Σ 100(x_{i+1} − x_i²)² + (1 − x_i)² (2-D Rosenbrock is n = 2).
struct ChainedRosenbrock: Objective {
    let dimension: Int
    let startingPoint: [Double]
    var constants: ObjectiveConstants {
        ObjectiveConstants(optimalValue: 0, minimizer: [Double](repeating: 1, count: dimension))
    }

    init(start: [Double]) {
        dimension = start.count
        startingPoint = start
    }

    func value(at x: [Double]) -> Double {
        var f = 0.0
        for i in 0..<(dimension - 1) {
            let t = x[i + 1] - x[i] * x[i]
            f += 100 * t * t + (1 - x[i]) * (1 - x[i])
        }
        return f
    }

    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        for i in 0..<dimension { gradient[i] = 0 }
        for i in 0..<(dimension - 1) {
            let t = x[i + 1] - x[i] * x[i]
            gradient[i] = gradient[i] + (-400.0 * x[i] * t - 2.0 * (1.0 - x[i]))
            gradient[i + 1] = gradient[i + 1] + 200.0 * t
        }
        return value(at: x)
    }

    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for i in 0..<dimension { result[i] = 0 }
        for i in 0..<(dimension - 1) {
            // Hessian of 100(x_{i+1} − x_i²)² + (1 − x_i)² in (x_i, x_{i+1}).
            let a = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2, b = -400 * x[i]
            result[i] += a * v[i] + b * v[i + 1]
            result[i + 1] += b * v[i] + 200 * v[i + 1]
        }
    }
}

/// f = ½ Σ h_i x_i².
struct DiagonalQuadratic: Objective {
    let diagonal: [Double]
    let startingPoint: [Double]
    var dimension: Int { diagonal.count }
    var constants: ObjectiveConstants {
        ObjectiveConstants(
            optimalValue: 0, minimizer: [Double](repeating: 0, count: dimension), smoothness: diagonal.max(),
            strongConvexity: diagonal.min())
    }

    func value(at x: [Double]) -> Double {
        var f = 0.0
        for i in 0..<dimension { f += 0.5 * diagonal[i] * x[i] * x[i] }
        return f
    }

    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        for i in 0..<dimension { gradient[i] = diagonal[i] * x[i] }
        return value(at: x)
    }

    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for i in 0..<dimension { result[i] = diagonal[i] * v[i] }
    }
}

/// f = (1/n) Σ log(1 + exp(−y_i x_iᵀw)) + (λ/2)‖w‖², labels ±1.
struct SmallLogisticRegression: Objective {
    let features: [[Double]]
    let labels: [Double]
    let regularization: Double
    let startingPoint: [Double]
    var dimension: Int { startingPoint.count }
    var constants: ObjectiveConstants { ObjectiveConstants(strongConvexity: regularization) }

    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1.0 / (1.0 + exp(-z)) }
        let e = exp(z)
        return e / (1.0 + e)
    }

    private func margin(_ i: Int, _ w: [Double]) -> Double {
        var s = 0.0
        for j in 0..<dimension { s = s + features[i][j] * w[j] }
        return labels[i] * s
    }

    func value(at w: [Double]) -> Double {
        var f = 0.0
        for i in labels.indices {
            let m = margin(i, w)
            f += max(-m, 0) + log1p(exp(-abs(m)))
        }
        var squares = 0.0
        for j in 0..<dimension { squares += w[j] * w[j] }
        return f / Double(labels.count) + 0.5 * regularization * squares
    }

    func evaluate(at w: [Double], gradient: inout [Double]) -> Double {
        for j in 0..<dimension { gradient[j] = 0 }
        for i in labels.indices {
            let c = -labels[i] * Self.sigmoid(-margin(i, w))
            for j in 0..<dimension { gradient[j] = gradient[j] + c * features[i][j] }
        }
        let n = Double(labels.count)
        for j in 0..<dimension { gradient[j] = gradient[j] / n + regularization * w[j] }
        return value(at: w)
    }

    func hessianVectorProduct(at w: [Double], vector v: [Double], result: inout [Double]) {
        for j in 0..<dimension { result[j] = regularization * v[j] }
        let n = Double(labels.count)
        for i in labels.indices {
            var s = 0.0, xv = 0.0
            for j in 0..<dimension {
                s += features[i][j] * w[j]
                xv += features[i][j] * v[j]
            }
            let p = Self.sigmoid(s)
            for j in 0..<dimension { result[j] += p * (1 - p) * xv * features[i][j] / n }
        }
    }
}
