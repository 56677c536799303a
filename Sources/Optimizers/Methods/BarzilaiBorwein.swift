import LinearAlgebra
import Objectives

/// Barzilai–Borwein gradient method (`barzilai-borwein`; Barzilai & Borwein 1988, reference §A.17):
/// x_{k+1} = x_k − α_k g_k with s = x_k − x_{k−1}, y = g_k − g_{k−1} and
/// BB1 (`long`) α = sᵀs/sᵀy, BB2 (`short`) α = sᵀy/yᵀy. When sᵀy ≤ 0 (no positive curvature along s)
/// the previous step is kept.
///
/// First step α₀: `initial-step` when given; else 1/L when the objective's constants know L; else
/// one Armijo backtracking search from 1 (c₁ = 1e−4, ρ = ½) along −g₀.
///
/// Optional non-monotone safeguard (`nonmonotone`, off by default; Raydan 1997 with the
/// Grippo–Lampariello–Lucidi rule): the BB step is backtracked (ρ = ½) until
/// f(x − αg) ≤ max(f over the last `memory` iterates) − c₁·α·‖g‖², c₁ = 1e−4.
///
/// Evaluations: plain: one ∇f per iteration (`prepare` one ∇f, plus one f when α₀ comes from the
/// Armijo search); with the safeguard or in the Armijo first step, one f per trial, then one ∇f.
public struct BarzilaiBorwein: Method {
    public enum Variant: String, Sendable, CaseIterable { case long, short }

    public var variant: Variant
    public var initialStep: Double?
    public var nonmonotone: Bool
    public var memory: Int
    public var lineSearch = ArmijoBacktracking()
    @usableFromInline var gradient: [Double] = []
    @usableFromInline var previousGradient: [Double] = []
    @usableFromInline var direction: [Double] = []
    @usableFromInline var recentValues: [Double] = []
    @usableFromInline var recentCount = 0
    @usableFromInline var value = Double.nan
    @usableFromInline var step = Double.nan
    @usableFromInline var needsFirstSearch = false

    public init(variant: Variant = .long, initialStep: Double? = nil, nonmonotone: Bool = false, memory: Int = 10) {
        self.variant = variant
        self.initialStep = initialStep
        self.nonmonotone = nonmonotone
        self.memory = memory
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        gradient = [Double](repeating: 0, count: x.count)
        previousGradient = gradient
        direction = gradient
        recentValues = [Double](repeating: -.infinity, count: max(1, memory))
        recentCount = 0
        lineSearch.prepare(dimension: x.count)
        if let initialStep {
            step = initialStep
        } else if let smoothness = oracle.objective.constants.smoothness, smoothness > 0 {
            step = 1 / smoothness
        } else {
            step = .nan
        }
        needsFirstSearch = !step.isFinite
        if nonmonotone || needsFirstSearch {
            value = oracle.valueAndGradient(at: x, into: &gradient)
            remember(value)
        } else {
            oracle.gradient(at: x, into: &gradient)
        }
    }

    @inlinable
    mutating func remember(_ newValue: Double) {
        recentValues[recentCount % recentValues.count] = newValue
        recentCount += 1
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        let gradientSquared = VectorKernels.dot(gradient, gradient)
        guard gradientSquared > 0 else { return IterationReport(learningRate: 0, isStalled: true) }
        VectorKernels.setScaled(&direction, -1, gradient)
        VectorKernels.copy(gradient, into: &previousGradient)
        var used = step
        var reported: Double? = nil
        if nonmonotone || needsFirstSearch {
            var reference = value
            if nonmonotone && !needsFirstSearch {
                for k in 0..<min(recentCount, recentValues.count) { reference = max(reference, recentValues[k]) }
            }
            let outcome = lineSearch.search(
                from: x, value: reference, slope: -gradientSquared, direction: direction,
                initialStep: needsFirstSearch ? 1 : step, oracle: &oracle)
            guard outcome.accepted else {
                return IterationReport(valueAtNewIterate: value, learningRate: 0, isStalled: true)
            }
            needsFirstSearch = false
            used = outcome.step
            value = outcome.value
            remember(value)
            reported = value
            VectorKernels.copy(lineSearch.trialPoint, into: &x)
        } else {
            VectorKernels.addScaled(&x, used, direction)
        }
        oracle.gradient(at: x, into: &gradient)
        // s = −used·g_old, y = g − g_old
        var ss = 0.0, sy = 0.0, yy = 0.0
        for i in gradient.indices {
            let s = used * direction[i]
            let y = gradient[i] - previousGradient[i]
            ss += s * s
            sy += s * y
            yy += y * y
        }
        if sy > 0 {
            step = variant == .long ? ss / sy : sy / yy
        } else {
            step = used
        }
        return IterationReport(valueAtNewIterate: reported, learningRate: used)
    }
}
