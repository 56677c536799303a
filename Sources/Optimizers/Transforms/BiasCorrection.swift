#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bias correction 1 − βᵗ of Adam-type moments for t = 1, 2, …, computed as torch and optax do
/// (`1 - beta ** t`: C `pow`), but without calling `pow` once the value has rounded to exactly 1.
///
/// βᵗ decreases with t (0 ≤ β < 1), so from the first t at which 1 − βᵗ is 1 in Float64 (βᵗ ≤ 2⁻⁵⁴)
/// every later value is 1 too: the values are bitwise those of `1 - pow(β, t)` at every step. That
/// happens at t = 356 for β = 0.9 and t = 37 412 for β = 0.999, after which a step skips the `pow`
/// calls and the transform may skip its divisions by the corrections, which
/// are then exact divisions by 1.
public struct BiasCorrection: Sendable, Equatable {
    public let beta: Double
    /// 1 − βᵗ of the last ``advance(toStep:)`` (0 before the first, as 1 − β⁰).
    public var value: Double { current }
    @usableFromInline var current = 0.0

    /// `enabled: false` is the ablation without bias correction: every value is exactly 1, so the
    /// transforms divide by nothing (Kingma & Ba 2015, §3 explains why the correction is there).
    public init(beta: Double, enabled: Bool = true) {
        self.beta = beta
        if !enabled { current = 1 }
    }

    /// x / correction, without the division when the correction is exactly 1 (where it changes nothing).
    @inlinable @inline(__always)
    public static func divide(_ x: Double, by correction: Double) -> Double {
        correction == 1 ? x : x / correction
    }

    /// 1 − βᵗ at step t (1-based; called with t = 1, 2, … in order).
    @inlinable
    public mutating func advance(toStep t: Int) -> Double {
        if current != 1 { current = 1 - pow(beta, Double(t)) }
        return current
    }
}
