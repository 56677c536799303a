#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the eigenvalues of a quadratic's Hessian fill [μ, L] (reference §C.5). In every spectrum
/// λ₁ = μ and λ_d = L exactly (they are assigned, not computed), so κ = L/μ holds to the bit.
///
/// * `log` (geometric): λᵢ = μ·κ^((i−1)/(d−1)), evenly spread on a log scale.
/// * `linear`: λᵢ = μ + (L − μ)(i − 1)/(d − 1).
/// * `outlier`: λ₁ … λ_{d−1} = μ, λ_d = L (one large eigenvalue).
/// * `twoCluster`: the first ⌊d/2⌋ eigenvalues are μ, the rest L (CG finishes in two steps).
public enum QuadraticSpectrum: String, Sendable, CaseIterable {
    case log
    case linear
    case outlier
    case twoCluster = "two-cluster"

    /// The d eigenvalues in ascending order. Needs d ≥ 2 unless L = μ (checked by the caller).
    public func eigenvalues(dimension d: Int, strongConvexity mu: Double, smoothness l: Double) -> [Double] {
        var values = [Double](repeating: mu, count: d)
        guard d > 1 else { return values }
        let kappa = l / mu
        for i in 0..<d {
            let t = Double(i) / Double(d - 1)
            switch self {
            case .log: values[i] = mu * pow(kappa, t)
            case .linear: values[i] = mu + (l - mu) * t
            case .outlier: values[i] = mu
            case .twoCluster: values[i] = i < d / 2 ? mu : l
            }
        }
        values[0] = mu
        values[d - 1] = l
        return values
    }
}
