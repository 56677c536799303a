import Randomness

/// Evaluation counts of one run, kept separately (docs/architecture.md, principle 2).
public struct EvaluationCounts: Sendable, Equatable, Codable {
    /// Calls that returned f (full objective).
    public var functionEvaluations = 0
    /// Calls that returned ∇f or a stochastic estimate of it.
    public var gradientEvaluations = 0
    /// Hessian-vector products.
    public var hessianVectorProducts = 0
    /// Dense Hessian evaluations.
    public var hessianEvaluations = 0
    /// Per-row gradients computed by finite-sum objectives (n per full gradient); epochs = this / n.
    public var rowGradients = 0

    public init() {}
}

/// The only door through which a method reaches its objective during a run. It counts every call,
/// and for stochastic runs supplies the mini-batches (``BatchSampling``; by default rows drawn without
/// replacement within an epoch: a Fisher–Yates permutation consumed in order, reshuffled when
/// exhausted; or with replacement, or in the stored order never reshuffled) and additive Gaussian
/// gradient noise N(0, σ²I), all from one seeded stream. The stream is derived from the problem seed,
/// so every optimizer on the same problem and repetition sees the same batches and noise (common
/// random numbers).
///
/// The objective is held as `any Objective`, the one erasure of its type (made where the instance is
/// built): each call lands in the concrete type's own code through its witness table, so a gradient
/// is one indirect call, never a closure or generic code (docs/performance.md, "Where per-step code is
/// specialised").
///
/// The harness's own monitoring calls the objective directly, never the oracle, so it is never counted.
public struct Oracle: Sendable {
    /// Everything counted so far.
    public var counts: EvaluationCounts { tally }
    @usableFromInline var tally = EvaluationCounts()
    /// Rows per stochastic gradient; nil means full gradients.
    public let batchSize: Int?
    /// Standard deviation σ of the additive gradient noise (0: none).
    public let gradientNoise: Double
    /// How mini-batch rows are drawn (ignored for full gradients).
    public let sampling: BatchSampling
    @usableFromInline var generator: Xoshiro256StarStar
    @usableFromInline var permutation: [Int]
    @usableFromInline var cursor: Int
    @usableFromInline var batch: [Int]
    /// Rows of one full gradient: n for finite sums, else 0.
    @usableFromInline let rowsPerFullGradient: Int
    public let objective: any Objective

    /// - Parameters:
    ///   - seed: the stream for mini-batches and noise (derive it from the problem seed).
    ///   - batchSize: rows per stochastic gradient, clamped to n; ignored (full) when the objective
    ///     is not a finite sum.
    ///   - gradientNoise: σ ≥ 0.
    ///   - sampling: how the rows of a mini-batch are drawn (``BatchSampling``).
    public init(
        objective: any Objective, seed: UInt64, batchSize: Int? = nil, gradientNoise: Double = 0,
        sampling: BatchSampling = .reshuffle
    ) {
        self.objective = objective
        self.sampling = sampling
        rowsPerFullGradient = objective.sampleCount ?? 0
        self.gradientNoise = gradientNoise
        generator = Xoshiro256StarStar(seed: seed)
        if let n = objective.sampleCount, let size = batchSize, size < n {
            self.batchSize = max(1, size)
            permutation = Array(0..<n)
            cursor = sampling == .reshuffle ? n : 0 // n forces a shuffle before the first batch
            batch = [Int](repeating: 0, count: max(1, size))
        } else {
            self.batchSize = nil
            permutation = []
            cursor = 0
            batch = []
        }
    }

    public var dimension: Int { objective.dimension }

    /// True when `gradient(at:into:)` returns estimates rather than exact gradients.
    public var isStochastic: Bool { batchSize != nil || gradientNoise > 0 }

    /// Full-batch f(x). Counts one function evaluation.
    @inlinable
    public mutating func value(at x: [Double]) -> Double {
        tally.functionEvaluations += 1
        return objective.value(at: x)
    }

    /// Exact f(x) and ∇f(x) (full batch, no noise). Counts one function and one gradient evaluation.
    @inlinable
    public mutating func valueAndGradient(at x: [Double], into gradient: inout [Double]) -> Double {
        tally.functionEvaluations += 1
        tally.gradientEvaluations += 1
        tally.rowGradients += objective.sampleCount ?? 0
        return objective.evaluate(at: x, gradient: &gradient)
    }

    /// The gradient a first-order method sees: exact, or a mini-batch and/or noisy estimate when the
    /// run is stochastic. Counts one gradient evaluation (and the rows it used).
    ///
    /// Full batch it calls `objective.gradient(at:into:)`, which need not compute f, and returns NaN.
    /// With mini-batches it returns the loss on the batch, which the batched `evaluate` computes
    /// anyway. Either way the result is not counted as a function evaluation because no method may
    /// use it as one: a method that needs f calls ``value(at:)`` or ``valueAndGradient(at:into:)``.
    @inlinable @inline(__always)
    @discardableResult
    public mutating func gradient(at x: [Double], into gradient: inout [Double]) -> Double {
        tally.gradientEvaluations += 1
        let loss: Double
        if let size = batchSize {
            let n = permutation.count
            switch sampling {
            case .reshuffle:
                for k in 0..<size {
                    if cursor == n {
                        generator.shuffle(&permutation)
                        cursor = 0
                    }
                    batch[k] = permutation[cursor]
                    cursor += 1
                }
            case .replacement:
                for k in 0..<size { batch[k] = generator.nextInt(below: n) }
            case .fixedOrder:
                for k in 0..<size {
                    if cursor == n { cursor = 0 }
                    batch[k] = cursor
                    cursor += 1
                }
            }
            tally.rowGradients += size
            loss = batch.withUnsafeBufferPointer { rows in
                objective.evaluate(at: x, rows: rows, gradient: &gradient)
            }
        } else {
            tally.rowGradients += rowsPerFullGradient
            objective.gradient(at: x, into: &gradient)
            loss = .nan
        }
        if gradientNoise > 0 {
            for i in gradient.indices {
                gradient[i] += gradientNoise * generator.nextGaussian()
            }
        }
        return loss
    }

    /// ∇f_t(x) of one row of a finite sum — for an ``OnlineObjective``, round `row`'s loss — into
    /// `gradient`, returning f_t(x) (which no method may use as a counted f). Counts one gradient
    /// evaluation and one row; no mini-batch and no noise are involved.
    @inlinable
    @discardableResult
    public mutating func roundGradient(_ row: Int, at x: [Double], into gradient: inout [Double]) -> Double {
        tally.gradientEvaluations += 1
        tally.rowGradients += 1
        var index = row
        return withUnsafePointer(to: &index) { pointer in
            objective.evaluate(at: x, rows: UnsafeBufferPointer(start: pointer, count: 1), gradient: &gradient)
        }
    }

    /// ∇²f(x)·v. Counts one Hessian-vector product.
    @inlinable
    public mutating func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        tally.hessianVectorProducts += 1
        objective.hessianVectorProduct(at: x, vector: v, result: &result)
    }

    /// The dense Hessian, row-major. Counts one Hessian evaluation.
    @inlinable
    public mutating func hessian(at x: [Double], into hessian: inout [Double]) {
        tally.hessianEvaluations += 1
        objective.hessian(at: x, into: &hessian)
    }

    /// Epochs of data processed so far (row gradients / n), nil for non-finite-sum objectives.
    public var epochs: Double? {
        guard let n = objective.sampleCount, n > 0 else { return nil }
        return Double(counts.rowGradients) / Double(n)
    }
}
