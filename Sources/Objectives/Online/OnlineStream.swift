import Foundation
import LinearAlgebra

/// The built-in online problems: T rounds, each a row (a_t, y_t) and one convex loss of the
/// prediction ⟨a_t, x⟩, plus (λ/2)‖x‖² where a loss takes it:
///
/// - `squared`: f_t(x) = ½(⟨a_t, x⟩ − y_t)² + (λ/2)‖x‖² (online least squares);
/// - `logistic`: f_t(x) = log(1 + exp(−y_t⟨a_t, x⟩)) + (λ/2)‖x‖², y_t = ±1 (online logistic regression);
/// - `linear`: f_t(x) = y_t⟨a_t, x⟩ (online linear optimisation);
/// - `absolute`: f_t(x) = |⟨a_t, x⟩ − y_t| (a non-smooth loss; its subgradient at the kink is 0).
///
/// The streams are built by ``OnlineProblems``; the comparator is ``OnlineComparator``.
public struct OnlineStream: OnlineObjective {
    public enum Loss: String, Sendable, CaseIterable {
        case squared, logistic, linear, absolute
    }

    public let loss: Loss
    public let dimension: Int
    public let rounds: Int
    public let radius: Double
    public let lambda: Double
    /// Rows a_t, row-major T×d.
    public let features: [Double]
    /// y_t.
    public let targets: [Double]
    public let gradientBound: Double
    /// For `squared` and `linear`: the means (1/T)Σ a_t a_tᵀ (squared only), (1/T)Σ y_t a_t, (1/T)Σ y_t²/2,
    /// so that f and ∇f cost O(d²) instead of O(T·d) (the harness evaluates f at every check).
    let meanGram: [Double]
    let meanCross: [Double]
    let meanHalfSquaredTarget: Double
    public private(set) var constants: ObjectiveConstants
    public var startingPoint: [Double] { [Double](repeating: 0, count: dimension) }
    public var sampleCount: Int? { rounds }
    public var roundStrongConvexity: Double { lambda }
    public var isQuadratic: Bool { loss == .squared }

    /// The stream of `features` (T×d) and `targets`; G and the constants (f*, x* over the ball, L and μ
    /// of the mean loss on ℝᵈ for the smooth losses) are computed here.
    public init(loss: Loss, dimension d: Int, radius: Double, lambda: Double, features: [Double], targets: [Double]) {
        self.loss = loss
        dimension = d
        rounds = targets.count
        self.radius = radius
        self.lambda = lambda
        self.features = features
        self.targets = targets
        var bound = 0.0
        for t in 0..<targets.count {
            var squared = 0.0
            for k in 0..<d { squared += features[t * d + k] * features[t * d + k] }
            let norm = squared.squareRoot()
            switch loss {
            case .squared: bound = max(bound, (norm * radius + abs(targets[t])) * norm)
            case .logistic, .absolute: bound = max(bound, norm)
            case .linear: bound = max(bound, norm * abs(targets[t]))
            }
        }
        gradientBound = bound + lambda * radius
        var gram = [Double](repeating: 0, count: loss == .squared ? d * d : 0), cross = [Double](repeating: 0, count: d)
        var halfSquares = CompensatedSum()
        if loss == .squared || loss == .linear {
            for t in 0..<rounds {
                for i in 0..<d {
                    cross[i] += targets[t] * features[t * d + i]
                    if loss == .squared {
                        for j in 0..<d { gram[i * d + j] += features[t * d + i] * features[t * d + j] }
                    }
                }
                halfSquares.add(0.5 * targets[t] * targets[t])
            }
        }
        let inverse = 1 / Double(max(rounds, 1))
        meanGram = gram.map { $0 * inverse }
        meanCross = cross.map { $0 * inverse }
        meanHalfSquaredTarget = halfSquares.value * inverse
        constants = ObjectiveConstants()
        var warm = [Double](repeating: 0, count: d)
        let best = OnlineComparator.minimum(self, rounds: rounds, warmStart: &warm)
        var smoothness: Double?, strongConvexity: Double?
        if loss == .squared || loss == .logistic {
            var gram = meanGram
            if loss == .logistic {
                gram = [Double](repeating: 0, count: d * d)
                for t in 0..<rounds {
                    for i in 0..<d { for j in 0..<d { gram[i * d + j] += features[t * d + i] * features[t * d + j] } }
                }
                gram = gram.map { $0 * inverse }
            }
            let eigenvalues = SymmetricEigenvalues.compute(gram, order: d)
            let scale = loss == .squared ? 1 : 0.25
            smoothness = (eigenvalues.last ?? 0) * scale + lambda
            strongConvexity = loss == .squared ? max(0, eigenvalues.first ?? 0) * scale + lambda : lambda
        }
        constants = ObjectiveConstants(
            optimalValue: best.value / Double(rounds), minimizer: best.minimizer,
            smoothness: smoothness, strongConvexity: strongConvexity)
    }

