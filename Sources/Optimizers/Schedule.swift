/// A learning-rate schedule: the learning rate as a function of the 0-based update index
/// (update k uses `schedule(k)`, the same as torch stepping its scheduler once per update and optax's
/// `count`; reference §B.0). A plain `Double` is a constant schedule.
public protocol Schedule: Sendable {
    func callAsFunction(_ step: Int) -> Double

    /// Writes `self(first + i)` into `rates[i]` for every i: the same Doubles, bit for bit, as one call
    /// per step. The default calls `callAsFunction` per step; a schedule whose expensive part (a `pow`,
    /// a phase search) repeats between boundaries overrides it to compute that part once per run of equal
    /// inputs (an exact memo local to the call, so the values never depend on earlier calls).
    func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>)

    /// `self(step)`, read through a per-run `window` of precomputed rates where the schedule keeps one
    /// (``LearningRate`` does; ``ScaleByLearningRate`` holds the window in its state). The default ignores
    /// the window.
    func rate(at step: Int, window: inout RateWindow) -> Double

    /// Whether a run reads this schedule's rates in blocks of `rates(from:into:)` (default) or calls it at
    /// every step. Per step suits a schedule of a few divisions or square roots: beside the step they
    /// overlap its dependency chain, while a block of them runs alone (docs/performance.md).
    var readsInBlocks: Bool { get }
}

extension Schedule {
    @inlinable
    public func rates(from first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        self.rates(stepByStepFrom: first, into: rates)
    }

    /// The default `rates(from:into:)`: one `callAsFunction` per step (for overrides to fall back on).
    @inlinable
    public func rates(stepByStepFrom first: Int, into rates: UnsafeMutableBufferPointer<Double>) {
        for index in rates.indices { rates[index] = self(first + index) }
    }

    /// `rates(from:into:)` for a schedule written as `value(key(k))` with a cheap `key` and an expensive
    /// `value` (a `pow`): `value` is evaluated again only where the key's bits change, an exact memo.
    @inlinable
    public func rates(
        from first: Int, into rates: UnsafeMutableBufferPointer<Double>, key: (_ step: Int) -> Double,
        value: (_ key: Double) -> Double
    ) {
        var lastKey = Double.nan.bitPattern
        var lastValue = Double.nan
        for index in rates.indices {
            let current = key(first + index)
            if index == 0 || current.bitPattern != lastKey {
                lastKey = current.bitPattern
                lastValue = value(current)
            }
            rates[index] = lastValue
        }
    }

    /// `rates(from:into:)` for a schedule that is constant on runs of steps: evaluates `self(step)` once
    /// per run and copies it. `sameValueRun(step)` (≥ 1) is the number of steps from `step` on whose value
    /// is `self(step)` because every input of the evaluation is the same (for example ⌊k/stepSize⌋).
    @inlinable
    public func rates(
        from first: Int, into rates: UnsafeMutableBufferPointer<Double>, sameValueRun: (_ step: Int) -> Int
    ) {
        var index = 0
        while index < rates.count {
            let step = first + index
            let value = self(step)
            let run = sameValueRun(step)
            let end = run >= rates.count - index ? rates.count : index + run
            repeat {
                rates[index] = value
                index += 1
            } while index < end
        }
    }

    @inlinable
    public func rate(at step: Int, window: inout RateWindow) -> Double { self(step) }

    @inlinable
    public var readsInBlocks: Bool { true }
}

extension Double: Schedule {
    @inlinable
    public func callAsFunction(_ step: Int) -> Double { self }
}
