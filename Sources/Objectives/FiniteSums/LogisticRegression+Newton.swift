import LinearAlgebra
import Parameters

extension LogisticRegression {
    /// Gradient norm at which the Newton solve for x* stops.
    public static let minimizerTolerance = 1e-12
    /// Gradient norm at which the solve on a warm-start subsample stops (its optimum is only a start).
    static let warmStartTolerance = 1e-6
    /// Squared Newton decrement below which the solve takes full Newton steps.
    static let fullStepDecrement = 1e-10

    /// When the Newton solve saves Hessians. A Hessian XᵀDX costs n·d² flops, a gradient 4·n·d: the
    /// savings pay off only for wide problems, and the small ones (every committed baseline) keep plain
    /// damped Newton, a fresh Hessian at every step.
    public struct NewtonStrategy: Sendable {
        /// From this d on, a Cholesky factor serves the following steps (chord steps) while they stay
        /// full steps that divide ‖∇f‖ by at least 4; otherwise the next step refactors.
        public var reuseFromFeatures: Int
        /// From this n·d² on (and when n/8 ≥ 8·d), the solve starts from the minimizer of the problem on
        /// every eighth row (solved the same way, to ‖∇f‖ ≤ 1e−6) instead of from w = 0: a sample of
        /// the data even when a file lists its rows sorted by label.
        public var warmStartFromWork: Double

        public init(reuseFromFeatures: Int = 64, warmStartFromWork: Double = 1e9) {
            self.reuseFromFeatures = reuseFromFeatures
            self.warmStartFromWork = warmStartFromWork
        }
    }

    /// f*, x*, L and μ of the problem on `training` with regularisation λ: x* by
    /// ``minimizer(of:tolerance:strategy:)`` to ‖∇f‖ ≤ ``minimizerTolerance`` (so f(x*) − f* ≤
    /// ‖∇f‖²/(2λ), below the rounding of f*), f* = f(x*), L = λ_max(XᵀX)/(4n) + λ
    /// (``ExtremeEigenvalues``), μ = λ. With λ = 0 (separable rows) f* = 0 and there is no x*.
    static func solveConstants(
        training: Dataset, lambda: Double, strategy: NewtonStrategy = NewtonStrategy()
    ) throws -> ObjectiveConstants {
        if lambda == 0 {
            // Separable rows (``FiniteSumProblems/checkSeparableWithoutRegularisation``): inf f = 0, no minimiser.
            let largest = ExtremeEigenvalues.compute(training.gramMatrix(), order: training.columnCount).max
            return ObjectiveConstants(
                optimalValue: 0, minimizer: nil,
                smoothness: largest / (4 * Double(training.rowCount)), strongConvexity: 0)
        }
        let problem = LogisticRegression(training: training, test: nil, lambda: lambda, constants: ObjectiveConstants())
        let point = try minimizer(of: problem, tolerance: minimizerTolerance, strategy: strategy)
        let largest = ExtremeEigenvalues.compute(training.gramMatrix(), order: training.columnCount).max
        return ObjectiveConstants(
            optimalValue: problem.value(at: point), minimizer: point,
            smoothness: largest / (4 * Double(training.rowCount)) + lambda, strongConvexity: lambda)
    }

    /// The minimizer by damped Newton, from w = 0 or the warm start of `strategy`.
    ///
    /// Each step solves ((1/n)XᵀDX + λI)Δ = −∇f by Cholesky (the Hessian by the blocked
    /// ``SymmetricProducts/weightedGram(rows:weights:rowCount:columnCount:path:)``, the factor by the
    /// blocked ``Cholesky/factorInPlace(_:order:path:)``) and backtracks (halving) until
    /// f(w + tΔ) ≤ f(w) + 10⁻⁴·t·∇fᵀΔ (Armijo). Once the squared Newton decrement −∇fᵀΔ is below 10⁻¹⁰
    /// the iterate is deep in the region of quadratic convergence and the next decreases of f fall below
    /// its rounding (which would defeat the Armijo test), so full steps are taken without a test. It
    /// stops at ‖∇f‖ ≤ `tolerance`, or when a full step with a fresh factor no longer lowers ‖∇f‖ (the
    /// rounding floor), keeping the iterate with the smallest gradient norm. A reused factor (see
    /// ``NewtonStrategy``) converges linearly with a ratio that shrinks with the distance to x*, so
    /// near x* a chord step costs one gradient instead of a Hessian.
    static func minimizer(
        of problem: LogisticRegression, tolerance: Double, strategy: NewtonStrategy
    ) throws -> [Double] {
        let training = problem.training
        let n = training.rowCount, d = training.columnCount
        var w = [Double](repeating: 0, count: d)
        let subsampleRows = n / 8
        if Double(n) * Double(d) * Double(d) >= strategy.warmStartFromWork && subsampleRows >= 8 * d {
            let rows = training.selectingRows((0..<subsampleRows).map { 8 * $0 })
            let subsample = LogisticRegression(
                training: rows, test: nil, lambda: problem.lambda, constants: ObjectiveConstants())
            w = try minimizer(of: subsample, tolerance: max(tolerance, warmStartTolerance), strategy: strategy)
        }
        var gradient = w, trial = w, trialGradient = w, step = w
        var hessian = [Double](repeating: 0, count: d * d)
        var factor = hessian
        var value = problem.evaluate(at: w, gradient: &gradient)
        var gradientNorm = VectorKernels.norm(gradient)
        var best = (point: w, gradientNorm: gradientNorm)
        var iterations = 0
        var needsFactor = true, factorIsFresh = false
        while gradientNorm > tolerance && iterations < 200 {
            iterations += 1
            if needsFactor {
                problem.hessian(at: w, into: &hessian)
                VectorKernels.copy(hessian, into: &factor)
                guard Cholesky.factorInPlace(&factor, order: d) else {
                    throw ParameterError(
                        key: "lambda", expected: "a value for which (1/n)XᵀDX + λI is numerically positive definite",
                        found: ParameterValue.format(problem.lambda))
                }
                factorIsFresh = true
            }
            for j in 0..<d { step[j] = -gradient[j] }
            Cholesky.solveInPlace(lower: factor, order: d, &step)
            var slope = 0.0
            for j in 0..<d { slope += gradient[j] * step[j] }
            var t = 1.0
            var trialValue = 0.0
            for _ in 0..<60 {
                for j in 0..<d { trial[j] = w[j] + t * step[j] }
                trialValue = problem.evaluate(at: trial, gradient: &trialGradient)
                if -slope < fullStepDecrement || trialValue <= value + 1e-4 * t * slope { break }
                t *= 0.5
            }
            let trialNorm = VectorKernels.norm(trialGradient)
            if -slope < fullStepDecrement && trialNorm >= gradientNorm {
                if factorIsFresh { break }
                needsFactor = true
                continue
            }
            needsFactor = d < strategy.reuseFromFeatures || t < 1 || trialNorm > 0.25 * gradientNorm
            factorIsFresh = false
            swap(&w, &trial)
            swap(&gradient, &trialGradient)
            value = trialValue
            gradientNorm = trialNorm
            if gradientNorm < best.gradientNorm { best = (w, gradientNorm) }
        }
        return best.point
    }
}
