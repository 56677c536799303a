/// ρ_t and the variance rectification r_t of RAdam (Liu et al. 2020, Algorithm 2), with the operations
/// and order of both torch (pytorch/pytorch:torch/optim/radam.py) and optax (`scale_by_radam`,
/// google-deepmind/optax:optax/_src/transform.py), which agree on them and differ only in the test:
///
///     ρ_∞ = 2/(1 − β₂) − 1,  ρ_t = ρ_∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
///     r_t = √[(ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t)]
public struct RAdamRectification: Sendable {
    public let rhoInfinity: Double
    public let rho: Double

    /// ρ_∞ and ρ_t at step `t` (1-based) with `beta2Power` = β₂ᵗ.
    @inlinable
    public init(beta2: Double, step t: Double, beta2Power: Double) {
        rhoInfinity = 2 / (1 - beta2) - 1
        rho = rhoInfinity - 2 * t * beta2Power / (1 - beta2Power)
    }

    /// r_t when ρ_t passes the test (torch: ρ_t > 5, `inclusive` false; optax: ρ_t ≥ threshold), else
    /// nil: the step is then the bias-corrected momentum alone.
    @inlinable
    public func factor(threshold: Double, inclusive: Bool) -> Double? {
        guard inclusive ? rho >= threshold : rho > threshold else { return nil }
        return ((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)).squareRoot()
    }
}
