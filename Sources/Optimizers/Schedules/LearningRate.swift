/// The learning rate a first-order kind is built with: its constant `lr`, or the schedule the suite
/// gives it. One concrete type, so a kind's chain is written once and compiled once for both cases.
/// A trivially copyable value (a number and a class reference), so that reading it per update costs a
/// null test and, with a schedule, a read from the run's ``RateWindow``: the schedule itself is reached
/// once per ``RateWindow/capacity`` updates, and fills the window in its own concrete code, or once
/// per update where it is not ``Schedule/readsInBlocks`` (docs/performance.md).
public struct LearningRate: Schedule {
    /// Holds the schedule behind one reference.
    @usableFromInline
    final class Box: Sendable {
        let schedule: AnySchedule
        /// The schedule's ``Schedule/readsInBlocks``.
        @usableFromInline let readsInBlocks: Bool

        init(_ schedule: AnySchedule) {
            self.schedule = schedule
            readsInBlocks = schedule.readsInBlocks
        }

        /// The schedule's rate, out of line: the constant case, inlined into every chain, then
        /// carries no call (and no register spills around one) on its path.
        @usableFromInline @inline(never)
        func rate(at step: Int) -> Double { schedule(step) }

        /// Refills `window` from `step`, out of line for the same reason.
        @usableFromInline @inline(never)
        func refill(_ window: inout RateWindow, from step: Int) -> Double { window.fill(from: step, with: schedule) }
    }

    @usableFromInline let constantRate: Double
    @usableFromInline let box: Box?

    /// The constant `rate` at every update.
    public static func constant(_ rate: Double) -> LearningRate {
        LearningRate(constantRate: rate, box: nil)
    }

    /// The suite's schedule, evaluated at the 0-based update index. The `constant` kind (a `Double`)
    /// is the constant rate itself.
    public static func scheduled(_ schedule: AnySchedule) -> LearningRate {
        if let rate = schedule.base as? Double { return constant(rate) }
        return LearningRate(constantRate: .nan, box: Box(schedule))
    }

    @usableFromInline
    init(constantRate: Double, box: Box?) {
        self.constantRate = constantRate
        self.box = box
    }

    @inlinable @inline(__always)
    public func callAsFunction(_ step: Int) -> Double {
        if _fastPath(box == nil) { return constantRate }
        return box.unsafelyUnwrapped.rate(at: step)
    }

    @inlinable @inline(__always)
    public func rate(at step: Int, window: inout RateWindow) -> Double {
        if _fastPath(box == nil) { return constantRate }
        let box = box.unsafelyUnwrapped
        guard box.readsInBlocks else { return box.rate(at: step) }
        if let rate = window.rate(at: step) { return rate }
        return box.refill(&window, from: step)
    }

    /// Whether the schedule is read in blocks (a constant rate needs no reading).
    public var readsInBlocks: Bool { box?.readsInBlocks ?? false }

    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        guard let box else { return rates.initialize(repeating: constantRate) }
        box.schedule.rates(from: first, into: rates)
    }
}
