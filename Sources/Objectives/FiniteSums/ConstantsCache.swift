import Foundation

/// A process-wide, lock-protected memo of expensive problem constants (f*, x*, L, μ), keyed by the
/// canonical configuration of a problem instance (its parameters and seed).
///
/// A suite runs the same instance for every optimizer (common random numbers), so the Newton or
/// Cholesky solve behind f* and x* should run once per instance, not once per run. Each key has its own
/// entry lock: concurrent builders of the same instance wait for the first one's result, while
/// builders of different instances solve in parallel. Only the constants are kept (x* has d entries),
/// never the data, so the memory held is small.
final class ConstantsCache<Key: Hashable & Sendable>: @unchecked Sendable {
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var constants: ObjectiveConstants?
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var solves = 0

    /// The cached constants for `key`, computing them with `solve` the first time.
    func constants(for key: Key, solve: () throws -> ObjectiveConstants) throws -> ObjectiveConstants {
        lock.lock()
        let entry: Entry
        if let existing = entries[key] {
            entry = existing
        } else {
            entry = Entry()
            entries[key] = entry
        }
        lock.unlock()

        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let cached = entry.constants { return cached }
        let computed = try solve()
        entry.constants = computed
        lock.lock()
        solves += 1
        lock.unlock()
        return computed
    }

    /// How many times a solve ran (for tests of the memo).
    var solveCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return solves
    }
}
