/// xoshiro256** 1.0 (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators";
/// public-domain `xoshiro256starstar.c`), the generator behind every random draw in gdbench.
///
/// Output: `rotl(s1 * 5, 7) * 9`; state transition: `t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2;
/// s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)`. A 64-bit seed is expanded into the four state words by four
/// successive outputs of ``SplitMix64`` (the seeding the authors recommend). The Gaussian spare of the
/// polar method is part of the value, so copying a generator copies its whole future.
///
/// It conforms to `RandomNumberGenerator`, but results never go through the standard library's
/// unspecified mappings (`Double.random(in:using:)`, `shuffled(using:)`): the mappings in
/// `RandomSampling.swift` are gdbench's own and frozen by golden tests.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    public var s0: UInt64
    public var s1: UInt64
    public var s2: UInt64
    public var s3: UInt64
    /// The second normal deviate of the last polar-method pair, if not yet used.
    @usableFromInline var spareGaussian: Double?

    /// Seeds the state with four outputs of `SplitMix64(state: seed)`.
    @inlinable
    public init(seed: UInt64) {
        var expander = SplitMix64(state: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        spareGaussian = nil
    }

    @inlinable
    static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = Xoshiro256StarStar.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256StarStar.rotateLeft(s3, 45)
        return result
    }
}
