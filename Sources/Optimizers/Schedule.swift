/// A learning-rate schedule: the learning rate as a function of the 0-based update index
/// (update k uses `schedule(k)`, the same as torch stepping its scheduler once per update and optax's
/// `count`; reference §B.0). A plain `Double` is a constant schedule.
public protocol Schedule: Sendable {
    func callAsFunction(_ step: Int) -> Double
}

extension Double: Schedule {
    @inlinable
    public func callAsFunction(_ step: Int) -> Double { self }
}
