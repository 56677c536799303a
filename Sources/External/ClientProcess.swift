import Diagnostics
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client process and its three pipes: frames go to its stdin and come from its stdout; its
/// stderr is drained by a thread into a bounded tail quoted in error messages. Every read waits at
/// most until a deadline (`poll`), so a silent client never hangs gdbench.
///
/// The child gets default SIGINT and SIGTERM actions (gdbench ignores them while a suite runs), so
/// Ctrl-C in a terminal reaches it too; it sees end of file on stdin when gdbench closes the pipe or
/// exits. Pipes are close-on-exec, so a client never inherits another client's pipes. Before blocking,
/// a read spins briefly (``SpinWait``); the child gets the same spin budget in its environment.
public final class ClientProcess: @unchecked Sendable {
    let pid: pid_t
    let command: [String]
    private let input: Int32
    private let output: Int32
    private let errorTail: StderrTail
    private var readBuffer = [UInt8](repeating: 0, count: 1 << 16)
    private var readStart = 0
    private var readEnd = 0
    private var exited = false
    private var payloadStorage: UnsafeMutableRawPointer?
    private var payloadCapacity = 0
    private var spin: SpinWait

    /// Starts `command` (searched in PATH) in `directory`, with `spinMicroseconds` (default: the
    /// environment's, ``SpinWait``) as the spin budget on both sides.
    init(command: [String], directory: String?, spinMicroseconds: Int? = nil) throws {
        guard let program = command.first, !program.isEmpty else { throw ClientFault("the command is empty") }
        Self.ignoreBrokenPipes
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        var errors: [Int32] = [0, 0]
        // Held from creating the pipes until they are marked close-on-exec and the child started, so
        // no other client started meanwhile inherits them.
        Self.spawnLock.lock()
        guard Self.makePipe(&toChild), Self.makePipe(&fromChild), Self.makePipe(&errors) else {
            Self.spawnLock.unlock()
            throw ClientFault("cannot create pipes: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        // The shell changes to `directory`, then execs the command (no chdir action is portable).
        let launcher = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0] + command } ?? command
        var arguments: [UnsafeMutablePointer<CChar>?] = launcher.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        let spinMicroseconds = spinMicroseconds ?? SpinWait.configuredMicroseconds
        var environment = Self.environment(spinMicroseconds: spinMicroseconds)
        defer { for entry in environment { free(entry) } }
        var child: pid_t = 0
        let result = posix_spawnp(&child, launcher[0], &actions, &attributes, &arguments, &environment)
        Self.spawnLock.unlock()
        for fd in [toChild[0], fromChild[1], errors[1]] { closeDescriptor(fd) }
        guard result == 0 else {
            for fd in [toChild[1], fromChild[0], errors[0]] { closeDescriptor(fd) }
            throw ClientFault("cannot start \(program): \(String(cString: strerror(result)))")
        }
        pid = child
        self.command = command
        input = toChild[1]
        output = fromChild[0]
        errorTail = StderrTail(descriptor: errors[0])
        spin = SpinWait(microseconds: spinMicroseconds)
        // Only gdbench holds this end, so non-blocking reads affect no one else; `readSome` polls first.
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    }

    /// gdbench's environment with the spin budget set (a null-terminated list of `strdup` copies).
    private static func environment(spinMicroseconds: Int) -> [UnsafeMutablePointer<CChar>?] {
        let prefix = SpinWait.environmentVariable + "="
        var entries: [UnsafeMutablePointer<CChar>?] = []
        var cursor = environ
        while let entry = cursor.pointee {
            if !String(cString: entry).hasPrefix(prefix) { entries.append(strdup(entry)) }
            cursor += 1
        }
        return entries + [strdup(prefix + String(spinMicroseconds)), nil]
    }

