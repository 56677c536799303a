import Foundation

/// A flag raised to stop a suite early (SIGINT): workers finish or abandon their current run, start
/// no new one, and the records already finished are written.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    public init() {}

    public func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    public var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }
}
