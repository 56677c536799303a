import Objectives

/// Nesterov's accelerated gradient with constant momentum for strongly convex functions
/// (`nesterov-constant`; Nesterov 2004 scheme 2.2.19, reference §A.18):
/// y_k = x_k + β(x_k − x_{k−1}), x_{k+1} = y_k − η∇f(y_k), x₋₁ = x₀. The iterate is x_k.
///
/// Defaults from the objective's constants when not given: η = 1/L, β = (√κ−1)/(√κ+1); guarantee
/// f(x_k) − f* ≤ (1 − 1/√κ)^k·(f(x₀) − f* + (μ/2)‖x₀ − x*‖²). A missing constant that is needed is a
/// ``MethodError``. Evaluations: one ∇f (at y_k) per iteration.
public struct NesterovConstantMomentum: Method {
    public var learningRate: Double?
    public var momentum: Double?
    @usableFromInline var step = 0.0
    @usableFromInline var beta = 0.0
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var previous: [Double] = []
    @usableFromInline var lookahead: [Double] = []

    public init(learningRate: Double? = nil, momentum: Double? = nil) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        (step, beta) = try MomentumConstants.stepAndMomentum(
            learningRate: learningRate, momentum: momentum, constants: oracle.objective.constants,
            method: "nesterov-constant", needsConvexity: momentum == nil
        ) { l, mu in
            let rootKappa = (l / mu).squareRoot()
            return (1 / l, (rootKappa - 1) / (rootKappa + 1))
        }
        gradient = [Double](repeating: 0, count: x.count)
        previous = x
        lookahead = x
    }

    @inlinable @inline(__always)
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        let beta = beta, step = step
        x.withUnsafeBufferPointer { x in
            previous.withUnsafeBufferPointer { previous in
                lookahead.withUnsafeMutableBufferPointer { y in
                    for i in y.indices { y[i] = x[i] + beta * (x[i] - previous[i]) }
                }
            }
        }
        oracle.gradient(at: lookahead, into: &gradient)
        gradient.withUnsafeBufferPointer { g in
            lookahead.withUnsafeBufferPointer { y in
                previous.withUnsafeMutableBufferPointer { previous in
                    x.withUnsafeMutableBufferPointer { x in
                        for i in 0..<x.count {
                            previous[i] = x[i]
                            x[i] = y[i] - step * g[i]
                        }
                    }
                }
            }
        }
        return IterationReport(learningRate: step)
    }
}
