/// Order-independent seed derivation: `derive(seed, label)`.
///
/// `h = FNV-1a-64(label as UTF-8)` (offset basis 0xCBF29CE484222325, prime 0x100000001B3;
/// Fowler–Noll–Vo, IETF draft-eastlake-fnv), then `SplitMix64.mix(SplitMix64.mix(seed) ^ h)`.
/// A derived seed depends only on the two inputs — never on call order, thread, process or
/// platform — which is what makes a run reproducible to the bit at any `--jobs` or shard.
public enum SeedDerivation {
    /// FNV-1a, 64-bit, over the UTF-8 bytes of `label`.
    @inlinable
    public static func fnv1a64(_ label: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A child seed for `label` under `seed`.
    @inlinable
    public static func derive(_ seed: UInt64, _ label: String) -> UInt64 {
        SplitMix64.mix(SplitMix64.mix(seed) ^ fnv1a64(label))
    }

    /// FNV-1a-64 over the bit patterns of a vector of doubles (little-endian bytes), used as a
    /// bitwise fingerprint of an iterate: equal hashes for equal bits, on every platform.
    @inlinable
    public static func fingerprint(_ values: [Double]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in values {
            var bits = value.bitPattern
            for _ in 0..<8 {
                hash ^= bits & 0xFF
                hash &*= 0x0000_0100_0000_01B3
                bits >>= 8
            }
        }
        return hash
    }
}
