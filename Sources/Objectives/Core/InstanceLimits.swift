#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size limits of the problems whose construction costs O(d³) or O(n·d²), in one place.
///
/// Two kinds of limit apply. Time: the caps below bound the construction's flops — a dense problem
/// at d = 16 384 costs ≈ 3.7·d³ ≈ 1.6·10¹³, a finite sum at n·d = 10⁸ costs ≈ 10 Newton steps of
/// n·d² each (times: docs/performance.md, "Building instances (construction)").
/// Memory: an instance whose construction would need more than ``usableMemoryBytes`` (three quarters
/// of this machine's physical memory) is refused with the memory it needs, so a suite that fits on a
/// cluster node but not on a laptop fails in `validate`, before any run.
public enum InstanceLimits {
    /// Largest d of a dense (randomly rotated) quadratic or saddle: the Householder QR and A = QΛQᵀ
    /// take ≈ 3.7·d³ flops.
    public static let maximumDenseDimension = 16_384
    /// Largest d of a logistic or least-squares problem: the constants need XᵀX (n·d² flops), dense
    /// Cholesky factorisations and the eigenvalues of a d×d matrix.
    public static let maximumFeatures = 10_000
    /// Largest n·d of a logistic or least-squares problem (8 bytes each, held about three times during
    /// construction: raw, scaled, split).
    public static let maximumEntries = 100_000_000

    /// Peak bytes while a dense problem of dimension d is built: Q, Q·diag(λ) and A (3·d² doubles).
    public static func denseBytes(dimension d: Int) -> Double { 3 * 8 * Double(d) * Double(d) }

    /// Peak bytes while a finite-sum problem is built: three n×d copies of the data, and four d×d
    /// matrices (Gram, Hessian, Cholesky factor, eigenvalue work).
    public static func finiteSumBytes(rows n: Int, features d: Int) -> Double {
        3 * 8 * Double(n) * Double(d) + 4 * 8 * Double(d) * Double(d)
    }

    /// Three quarters of the physical memory (sysconf), or 8 GiB when it cannot be read.
    public static let usableMemoryBytes: Double = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return 8 * 1_073_741_824 }
        return 0.75 * Double(pages) * Double(pageSize)
    }()

    /// Throws, naming `key`, when `bytes` exceed ``usableMemoryBytes`` (or `available`, for tests).
    public static func checkMemory(
        _ bytes: Double, key: String, found: String, what: String, available: Double = usableMemoryBytes
    ) throws {
        guard bytes > available else { return }
        throw ParameterError(
            key: key,
            expected: "an instance that fits in memory: \(what) needs \(formatBytes(bytes)), and this machine allows "
                + "\(formatBytes(available)) (¾ of its physical memory)",
            found: found)
    }

    /// "1.5 GB"-style text (decimal units).
    public static func formatBytes(_ bytes: Double) -> String {
        bytes >= 1e9 ? "\(Double(Int(bytes / 1e8)) / 10) GB" : "\(Double(Int(bytes / 1e5)) / 10) MB"
    }
}

extension InstanceLimits {
    /// Throws (key `d`) when a dense problem of dimension d exceeds ``maximumDenseDimension`` or memory.
    public static func checkDense(dimension d: Int, available: Double = usableMemoryBytes) throws {
        guard d <= maximumDenseDimension else {
            throw ParameterError(
                key: "d",
                expected: "at most \(maximumDenseDimension) with rotation random (A is stored dense: "
                    + "\(formatBytes(denseBytes(dimension: d))) to build at this d)",
                found: String(d))
        }
        try checkMemory(
            denseBytes(dimension: d), key: "d", found: String(d), what: "rotation random at d = \(d) (3·d² doubles)",
            available: available)
    }
}
