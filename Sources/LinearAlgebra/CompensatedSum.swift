/// A running sum with Neumaier's compensation (Neumaier 1974, the improved Kahan–Babuška sum): the
/// rounding error of each addition is accumulated separately and added back at the end, so the
/// result is accurate to about one ulp of the total regardless of n (instead of n·ε for a plain loop).
/// Used for the loss totals of the finite-sum objectives, where f − f* must be resolved down to
/// ~1e−15·|f|; it costs four flops per row against the 2d of the row's dot product.
public struct CompensatedSum: Sendable {
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0

    @inlinable
    public init() {}

    @inlinable
    public mutating func add(_ term: Double) {
        let total = sum + term
        if abs(sum) >= abs(term) {
            compensation += (sum - total) + term
        } else {
            compensation += (term - total) + sum
        }
        sum = total
    }

    /// The compensated total.
    @inlinable
    public var value: Double { sum + compensation }
}
