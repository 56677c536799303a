#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-step terms of RAdam (Liu et al. 2020, Algorithm 2) that depend on β₂ᵗ: 1 − β₂ᵗ, ρ_t and the
/// variance rectification r_t, with the operations and order of both torch
/// (pytorch/pytorch:torch/optim/radam.py) and optax (`scale_by_radam`,
/// google-deepmind/optax:optax/_src/transform.py), which agree on them and differ only in the test:
///
///     ρ_∞ = 2/(1 − β₂) − 1,  ρ_t = ρ_∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)      (β₂ᵗ = C `pow`, as `beta2 ** t`)
///     r_t = √[(ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)]  if ρ_t passes the test, else none
///
/// It stops calling `pow` once the terms have **settled**: 1 − β₂ᵗ is exactly 1 and ρ_t exactly ρ_∞
/// at a step t ≥ 2/(1 − β₂) (for β₂ = 0.999: t = 41 102). From there on every later step computes the
/// same bits: βᵗ keeps decreasing, so 1 − βᵗ stays 1; past the maximum of t·βᵗ (t = 1/ln(1/β₂) <
/// 1/(1 − β₂)) each step multiplies 2t·βᵗ by at most 1 − (1 − β₂)/2, far more than its rounding
/// errors when 0 ≤ β₂ ≤ 1 − 2⁻³⁰ (never settled otherwise), so ρ_∞ minus it, rounded, cannot move
/// back below ρ_∞.
public struct RAdamRectification: Sendable {
    public let beta2: Double
    public let rhoInfinity: Double
    /// ρ_t ≥ threshold (`inclusive`, optax) or ρ_t > threshold (torch: 5).
    public let threshold: Double
    public let inclusive: Bool
    /// 1 − β₂ᵗ of the last ``advance(toStep:)`` (0 before the first).
    public var correction2: Double { terms.correction2 }
    /// ρ_t of the last ``advance(toStep:)``.
    public var rho: Double { terms.rho }
    /// r_t of the last ``advance(toStep:)``, nil when ρ_t fails the test (the step is then the
    /// bias-corrected momentum alone).
    public var factor: Double? { terms.factor }
    /// The terms have settled: no more `pow`.
    public var isSettled: Bool { terms.isSettled }
    @usableFromInline var terms: (correction2: Double, rho: Double, factor: Double?, isSettled: Bool)

    public init(beta2: Double, threshold: Double, inclusive: Bool) {
        self.beta2 = beta2
        self.threshold = threshold
        self.inclusive = inclusive
        rhoInfinity = 2 / (1 - beta2) - 1
        terms = (0, rhoInfinity, nil, false)
    }

    /// The terms at step t (1-based; called with t = 1, 2, … in order).
    @inlinable
    public mutating func advance(toStep t: Int) {
        guard !terms.isSettled else { return }
        let time = Double(t), power = pow(beta2, time)
        let correction2 = 1 - power
        let rho = rhoInfinity - 2 * time * power / correction2
        let passes = inclusive ? rho >= threshold : rho > threshold
        let factor =
            passes
            ? ((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)).squareRoot() : nil
        let isSettled =
            correction2 == 1 && rho == rhoInfinity && beta2 >= 0 && 1 - beta2 >= 0x1p-30 && time * (1 - beta2) >= 2
        terms = (correction2, rho, factor, isSettled)
    }
}
