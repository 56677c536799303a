import Foundation

/// How to start one external optimizer or objective: the suite's `name`, `command`, the directory
/// it runs in (the suite file's) and the per-message deadline.
public struct ClientConfiguration: Sendable, Hashable {
    public var name: String
    public var command: [String]
    public var directory: String?
    /// Seconds gdbench waits for any one message (the handshake gets at least 120 s: importing
    /// torch takes seconds). Default 60.
    public var deadlineSeconds: Double
    /// µs spent spinning before a blocking wait, on both sides (``SpinWait``); nil: the environment's
    /// `GDBENCH_SPIN_MICROSECONDS`, else ``defaultSpinMicroseconds``.
    public var spinMicroseconds: Int?

    /// The spin budget when neither the configuration nor the environment sets one.
    public static let defaultSpinMicroseconds = SpinWait.defaultMicroseconds

    /// The environment's spin budget (`GDBENCH_SPIN_MICROSECONDS`), else ``defaultSpinMicroseconds``.
    public static var environmentSpinMicroseconds: Int { SpinWait.configuredMicroseconds }

    public init(
        name: String, command: [String], directory: String?, deadlineSeconds: Double = 60, spinMicroseconds: Int? = nil
    ) {
        self.name = name
        self.command = command
        self.directory = directory
        self.deadlineSeconds = deadlineSeconds
        self.spinMicroseconds = spinMicroseconds
    }
}

/// The running client processes of one configuration. A run leases a process and gives it back when
/// it ends cleanly; a process that faulted is killed instead, so the next lease starts a fresh one.
/// Each worker thread holds at most one lease at a time, so `--jobs N` runs at most N processes.
public final class ClientPool: @unchecked Sendable {
    public let configuration: ClientConfiguration
    /// The handshake of the first process; later processes must declare the same.
    public let hello: ClientHello
    private let lock = NSLock()
    private var idle: [ClientProcess] = []
    private var started = 0

    /// Starts one process and reads its handshake (kept idle for the first run).
    init(configuration: ClientConfiguration) throws {
        self.configuration = configuration
        let (process, hello) = try Self.start(configuration)
        self.hello = hello
        idle.append(process)
        started = 1
    }

    /// Processes started so far (restarts included).
    public var processesStarted: Int {
        lock.lock()
        defer { lock.unlock() }
        return started
    }

    static func start(_ configuration: ClientConfiguration) throws -> (ClientProcess, ClientHello) {
        let process = try ClientProcess(
            command: configuration.command, directory: configuration.directory,
            spinMicroseconds: configuration.spinMicroseconds)
        do {
            let deadline = ClientProcess.now() + UInt64(max(120, configuration.deadlineSeconds) * 1e9)
            let (tag, payload) = try process.receive(deadline: deadline, waitingFor: "the handshake (HELO)")
            guard tag == WireFormat.hello else {
                throw ProtocolViolation("the first message must be HELO, found \(tag)")
            }
            return (process, try ClientHello(json: Array(payload)))
        } catch {
            process.terminate()
            if let fault = error as? ClientFault { throw ClientFault(fault.description) }
            let tail = process.stderrTail.trimmingCharacters(in: .whitespacesAndNewlines)
            throw ClientFault("\(error)" + (tail.isEmpty ? "" : "; its stderr ends with: " + tail))
        }
    }

    /// An idle process, or a new one (whose handshake must match the first).
    public func lease() throws -> ClientProcess {
        lock.lock()
        if let process = idle.popLast() {
            lock.unlock()
            return process
        }
        started += 1
        lock.unlock()
        let (process, hello) = try Self.start(configuration)
        guard hello == self.hello else {
            process.terminate()
            throw ClientFault(
                "a restarted client declared a different handshake (\(hello.name) \(hello.version)) "
                    + "than the first (\(self.hello.name) \(self.hello.version))"
            )
        }
        return process
    }

    public func giveBack(_ process: ClientProcess) {
        lock.lock()
        idle.append(process)
        lock.unlock()
    }

    /// Closes every idle process (end of file on its stdin, then SIGKILL after a second).
    public func closeIdle() {
        lock.lock()
        let processes = idle
        idle = []
        lock.unlock()
        for process in processes { process.close() }
    }
}

/// One pool per configuration for the whole gdbench process, so that a suite loaded twice (validate,
/// then run) starts its clients once.
public enum ClientPools {
    nonisolated(unsafe) private static var pools: [ClientConfiguration: ClientPool] = [:]
    private static let lock = NSLock()

    /// The pool of `configuration`, started (with its handshake) on first use.
    public static func pool(for configuration: ClientConfiguration) throws -> ClientPool {
        lock.lock()
        defer { lock.unlock() }
        if let pool = pools[configuration] { return pool }
        let pool = try ClientPool(configuration: configuration)
        pools[configuration] = pool
        return pool
    }

    /// Closes the idle processes of every pool (they restart on the next lease).
    public static func closeIdle() {
        lock.lock()
        let all = Array(pools.values)
        lock.unlock()
        for pool in all { pool.closeIdle() }
    }
}
