#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// βᵗ for t = 1, 2, … as torch and optax compute it (`beta ** t`: C `pow`), but 0 without calling `pow`
/// once it has underflowed to 0 (where `pow` takes its slow path): βᵗ only decreases (0 ≤ β < 1), so from
/// the first t at which it is 0 every later value is 0 too, bitwise `pow(β, t)`. RAdam's ρ_t needs it at
/// every step (``ScaleByRAdam``, ``ScaleByRAdamOptax``); for β = 0.999 it underflows after about 745 000.
public struct BetaPower: Sendable, Equatable {
    public let beta: Double
    /// βᵗ of the last ``advance(toStep:)`` (1 before the first, as β⁰).
    public var value: Double { current }
    @usableFromInline var current = 1.0

    public init(beta: Double) { self.beta = beta }

    /// βᵗ at step t (1-based; called with t = 1, 2, … in order).
    @inlinable
    public mutating func advance(toStep t: Int) -> Double {
        if current != 0 { current = pow(beta, Double(t)) }
        return current
    }
}
