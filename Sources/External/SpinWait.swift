#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adaptive spinning before a blocking wait for the other process's next frame (docs/protocol.md,
/// "Waiting"). A process blocked in `poll`/`read` lets its CPU sleep, and on an idle virtual machine
/// waking a sleeping virtual CPU costs tens of µs per pipe crossing; checking the pipe with non-blocking
/// reads for a short while, yielding the CPU (`sched_yield`) between checks, keeps it awake. On a busy
/// machine the CPU never sleeps and a blocked reader is woken at once, while a spinner gives its CPU
/// away at each yield; there blocking is faster, and spinning would starve other work.
///
/// The rule, the same in gdbench and in the reference clients: spin for at most ``budgetNanoseconds``
/// (`GDBENCH_SPIN_MICROSECONDS`, default ``defaultMicroseconds``; `0` turns spinning off), and not at
/// all when the previous wait was longer than the budget (a slow oracle or optimizer: a stream of long
/// waits costs one budget of CPU, then none) nor for ``contendedWaits`` waits after a `sched_yield`
/// that took longer than ``contendedYieldNanoseconds`` (another task wanted the CPU). gdbench passes
/// its budget to every client it starts through the same environment variable.
struct SpinWait {
    /// Default spin budget, µs: above a spinning round trip (C ≈ 3 µs, Python ≈ 15 µs here) and
    /// below the cost of a sleep and wake-up it replaces.
    static let defaultMicroseconds = 50

    /// The environment variable that sets the budget in µs, for gdbench and its clients.
    static let environmentVariable = "GDBENCH_SPIN_MICROSECONDS"

    /// The budget from the environment (``microseconds(from:)``).
    static var configuredMicroseconds: Int {
        microseconds(from: getenv(environmentVariable).map { String(cString: $0) })
    }

    /// `text` as a whole number of µs from 0 to 10 000, else the default.
    static func microseconds(from text: String?) -> Int {
        guard let text, let value = Int(text), (0...10_000).contains(value) else { return defaultMicroseconds }
        return value
    }

    /// A `sched_yield` slower than this (ns) means another task ran on this CPU meanwhile.
    static let contendedYieldNanoseconds: UInt64 = 5_000

    /// Waits that block at once after a contended yield.
    static let contendedWaits = 64

    let budgetNanoseconds: UInt64
    /// Whether the next wait may spin: the previous wait ended within the budget.
    private var spinNext = true
    /// Waits left to block at once after a contended yield.
    private var blockedWaits = 0

    init(microseconds: Int) {
        budgetNanoseconds = UInt64(max(0, microseconds)) * 1_000
    }

    /// Reads into `pointer` with `read` on a non-blocking descriptor until it gives bytes, end of file
    /// or an error (returned as `read` returns them, errno set), or until the budget passes (then nil,
    /// and the caller blocks). `started` is when the wait began (monotonic ns).
    mutating func spin(
        descriptor: Int32, into pointer: UnsafeMutableRawPointer, capacity: Int, started: UInt64
    ) -> Int? {
        guard budgetNanoseconds > 0, spinNext else { return nil }
        guard blockedWaits == 0 else {
            blockedWaits -= 1
            return nil
        }
        while true {
            let got = read(descriptor, pointer, capacity)
            if got >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) { return got }
            let now = ClientProcess.now()
            if now &- started > budgetNanoseconds { return nil }
            sched_yield()
            if ClientProcess.now() &- now > Self.contendedYieldNanoseconds {
                blockedWaits = Self.contendedWaits
                return nil
            }
        }
    }

    /// Whether the next wait would spin (for tests).
    var spinsNext: Bool { budgetNanoseconds > 0 && spinNext && blockedWaits == 0 }

    /// Notes how long a wait that ended took, which decides whether the next one spins.
    mutating func waited(since started: UInt64) {
        spinNext = ClientProcess.now() &- started <= budgetNanoseconds
    }
}
