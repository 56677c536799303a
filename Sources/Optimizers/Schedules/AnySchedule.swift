/// A schedule chosen at run time, held behind a concrete type.
///
/// The optimizers are generic over their schedule, so a constant learning rate (`Double`) compiles
/// into the update. A schedule read from a suite is an `any Schedule`; passing it on opened would
/// make the whole gradient-transformation chain's type depend on a type known only at run time, and
/// every step would run as unspecialised generic code (docs/performance.md). Wrapped in
/// this type, the chain is specialised for `AnySchedule` when gdbench is compiled, and only the
/// schedule's own evaluation goes through the existential: once per step through `callAsFunction`, or
/// once per block of steps through `rates(from:into:)` (``LearningRate``).
public struct AnySchedule: Schedule {
    public let base: any Schedule

    public init(_ base: any Schedule) { self.base = base }

    @inlinable
    public func callAsFunction(_ step: Int) -> Double { base(step) }

    @inlinable
    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        base.rates(from: first, into: rates)
    }

    public var readsInBlocks: Bool { base.readsInBlocks }
}
