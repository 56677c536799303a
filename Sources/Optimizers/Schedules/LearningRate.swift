/// The learning rate a first-order kind is built with: its constant `lr`, or the schedule the suite
/// gives it. One concrete type, so a kind's chain is written once and compiled once for both cases;
/// the choice costs one predictable branch per update, never one per coordinate.
public enum LearningRate: Schedule {
    case constant(Double)
    case scheduled(AnySchedule)

    @inlinable
    public func callAsFunction(_ step: Int) -> Double {
        switch self {
        case .constant(let rate): return rate
        case .scheduled(let schedule): return schedule(step)
        }
    }
}
