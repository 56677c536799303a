import Foundation

/// Whether a client was killed by a signal that stops a whole process group (SIGINT, SIGTERM, SIGHUP).
///
/// Ctrl-C reaches gdbench's clients as well as gdbench, and under load a worker can see its client die
/// before gdbench's own handler has raised its stop flag. A run that fails that way is an interruption
/// (rerun by `--resume`), not an `error`: the runner waits for the flag when this has been seen.
public final class ClientStopSignals: @unchecked Sendable {
    public static let shared = ClientStopSignals()
    private let lock = NSLock()
    private var seen = false

    /// Notes how a client ended: `signal` is the number that killed it.
    func note(killedBy signal: Int32) {
        guard signal == SIGINT || signal == SIGTERM || signal == SIGHUP else { return }
        lock.lock()
        seen = true
        lock.unlock()
    }

    /// Whether some client of this process was killed by SIGINT, SIGTERM or SIGHUP.
    public var sawStopSignal: Bool {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }
}
