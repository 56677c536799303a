/// The moment updates shared by the Adam family, per coordinate, in the two libraries' roundings.
public enum Moments {
    /// torch: m ← lerp(m, g, w₁) with w₁ = 1 − β₁ (``TorchArithmetic/lerp(_:_:weight:)``),
    /// v ← v·β₂ + c₂·g·g with c₂ = 1 − β₂ (`mul_(beta2).addcmul_(grad, grad, value=1 - beta2)`).
    @inlinable @inline(__always)
    public static func torch(
        _ m: inout Double, _ v: inout Double, gradient g: Double, w1: Double, beta2 b2: Double, c2: Double
    ) {
        m = TorchArithmetic.lerp(m, g, weight: w1)
        v = v * b2 + c2 * g * g
    }

    /// optax: m ← c₁·g + β₁·m, v ← c₂·(g·g) + β₂·v (`update_moment`, `update_moment_per_elem_norm`).
    @inlinable @inline(__always)
    public static func optax(
        _ m: inout Double, _ v: inout Double, gradient g: Double, beta1 b1: Double, c1: Double, beta2 b2: Double,
        c2: Double
    ) {
        m = c1 * g + b1 * m
        v = c2 * (g * g) + b2 * v
    }
}
