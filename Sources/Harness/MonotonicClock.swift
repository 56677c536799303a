#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds of `CLOCK_MONOTONIC` (unaffected by wall-clock changes; one vDSO call).
public enum MonotonicClock {
    @inlinable
    public static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// Seconds elapsed since `start` (a value of ``nanoseconds()``).
    @inlinable
    public static func seconds(since start: UInt64) -> Double {
        Double(nanoseconds() &- start) * 1e-9
    }
}
