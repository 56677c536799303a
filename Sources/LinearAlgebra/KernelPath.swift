#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if arch(x86_64)
import WideKernels
#endif

/// Which implementation runs the dot, axpy and dense matrix–vector kernels (``VectorKernels``,
/// ``DenseMatrixKernel``): the portable Swift kernels, whose `SIMD4`/`SIMD2` code compiles to 128-bit
/// SSE2 on baseline x86-64, or the 256-bit AVX kernels of the `WideKernels` C target. Both compute
/// the same rounded products and the same additions in the same order (no fused multiply-add), so
/// every result, and therefore every record, is bitwise identical on either path; the AVX path is
/// only faster. Chosen once per process (``current``).
public enum KernelPath: String, Sendable, CaseIterable {
    /// The Swift kernels: the definition of every result, and the only path off x86-64.
    case portable
    /// The AVX kernels (x86-64 with AVX enabled by the OS; FMA is never used, and only the networks'
    /// matrix product uses 512-bit registers, where AVX-512F is usable).
    case avx

    /// The environment variable that overrides the choice: `portable` or `avx`.
    public static let environmentVariable = "GDBENCH_KERNELS"

    /// Whether this CPU and OS can run the AVX kernels: CPUID reports AVX and OSXSAVE, and XGETBV
    /// reports that the OS saves the YMM registers. Always false off x86-64.
    public static let avxUsable: Bool = {
        #if arch(x86_64)
        return gdbench_avx_usable()
        #else
        return false
        #endif
    }()

    /// The path of this process: `.avx` when ``avxUsable``, `.portable` otherwise, unless
    /// `GDBENCH_KERNELS` asks for another (see ``choose(requested:avxUsable:)``). A warning about the
    /// variable goes to stderr once.
    public static let current: KernelPath = {
        let requested = getenv(environmentVariable).map { String(cString: $0) }
        let choice = choose(requested: requested, avxUsable: avxUsable)
        if let warning = choice.warning {
            let line = "gdbench: \(warning)\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
        }
        return choice.path
    }()

    /// The path for a value of `GDBENCH_KERNELS` (nil when unset) on a machine where AVX is or is not
    /// usable, and a warning when the request cannot be honoured. Unset or empty: the fastest usable
    /// path. `portable`: the Swift kernels. `avx`: the AVX kernels, or the Swift kernels with a
    /// warning when the CPU or OS lacks AVX. Anything else: a warning naming the accepted values, and
    /// the default choice. Never fails: both paths give the same results, so a bad value cannot change
    /// a record, only the speed.
    public static func choose(requested: String?, avxUsable: Bool) -> (path: KernelPath, warning: String?) {
        let automatic: KernelPath = avxUsable ? .avx : .portable
        guard let requested, !requested.isEmpty else { return (automatic, nil) }
        switch KernelPath(rawValue: requested) {
        case .portable:
            return (.portable, nil)
        case .avx:
            if avxUsable { return (.avx, nil) }
            return (
                .portable,
                "\(environmentVariable)=avx, but this CPU or OS does not support AVX; using the portable kernels"
            )
        case nil:
            return (
                automatic,
                "\(environmentVariable): expected portable or avx, found '\(requested)'; using the "
                    + "\(automatic.rawValue) kernels"
            )
        }
    }
}
