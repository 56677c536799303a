import Objectives

/// Polyak's heavy ball (`heavy-ball`; Polyak 1964, reference §A.18):
/// x_{k+1} = x_k − η∇f(x_k) + β(x_k − x_{k−1}), x₋₁ = x₀.
///
/// Defaults are the optimal constants for a μ-strongly convex, L-smooth quadratic, read from the
/// objective's constants in `prepare` when not given: η = 4/(√L + √μ)², β = ((√κ−1)/(√κ+1))²; the
/// asymptotic rate is (√κ−1)/(√κ+1). A missing constant that is needed is a ``MethodError``.
/// This is the same iteration as torch SGD with momentum β and lr η (reference §D.4) written in
/// position form. Evaluations: one ∇f per iteration.
public struct HeavyBall: Method {
    public var learningRate: Double?
    public var momentum: Double?
    @usableFromInline var step = 0.0
    @usableFromInline var beta = 0.0
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var previous: [Double] = []

    public init(learningRate: Double? = nil, momentum: Double? = nil) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        (step, beta) = try MomentumConstants.stepAndMomentum(
            learningRate: learningRate, momentum: momentum, constants: oracle.objective.constants,
            method: "heavy-ball", needsConvexity: true
        ) { l, mu in
            let root = (l.squareRoot() - mu.squareRoot()) / (l.squareRoot() + mu.squareRoot())
            return (4 / ((l.squareRoot() + mu.squareRoot()) * (l.squareRoot() + mu.squareRoot())), root * root)
        }
        gradient = [Double](repeating: 0, count: x.count)
        previous = x
    }

    @inlinable @inline(__always)
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        oracle.gradient(at: x, into: &gradient)
        let step = step, beta = beta
        gradient.withUnsafeBufferPointer { g in
            previous.withUnsafeMutableBufferPointer { previous in
                x.withUnsafeMutableBufferPointer { x in
                    for i in 0..<x.count {
                        let current = x[i]
                        x[i] = current - step * g[i] + beta * (current - previous[i])
                        previous[i] = current
                    }
                }
            }
        }
        return IterationReport(learningRate: step)
    }
}
