import LinearAlgebra
import Objectives

/// Nonlinear conjugate gradient (`nonlinear-cg`; Nocedal & Wright §5.2, reference §A.16):
/// d₀ = −g₀; x_{k+1} = x_k + α_k d_k; d_{k+1} = −g_{k+1} + β_k d_k, with y_k = g_{k+1} − g_k and
///
/// * Fletcher–Reeves β = g_{k+1}ᵀg_{k+1} / g_kᵀg_k (needs c₂ < ½ for guaranteed descent),
/// * Polak–Ribière+ β = max(0, g_{k+1}ᵀy_k / g_kᵀg_k) (Gilbert & Nocedal 1992; scipy's `method='CG'`),
/// * Hestenes–Stiefel β = g_{k+1}ᵀy_k / d_kᵀy_k, Dai–Yuan β = ‖g_{k+1}‖² / d_kᵀy_k.
///
/// Restarts (β = 0): every `restartEvery` iterations (default d), and with `powellRestart` (default
/// on) when |g_{k+1}ᵀg_k| ≥ 0.1‖g_{k+1}‖². A direction that is not a descent direction (gᵀd ≥ 0)
/// is replaced by −g, and a failed line search along a CG direction is retried once along −g.
///
/// Step: the strong Wolfe search (c₁ = 1e−4, c₂ = 0.1, at most 25 evaluations) with scipy's first
/// trial α = min(1, 1.01·2(f_k − f_{k−1})/g_kᵀd_k), f_{−1} = f₀ + ‖g₀‖/2 (scipy `_minimize_cg`); or the
/// exact step α = −gᵀd/dᵀHd for quadratics (`line-search: exact`), with which FR and PR+ are linear
/// CG and finish a d-dimensional quadratic in at most d iterations.
///
/// Evaluations: `prepare` one f and ∇f; each iteration one f and ∇f per line-search trial, or with
/// the exact step one Hessian-vector product plus one f and ∇f.
public struct NonlinearConjugateGradient: Method {
    public enum Beta: String, Sendable, CaseIterable {
        case fletcherReeves = "fletcher-reeves"
        case polakRibierePlus = "polak-ribiere-plus"
        case hestenesStiefel = "hestenes-stiefel"
        case daiYuan = "dai-yuan"
    }

    public var beta: Beta
    public var exactLineSearch: Bool
    /// nil: the dimension d.
    public var restartEvery: Int?
    public var powellRestart: Bool
    public var lineSearch: StrongWolfeLineSearch
    public var exactSearch = ExactQuadraticLineSearch()
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var previousGradient: [Double] = []
    @usableFromInline var direction: [Double] = []
    @usableFromInline var value = Double.nan
    @usableFromInline var previousValue = Double.nan
    @usableFromInline var sinceRestart = 0

    public init(
        beta: Beta = .polakRibierePlus, exactLineSearch: Bool = false, restartEvery: Int? = nil,
        powellRestart: Bool = true,
        lineSearch: StrongWolfeLineSearch = StrongWolfeLineSearch(
            sufficientDecrease: 1e-4, curvature: 0.1, maxEvaluations: 25)
    ) {
        self.beta = beta
        self.exactLineSearch = exactLineSearch
        self.restartEvery = restartEvery
        self.powellRestart = powellRestart
        self.lineSearch = lineSearch
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        gradient = [Double](repeating: 0, count: x.count)
        previousGradient = gradient
        direction = gradient
        lineSearch.prepare(dimension: x.count)
        exactSearch.prepare(dimension: x.count)
        value = oracle.valueAndGradient(at: x, into: &gradient)
        previousValue = value + VectorKernels.norm(gradient) / 2
        VectorKernels.setScaled(&direction, -1, gradient)
        sinceRestart = 0
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        guard VectorKernels.maxNorm(gradient) > 0 else {
            return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
        }
        var slope = VectorKernels.dot(gradient, direction)
        if !(slope < 0) {
            VectorKernels.setScaled(&direction, -1, gradient)
            slope = VectorKernels.dot(gradient, direction)
            sinceRestart = 0
        }
        VectorKernels.copy(gradient, into: &previousGradient)
        let step: Double
        if exactLineSearch {
            step = try exactSearch.step(at: x, slope: slope, direction: direction, oracle: &oracle)
            VectorKernels.addScaled(&x, step, direction)
            previousValue = value
            value = oracle.valueAndGradient(at: x, into: &gradient)
        } else {
            let ratio = 1.01 * 2 * (value - previousValue) / slope
            var outcome = lineSearch.search(
                from: x, value: value, slope: slope, direction: direction,
                initialStep: ratio > 0 && ratio.isFinite ? min(1, ratio) : 1, oracle: &oracle)
            if !outcome.accepted && sinceRestart > 0 {
                VectorKernels.setScaled(&direction, -1, gradient)
                slope = VectorKernels.dot(gradient, direction)
                sinceRestart = 0
                outcome = lineSearch.search(
                    from: x, value: value, slope: slope, direction: direction,
                    initialStep: min(1, 1 / VectorKernels.norm(gradient)), oracle: &oracle)
            }
            guard outcome.accepted else {
                return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
            }
            step = outcome.step
            previousValue = value
            value = outcome.value
            VectorKernels.copy(lineSearch.point, into: &x)
            VectorKernels.copy(lineSearch.gradient, into: &gradient)
        }
        updateDirection(dimension: x.count)
        return IterationReport(valueAtNewIterate: value, learningRate: step)
    }

    /// d ← −g + βd with the chosen β, or −g at a restart.
    @inlinable
    mutating func updateDirection(dimension d: Int) {
        var gg = 0.0, ggOld = 0.0, gOldgOld = 0.0, gy = 0.0, dy = 0.0
        for i in 0..<d {
            let g = gradient[i], gOld = previousGradient[i], y = g - gOld
            gg += g * g
            ggOld += g * gOld
            gOldgOld += gOld * gOld
            gy += g * y
            dy += direction[i] * y
        }
        sinceRestart += 1
        var coefficient: Double
        switch beta {
        case .fletcherReeves: coefficient = gg / gOldgOld
        case .polakRibierePlus: coefficient = max(0, gy / gOldgOld)
        case .hestenesStiefel: coefficient = gy / dy
        case .daiYuan: coefficient = gg / dy
        }
        if sinceRestart >= (restartEvery ?? d) || (powellRestart && abs(ggOld) >= 0.1 * gg) || !coefficient.isFinite {
            coefficient = 0
            sinceRestart = 0
        }
        for i in 0..<d { direction[i] = -gradient[i] + coefficient * direction[i] }
    }
}
