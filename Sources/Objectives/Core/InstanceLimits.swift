import Foundation

/// The size limits of the problems whose construction costs O(d³) or O(n·d²), in one place.
///
/// Two kinds of limit apply. Time: the caps below bound the construction's flops — a dense problem
/// at d = 16 384 costs ≈ 3.7·d³ ≈ 1.6·10¹³, a finite sum at n·d = 10⁸ a few Newton steps of n·d²
/// each (times: docs/performance.md, "Building instances (construction)").
/// Memory: an instance whose construction would need more than ``usableMemoryBytes`` (three quarters
/// of ``availableMemoryBytes``: this machine's memory, its cgroup's limit or `GDBENCH_MEMORY`) is
/// refused with the memory it needs, so a suite that fits on a cluster node but not on a laptop fails
/// in `validate`, before any run.
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

    /// The environment variable that sets the memory gdbench assumes this machine has: bytes (`4e9`,
    /// `4000000000`) or a decimal unit (`512MB`, `4GB`, `1.5TB`). For a job granted less than its node
    /// has, and for tests that must not depend on the machine.
    public static let memoryVariable = "GDBENCH_MEMORY"

    /// The memory of this machine in bytes: `GDBENCH_MEMORY` when set, else the physical memory, lowered
    /// to the cgroup's limit (v2 `memory.max`, v1 `memory.limit_in_bytes`) when that is lower. A
    /// malformed `GDBENCH_MEMORY` is reported on stderr once and ignored.
    public static let availableMemoryBytes: Double = {
        if let text = ProcessInfo.processInfo.environment[memoryVariable] {
            if let bytes = parseBytes(text) { return bytes }
            FileHandle.standardError.write(
                Data(
                    ("gdbench: \(memoryVariable): expected bytes such as 4e9 or 512MB, found '\(text)'; "
                        + "using the machine's memory\n").utf8))
        }
        var bytes = Double(ProcessInfo.processInfo.physicalMemory)
        for file in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            if let text = try? String(contentsOfFile: file, encoding: .utf8),
                let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), value > 0
            {
                bytes = min(bytes, value)
            }
        }
        return bytes > 0 ? bytes : 8e9
    }()

    /// Where ``availableMemoryBytes`` comes from, for messages: "this machine's 25.3 GB" or
    /// "the 4.0 GB of GDBENCH_MEMORY".
    public static var availableMemoryDescription: String {
        ProcessInfo.processInfo.environment[memoryVariable].flatMap(parseBytes) != nil
            ? "the \(formatBytes(availableMemoryBytes)) of \(memoryVariable)"
            : "this machine's \(formatBytes(availableMemoryBytes))"
    }

    /// Bytes from "4e9", "4000000000", "512MB", "4 GB", "1.5TB" (decimal units; B, KB, MB, GB, TB, also
    /// without the B); nil unless positive and finite.
    public static func parseBytes(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [
            ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("T", 1e12), ("G", 1e9),
            ("M", 1e6), ("K", 1e3), ("B", 1),
        ]
        var number = trimmed, scale = 1.0
        if let (suffix, factor) = units.first(where: { trimmed.hasSuffix($0.0) }) {
            number = String(trimmed.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            scale = factor
        }
        guard let value = Double(number), value > 0, (value * scale).isFinite else { return nil }
        return value * scale
    }

    /// Three quarters of ``availableMemoryBytes``: what one instance may take while it is built.
    public static var usableMemoryBytes: Double { 0.75 * availableMemoryBytes }

    /// Throws, naming `key`, when `bytes` exceed ``usableMemoryBytes`` (or `available`, for tests).
    public static func checkMemory(
        _ bytes: Double, key: String, found: String, what: String, available: Double = usableMemoryBytes
    ) throws {
        guard bytes > available else { return }
        throw ParameterError(
            key: key,
            expected: "an instance that fits in memory: \(what) needs \(formatBytes(bytes)) to build, and at most "
                + "\(formatBytes(available)) is allowed (¾ of \(availableMemoryDescription))",
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