    @inline(__always)
    func prediction(_ t: Int, _ x: [Double]) -> Double {
        var sum = 0.0
        for k in 0..<dimension { sum += features[t * dimension + k] * x[k] }
        return sum
    }

    @inline(__always)
    func squaredNorm(_ x: [Double]) -> Double {
        var sum = 0.0
        for value in x { sum += value * value }
        return sum
    }

    /// The loss of row t without the regulariser, and its derivative in the prediction.
    @inline(__always)
    func rowLoss(_ t: Int, _ p: Double) -> (value: Double, slope: Double) {
        let y = targets[t]
        switch loss {
        case .squared: return (0.5 * (p - y) * (p - y), p - y)
        case .logistic:
            let margin = -y * p
            let value = margin > 0 ? margin + log1pExp(-margin) : log1pExp(margin)
            return (value, -y * logistic(margin))
        case .linear: return (y * p, y)
        case .absolute: return (abs(p - y), p > y ? 1 : (p < y ? -1 : 0))
        }
    }

    @inline(__always) func log1pExp(_ z: Double) -> Double { z > 35 ? z : log1p(exp(z)) }
    @inline(__always) func logistic(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }

    public func roundLoss(_ round: Int, at x: [Double]) -> Double {
        rowLoss(round, prediction(round, x)).value + 0.5 * lambda * squaredNorm(x)
    }

    public func value(at x: [Double]) -> Double {
        if loss == .squared || loss == .linear {
            var gradient = [Double](repeating: 0, count: dimension)
            return evaluate(at: x, gradient: &gradient)
        }
        var sum = CompensatedSum()
        for t in 0..<rounds { sum.add(rowLoss(t, prediction(t, x)).value) }
        return sum.value / Double(rounds) + 0.5 * lambda * squaredNorm(x)
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        if loss == .squared || loss == .linear { return fromMeans(x, &gradient) }
        for k in 0..<dimension { gradient[k] = 0 }
        var sum = CompensatedSum()
        for t in 0..<rounds { accumulate(t, x, &gradient, &sum) }
        return finish(x, &gradient, sum, count: rounds)
    }

    public func evaluate(at x: [Double], rows: UnsafeBufferPointer<Int>, gradient: inout [Double]) -> Double {
        for k in 0..<dimension { gradient[k] = 0 }
        var sum = CompensatedSum()
        for t in rows { accumulate(t, x, &gradient, &sum) }
        return finish(x, &gradient, sum, count: rows.count)
    }

    /// f and ∇f from the precomputed means: ½xᵀMx − bᵀx + c (+ λ/2‖x‖²) for `squared`, bᵀx for `linear`.
    func fromMeans(_ x: [Double], _ gradient: inout [Double]) -> Double {
        let d = dimension
        var value = 0.0
        for i in 0..<d {
            var row = 0.0
            if loss == .squared { for j in 0..<d { row += meanGram[i * d + j] * x[j] } }
            gradient[i] = loss == .squared ? row - meanCross[i] + lambda * x[i] : meanCross[i]
            value += loss == .squared ? (0.5 * row - meanCross[i]) * x[i] : meanCross[i] * x[i]
        }
        if loss == .squared { value += meanHalfSquaredTarget + 0.5 * lambda * squaredNorm(x) }
        return value
    }

    @inline(__always)
    func accumulate(_ t: Int, _ x: [Double], _ gradient: inout [Double], _ sum: inout CompensatedSum) {
        let (value, slope) = rowLoss(t, prediction(t, x))
        sum.add(value)
        for k in 0..<dimension { gradient[k] += slope * features[t * dimension + k] }
    }

    @inline(__always)
    func finish(_ x: [Double], _ gradient: inout [Double], _ sum: CompensatedSum, count: Int) -> Double {
        let scale = 1 / Double(max(count, 1))
        for k in 0..<dimension { gradient[k] = gradient[k] * scale + lambda * x[k] }
        return sum.value * scale + 0.5 * lambda * squaredNorm(x)
    }

    /// The curvature of row t's loss in the prediction p (0 for the piecewise-linear losses).
    @inline(__always)
    func rowCurvature(_ t: Int, _ p: Double) -> Double {
        switch loss {
        case .squared: return 1
        case .logistic:
            let s = logistic(-targets[t] * p)
            return s * (1 - s)
        case .linear, .absolute: return 0
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for k in 0..<dimension { result[k] = 0 }
        for t in 0..<rounds {
            let weight = rowCurvature(t, prediction(t, x)) * prediction(t, v)
            if weight != 0 { for k in 0..<dimension { result[k] += weight * features[t * dimension + k] } }
        }
        for k in 0..<dimension { result[k] = result[k] / Double(rounds) + lambda * v[k] }
    }
}
