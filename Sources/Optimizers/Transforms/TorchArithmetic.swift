/// Scalar forms of the torch tensor operations whose rounding the torch-convention transforms follow.
public enum TorchArithmetic {
    /// `torch.lerp(start, end, weight)` as ATen computes it (aten/src/ATen/native/Lerp.h):
    /// start + w·(end − start) when |w| < ½, else end − (end − start)·(1 − w).
    /// torch's moment updates m ← lerp(m, g, 1 − β) are this (reference §A.0).
    @inlinable
    public static func lerp(_ start: Double, _ end: Double, weight: Double) -> Double {
        abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
    }
}
