import LinearAlgebra
import Objectives

/// Limited-memory BFGS (`lbfgs`; Nocedal & Wright Alg. 7.4 two-loop recursion and Alg. 7.5,
/// reference §A.15). The memory holds the newest m pairs sᵢ = xᵢ₊₁ − xᵢ, yᵢ = gᵢ₊₁ − gᵢ,
/// ρᵢ = 1/yᵢᵀsᵢ; the direction is d = −H·g with
///
///     q ← g; for i newest…oldest: αᵢ = ρᵢsᵢᵀq, q ← q − αᵢyᵢ;  r ← γq;
///     for i oldest…newest: β = ρᵢyᵢᵀr, r ← r + sᵢ(αᵢ − β);  d = −r,   γ = sᵀy/yᵀy (newest pair).
///
/// Two conventions (`convention`):
/// * **torch** (pytorch/pytorch:torch/optim/lbfgs.py, `LBFGS`): memory 100; the very first step is
///   t = min(1, 1/‖g‖₁)·lr, later steps t = lr (default 1), with no line search, or the first trial
///   of the strong Wolfe search (c₁ = 1e−4, c₂ = 0.9, 25 evaluations; gdbench's
///   ``StrongWolfeLineSearch``, not torch's minFunc port) with `line-search: strong-wolfe`; a pair is
///   stored only when yᵀs > 1e−10; γ = 1 until the first pair; the method stalls when
///   gᵀd > −1e−9 (torch's `tolerance_change` break). The inner loop of one torch `.step()` is one
///   gdbench iteration per inner iteration (torch's stopping tests are the runner's business).
/// * **scipy** (scipy/optimize/_lbfgsb_py.py, src/lbfgsb.c, unconstrained): memory 10; strong Wolfe
///   search with c₁ = 10⁻³, c₂ = 0.9 (MINPACK `dcsrch` ftol/gtol; gdbench's N&W search in its place),
///   at most 20 evaluations; the first trial step is 1/‖d‖₂ when the memory is empty (a unit step in
///   x), else 1; a pair is skipped when yᵀs ≤ ε_mach·(−gᵀs); when d is not a descent direction or
///   the search fails, the memory is cleared and the iteration restarts from −g (a second failure
///   stalls).
///
/// Evaluations: `prepare` one f and ∇f; each iteration one f and ∇f per line-search trial
/// (exactly one without a line search).
public struct LBFGS: Method {
    public enum Convention: String, Sendable, CaseIterable { case torch, scipy }

    public var convention: Convention
    public var memory: Int
    public var learningRate: Double
    public var usesLineSearch: Bool
    public var lineSearch: StrongWolfeLineSearch
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var direction: [Double] = []
    @usableFromInline var steps: [Double] = [] // m·d, ring of sᵢ
    @usableFromInline var gradientChanges: [Double] = [] // m·d, ring of yᵢ
    @usableFromInline var inverseCurvatures: [Double] = [] // ρᵢ
    @usableFromInline var coefficients: [Double] = [] // αᵢ of the first loop
    @usableFromInline var newest = -1
    @usableFromInline var stored = 0
    @usableFromInline var scaling = 1.0 // γ
    @usableFromInline var value = Double.nan
    @usableFromInline var isFirstIteration = true

