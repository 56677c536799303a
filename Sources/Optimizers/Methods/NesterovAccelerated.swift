import Objectives

/// Nesterov's accelerated gradient for convex functions with the t_k sequence
/// (`nesterov-accelerated`; Nesterov 1983, FISTA of Beck & Teboulle 2009 without a prox, reference
/// §A.18):
///
///     t₁ = 1, t_{k+1} = (1 + √(1 + 4t_k²))/2, β_k = (t_k − 1)/t_{k+1},
///     y_k = x_k + β_k(x_k − x_{k−1}), x_{k+1} = y_k − η∇f(y_k),   η = 1/L by default.
///
/// Guarantee: f(x_k) − f* ≤ 2L‖x₀ − x*‖²/(k+1)² (Beck & Teboulle 2009, Thm 4.4).
///
/// Adaptive restart (O'Donoghue & Candès 2015), `restart`: `none`; `gradient`: when
/// ∇f(y_k)ᵀ(x_{k+1} − x_k) > 0; `function`: when f(x_{k+1}) > f(x_k). A restart keeps x_{k+1} and
/// resets t to 1, so the next step has no momentum.
///
/// Evaluations: one ∇f (at y_k) per iteration; the function scheme adds one f at x_{k+1} per
/// iteration (and one at x₀ in `prepare`), which is reported as the value at the new iterate.
public struct NesterovAccelerated: Method {
    public enum Restart: String, Sendable, CaseIterable { case none, gradient, function }

    public var learningRate: Double?
    public var restart: Restart
    /// Number of restarts so far.
    public var restarts: Int { restartCount }
    @usableFromInline var restartCount = 0
    @usableFromInline var step = 0.0
    @usableFromInline var t = 1.0
    @usableFromInline var value = Double.nan
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var previous: [Double] = []
    @usableFromInline var lookahead: [Double] = []

    public init(learningRate: Double? = nil, restart: Restart = .none) {
        self.learningRate = learningRate
        self.restart = restart
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        if let learningRate {
            step = learningRate
        } else {
            step =
                1
                / (try MomentumConstants.smoothnessAndConvexity(
                    oracle.objective.constants, method: "nesterov-accelerated", needsConvexity: false
                ).smoothness)
        }
        t = 1
        restartCount = 0
        gradient = [Double](repeating: 0, count: x.count)
        previous = x
        lookahead = x
        if restart == .function { value = oracle.value(at: x) }
    }

    @inlinable @inline(__always)
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        let nextT = (1 + (1 + 4 * t * t).squareRoot()) / 2
        let beta = (t - 1) / nextT
        t = nextT
        x.withUnsafeBufferPointer { x in
            previous.withUnsafeBufferPointer { previous in
                lookahead.withUnsafeMutableBufferPointer { y in
                    for i in y.indices { y[i] = x[i] + beta * (x[i] - previous[i]) }
                }
            }
        }
        oracle.gradient(at: lookahead, into: &gradient)
        var progress = 0.0 // ∇f(y_k)ᵀ(x_{k+1} − x_k)
        let step = step
        gradient.withUnsafeBufferPointer { g in
            lookahead.withUnsafeBufferPointer { y in
                previous.withUnsafeMutableBufferPointer { previous in
                    x.withUnsafeMutableBufferPointer { x in
                        for i in x.indices {
                            previous[i] = x[i]
                            x[i] = y[i] - step * g[i]
                            progress += g[i] * (x[i] - previous[i])
                        }
                    }
                }
            }
        }
        var reported: Double? = nil
        switch restart {
        case .none: break
        case .gradient:
            if progress > 0 { resetMomentum() }
        case .function:
            let newValue = oracle.value(at: x)
            if newValue > value { resetMomentum() }
            value = newValue
            reported = newValue
        }
        return IterationReport(valueAtNewIterate: reported, learningRate: step)
    }

    @inlinable
    mutating func resetMomentum() {
        t = 1
        restartCount += 1
    }
}
