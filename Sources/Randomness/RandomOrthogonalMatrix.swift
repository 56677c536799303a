import WideKernels

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Haar-distributed random orthogonal matrices (Mezzadri 2007, "How to generate random matrices
/// from the classical compact groups"; the construction of `scipy.stats.ortho_group`).
///
/// A buffer of d² i.i.d. N(0, 1) draws (in generator order) is read as the column-major matrix Z;
/// Z = QR by blocked Householder reflections (LAPACK dgeqrf/dorgqr, `gdbench_orthogonal_factor`);
/// column j of Q is multiplied by sign(R_jj), which makes the factorisation unique and Q Haar. The
/// buffer then holds Q column-major, and is returned as a row-major matrix, i.e. Qᵀ — Haar as well,
/// since the Haar measure is invariant under transposition. The result is bitwise the same on the
/// portable and the AVX build of the kernel.
public enum RandomOrthogonalMatrix {
    /// Whether the AVX build of the construction kernels runs by default: the CPU and OS support AVX and
    /// `GDBENCH_KERNELS` is not `portable` (the rule of `KernelPath` in Objectives).
    public static let wideByDefault: Bool = {
        #if arch(x86_64)
        if let requested = getenv("GDBENCH_KERNELS"), String(cString: requested) == "portable" { return false }
        return gdbench_avx_usable()
        #else
        return false
        #endif
    }()

    /// A `dimension × dimension` orthogonal matrix, row-major; `wide` chooses the AVX build (same bits).
    public static func make(
        dimension n: Int, using generator: inout Xoshiro256StarStar, wide: Bool = wideByDefault
    ) -> [Double] {
        precondition(n > 0, "dimension must be positive")
        var a = [Double](repeating: 0, count: n * n)
        generator.fillGaussian(&a)
        var work = [Double](repeating: 0, count: gdbench_orthogonal_factor_work(n))
        a.withUnsafeMutableBufferPointer { a in
            work.withUnsafeMutableBufferPointer { work in
                gdbench_orthogonal_factor(a.baseAddress, n, work.baseAddress, wide)
            }
        }
        return a
    }
}
