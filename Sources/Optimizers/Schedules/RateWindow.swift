/// The learning rates of ``capacity`` consecutive updates, computed in one call of the schedule's own
/// code (``Schedule/rates(from:into:)``) and read one per update: the per-run memo of ``LearningRate``.
///
/// Each entry is `schedule(first + i)`, the same Double as a call at that step, so which steps were read
/// before never changes a value. Held in ``ScaleByLearningRate``'s state, so it belongs to one run; the
/// rates are an array (copy-on-write), so a copied state never shares a window that is being refilled.
/// Empty (no allocation) until a schedule fills it.
public struct RateWindow: Sendable {
    /// Number of rates one fill computes.
    @inlinable public static var capacity: Int { 32 }

    /// Update index of `rates[0]`.
    @usableFromInline var first = 0
    @usableFromInline var rates: [Double] = []

    public init() {}

    /// The rate of update `step` if this window holds it.
    @inlinable @inline(__always)
    public func rate(at step: Int) -> Double? {
        let offset = step &- first
        guard _fastPath(UInt(bitPattern: offset) < UInt(bitPattern: rates.count)) else { return nil }
        return rates[offset]
    }

    /// Refills the window from update `step` with `schedule`'s rates and returns the rate at `step`.
    /// A step too close to `Int.max` for a whole window is evaluated alone.
    @inlinable
    public mutating func fill<S: Schedule>(from step: Int, with schedule: S) -> Double {
        guard step >= 0, step <= Int.max - Self.capacity else { return schedule(step) }
        if rates.count != Self.capacity { rates = [Double](repeating: .nan, count: Self.capacity) }
        rates.withUnsafeMutableBufferPointer { schedule.rates(from: step, into: $0) }
        first = step
        return rates[0]
    }
}