    /// `memory` nil: 100 (torch) or 10 (scipy). `learningRate` is torch's `lr` (scipy: ignored, 1).
    public init(convention: Convention, memory: Int? = nil, learningRate: Double = 1, usesLineSearch: Bool? = nil) {
        self.convention = convention
        self.memory = memory ?? (convention == .torch ? 100 : 10)
        self.learningRate = convention == .torch ? learningRate : 1
        switch convention {
        case .torch:
            self.usesLineSearch = usesLineSearch ?? false
            lineSearch = StrongWolfeLineSearch(sufficientDecrease: 1e-4, curvature: 0.9, maxEvaluations: 25)
        case .scipy:
            self.usesLineSearch = true
            lineSearch = StrongWolfeLineSearch(sufficientDecrease: 1e-3, curvature: 0.9, maxEvaluations: 20)
        }
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        let d = x.count
        gradient = [Double](repeating: 0, count: d)
        direction = gradient
        steps = [Double](repeating: 0, count: memory * d)
        gradientChanges = steps
        inverseCurvatures = [Double](repeating: 0, count: memory)
        coefficients = inverseCurvatures
        newest = -1
        stored = 0
        scaling = 1
        isFirstIteration = true
        lineSearch.prepare(dimension: d)
        value = oracle.valueAndGradient(at: x, into: &gradient)
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        guard VectorKernels.maxNorm(gradient) > 0 else {
            return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
        }
        computeDirection()
        var slope = VectorKernels.dot(gradient, direction)
        switch convention {
        case .torch:
            guard slope <= -1e-9 else {
                return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
            }
        case .scipy:
            if !(slope < 0) {
                resetToSteepestDescent()
                slope = VectorKernels.dot(gradient, direction)
            }
        }
        var step: Double
        if convention == .torch {
            step = isFirstIteration ? min(1, 1 / VectorKernels.sumNorm(gradient)) * learningRate : learningRate
        } else {
            step = stored == 0 ? 1 / VectorKernels.norm(direction) : 1
        }
        isFirstIteration = false
        let slot = (newest + 1) % memory
        let d = x.count
        if usesLineSearch {
            var outcome = lineSearch.search(
                from: x, value: value, slope: slope, direction: direction, initialStep: step, oracle: &oracle)
            if convention == .scipy && (!outcome.accepted || !outcome.satisfiesWolfe) && stored > 0 {
                resetToSteepestDescent()
                slope = VectorKernels.dot(gradient, direction)
                outcome = lineSearch.search(
                    from: x, value: value, slope: slope, direction: direction,
                    initialStep: 1 / VectorKernels.norm(direction), oracle: &oracle)
            }
            guard outcome.accepted else {
                return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
            }
            step = outcome.step
            value = outcome.value
            for i in 0..<d {
                steps[slot * d + i] = step * direction[i]
                gradientChanges[slot * d + i] = lineSearch.gradient[i] - gradient[i]
            }
            VectorKernels.copy(lineSearch.point, into: &x)
            VectorKernels.copy(lineSearch.gradient, into: &gradient)
        } else {
            for i in 0..<d {
                steps[slot * d + i] = step * direction[i]
                gradientChanges[slot * d + i] = -gradient[i]
            }
            VectorKernels.addScaled(&x, step, direction)
            value = oracle.valueAndGradient(at: x, into: &gradient)
            for i in 0..<d { gradientChanges[slot * d + i] += gradient[i] }
        }
        storePair(slot: slot, step: step, slope: slope, dimension: d)
        return IterationReport(valueAtNewIterate: value, learningRate: step)
    }

    /// Accepts or skips the pair written into `slot` by the convention's rule.
    @inlinable
    mutating func storePair(slot: Int, step: Double, slope: Double, dimension d: Int) {
        var ys = 0.0, yy = 0.0
        for i in 0..<d {
            let y = gradientChanges[slot * d + i]
            ys += y * steps[slot * d + i]
            yy += y * y
        }
        let accepted: Bool
        switch convention {
        case .torch: accepted = ys > 1e-10
        case .scipy: accepted = ys > Double.ulpOfOne * (-slope * step)
        }
        guard accepted else { return }
        newest = slot
        stored = min(stored + 1, memory)
        inverseCurvatures[slot] = 1 / ys
        scaling = ys / yy
    }

    @inlinable
    mutating func resetToSteepestDescent() {
        stored = 0
        newest = -1
        scaling = 1
        VectorKernels.setScaled(&direction, -1, gradient)
    }

    /// The two-loop recursion, started from q = −g as torch does (so d = r directly).
    @inlinable
    mutating func computeDirection() {
        let d = gradient.count
        let m = memory
        let stored = stored, newest = newest, scaling = scaling
        VectorKernels.setScaled(&direction, -1, gradient)
        steps.withUnsafeBufferPointer { s in
            gradientChanges.withUnsafeBufferPointer { y in
                inverseCurvatures.withUnsafeBufferPointer { rho in
                    coefficients.withUnsafeMutableBufferPointer { alpha in
                        direction.withUnsafeMutableBufferPointer { q in
                            var k = 0
                            while k < stored {
                                let slot = (newest - k + m) % m
                                var sq = 0.0
                                for i in 0..<d { sq += s[slot * d + i] * q[i] }
                                alpha[slot] = sq * rho[slot]
                                for i in 0..<d { q[i] -= alpha[slot] * y[slot * d + i] }
                                k += 1
                            }
                            for i in 0..<d { q[i] *= scaling }
                            k = stored - 1
                            while k >= 0 {
                                let slot = (newest - k + m) % m
                                var yr = 0.0
                                for i in 0..<d { yr += y[slot * d + i] * q[i] }
                                let beta = yr * rho[slot]
                                for i in 0..<d { q[i] += (alpha[slot] - beta) * s[slot * d + i] }
                                k -= 1
                            }
                        }
                    }
                }
            }
        }
    }
}
