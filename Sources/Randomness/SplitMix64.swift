/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's public-domain `splitmix64.c`).
///
/// Update rule: `state += 0x9E3779B97F4A7C15`, then the output is `state` passed through
/// `z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB; z ^ (z >> 31)`.
/// Used to expand a 64-bit seed into the 256-bit state of ``Xoshiro256StarStar`` and to mix seeds
/// in ``SeedDerivation``. Golden values: `scripts/reference/rng_reference.c`.
public struct SplitMix64: Sendable {
    public var state: UInt64

    @inlinable
    public init(state: UInt64) {
        self.state = state
    }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function (a bijective finalizer of 64 bits).
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
