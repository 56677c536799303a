/// The learning rate a first-order kind is built with: its constant `lr`, or the schedule the suite
/// gives it. One concrete type, so a kind's chain is written once and compiled once for both cases.
/// A trivially copyable value (a number and a class reference), so that reading it per update costs a
/// null test and, with a schedule, one call — no copy of an existential (docs/performance.md).
public struct LearningRate: Schedule {
    /// Holds the schedule behind one reference.
    @usableFromInline
    final class Box: Sendable {
        @usableFromInline let schedule: AnySchedule
        init(_ schedule: AnySchedule) { self.schedule = schedule }
    }

    @usableFromInline let constantRate: Double
    @usableFromInline let box: Box?

    /// The constant `rate` at every update.
    public static func constant(_ rate: Double) -> LearningRate { LearningRate(constantRate: rate, box: nil) }

    /// The suite's schedule, evaluated at the 0-based update index.
    public static func scheduled(_ schedule: AnySchedule) -> LearningRate {
        LearningRate(constantRate: .nan, box: Box(schedule))
    }

    @usableFromInline
    init(constantRate: Double, box: Box?) {
        self.constantRate = constantRate
        self.box = box
    }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        guard let box else { return constantRate }
        return box.schedule(step)
    }
}
