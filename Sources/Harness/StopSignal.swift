import Diagnostics
import Dispatch
import Foundation

/// A flag raised to stop a suite early (SIGINT, SIGTERM): workers finish or abandon their current
/// run, start no new one, and the records already finished are written.
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

    /// Routes `signals` to `stop`: the first one raises it (and calls `notice`), a second one exits
    /// at once with status 130. The signals' default actions are ignored until ``uninstall(_:)``.
    public static func install(on signals: [Int32], stop: StopSignal, notice: @escaping @Sendable () -> Void)
        -> [DispatchSourceSignal]
    {
        signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isRaised { Foundation.exit(ExitStatus.interrupted.code) }
                stop.raise()
                notice()
            }
            source.resume()
            return source
        }
    }

    /// Cancels the sources and restores the default actions of their signals.
    public static func uninstall(_ sources: [DispatchSourceSignal]) {
        for source in sources {
            source.cancel()
            signal(Int32(source.handle), SIG_DFL)
        }
    }
}