    deinit {
        terminate()
        free(payloadStorage)
    }

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    private static let spawnLock = NSLock()

    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #if os(Linux)
        // A 1 MiB pipe buffer (Linux's default limit for unprivileged users; best effort) carries a
        // d = 10⁵ vector in one write instead of thirteen 64 KiB rounds, each a wake-up of the reader.
        _ = fcntl(fds[1], pipeSizeCommand, 1 << 20)
        #endif
        return true
    }

    /// Linux's F_SETPIPE_SZ (fcntl.h: F_LINUX_SPECIFIC_BASE + 7).
    private static let pipeSizeCommand: Int32 = 1031

    /// The last lines the client wrote to stderr (at most 2 000 bytes), or "".
    var stderrTail: String { errorTail.text }

    /// Writes `bytes` completely.
    func send(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(input, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ClientFault(
                        errno == EPIPE
                            ? exitDescription(waitBriefly: true) : "write failed: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Reads one frame: its tag and its payload, valid until the next `receive`. Throws ``ClientFault``
    /// on end of file, a read error or when `deadline` (monotonic ns) passes first, and
    /// ``ProtocolViolation`` on a length above the protocol's limit. The payload buffer grows by
    /// `realloc` (pages are touched only as bytes arrive, so a garbage length costs nothing).
    /// `what` is formatted only for an error message.
    func receive(deadline: UInt64, waitingFor what: @autoclosure () -> String) throws
        -> (WireFormat.Tag, UnsafeRawBufferPointer)
    {
        var header: (UInt64) = 0
        try withUnsafeMutableBytes(of: &header) { try fill($0.baseAddress!, count: 8, deadline: deadline, what) }
        let bits = UInt64(littleEndian: header)
        let tag = WireFormat.Tag(raw: UInt32(truncatingIfNeeded: bits))
        let length = Int(UInt32(truncatingIfNeeded: bits >> 32))
        guard WireFormat.knownTags.contains(tag) else {
            throw ProtocolViolation("garbage: unknown message tag \(tag) (known: HELO, EVAL, ITER, FAIL from a client)")
        }
        guard length <= WireFormat.maximumPayload else {
            throw ProtocolViolation(
                "message \(tag) declares \(length) bytes, more than the protocol's limit of "
                    + "\(WireFormat.maximumPayload)"
            )
        }
        if length > payloadCapacity {
            guard let grown = realloc(payloadStorage, max(length, 2 * payloadCapacity)) else {
                throw ClientFault("cannot allocate \(length) bytes for a message")
            }
            payloadStorage = grown
            payloadCapacity = max(length, 2 * payloadCapacity)
        }
        if length > 0 { try fill(payloadStorage!, count: length, deadline: deadline, what) }
        return (tag, UnsafeRawBufferPointer(start: payloadStorage, count: length))
    }

    private func fill(_ target: UnsafeMutableRawPointer, count: Int, deadline: UInt64, _ what: () -> String) throws {
        var filled = 0
        while filled < count {
            if readStart == readEnd {
                if count - filled >= readBuffer.count {
                    // Large payloads go straight into the target.
                    filled += try readSome(into: target + filled, capacity: count - filled, deadline: deadline, what)
                    continue
                }
                let got = try readBuffer.withUnsafeMutableBytes { raw in
                    try readSome(into: raw.baseAddress!, capacity: raw.count, deadline: deadline, what)
                }
                readStart = 0
                readEnd = got
            }
            let take = min(count - filled, readEnd - readStart)
            readBuffer.withUnsafeBytes { buffer in
                (target + filled).copyMemory(from: buffer.baseAddress! + readStart, byteCount: take)
            }
            readStart += take
            filled += take
        }
    }

    private func readSome(into pointer: UnsafeMutableRawPointer, capacity: Int, deadline: UInt64, _ what: () -> String)
        throws
        -> Int
    {
        let started = Self.now()
        defer { spin.waited(since: started) }
        if let got = spin.spin(descriptor: output, into: pointer, capacity: capacity, started: started) {
            if got > 0 { return got }
            if got < 0 { throw ClientFault("read failed: \(String(cString: strerror(errno)))") }
            throw ClientFault(exitDescription(waitBriefly: true) + " while gdbench waited for \(what())")
        }
        while true {
            let now = Self.now()
            guard now < deadline else {
                throw ClientFault("no answer within the deadline while waiting for \(what())")
            }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(UInt64(Int32.max), (deadline - now + 999_999) / 1_000_000))
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw ClientFault("poll failed: \(String(cString: strerror(errno)))")
            }
            if ready == 0 { continue }
            let got = read(output, pointer, capacity)
            if got > 0 { return got }
            if got < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if got < 0 { throw ClientFault("read failed: \(String(cString: strerror(errno)))") }
            throw ClientFault(exitDescription(waitBriefly: true) + " while gdbench waited for \(what())")
        }
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// "exited with status 3" / "was killed by signal 11" / "closed its output", with the stderr tail.
    func exitDescription(waitBriefly: Bool) -> String {
        var status: Int32 = 0
        var reaped: pid_t = 0
        let until = Self.now() + (waitBriefly ? 1_000_000_000 : 0)
        repeat {
            reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if waitBriefly { usleep(2_000) }
        } while Self.now() < until
        var text: String
        if reaped == pid {
            exited = true
            let signal = status & 0x7f
            if signal != 0 { ClientStopSignals.shared.note(killedBy: signal) }
            text =
                signal == 0
                ? "the client exited with status \((status >> 8) & 0xff)" : "the client was killed by signal \(signal)"
        } else {
            text = "the client closed its output"
        }
        let tail = stderrTail.trimmingCharacters(in: .whitespacesAndNewlines)
        if !tail.isEmpty { text += "; its stderr ends with: " + tail }
        return text
    }

    /// Closes stdin and gives the client `grace` seconds to exit before killing it; reaps it.
    func close(grace: Double = 1) {
        guard !exited else { return }
        closeDescriptor(input)
        let until = Self.now() + UInt64(grace * 1e9)
        var status: Int32 = 0
        while Self.now() < until {
            if waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                closeDescriptor(output)
                return
            }
            usleep(1_000)
        }
        terminate()
    }

    /// Kills the client at once and reaps it.
    func terminate() {
        guard !exited else { return }
        exited = true
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        closeDescriptor(input)
        closeDescriptor(output)
    }
}

/// Drains a client's stderr on its own thread, keeping the last 2 000 bytes.
final class StderrTail: @unchecked Sendable {
    private let lock = NSLock()
    private var tail: [UInt8] = []

    init(descriptor: Int32) {
        let thread = Thread { [self] in
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { break }
                lock.lock()
                tail.append(contentsOf: chunk[0..<got])
                if tail.count > 2000 { tail.removeFirst(tail.count - 2000) }
                lock.unlock()
            }
            closeDescriptor(descriptor)
        }
        thread.start()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: tail, as: UTF8.self)
    }
}

/// A client that crashed, exited, stopped answering or could not be started.
public struct ClientFault: GdbenchError {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// `close(2)` (the classes here have their own `close` methods).
func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #else
    _ = Darwin.close(descriptor)
    #endif
}
