import Foundation
import LinearAlgebra
import Objectives
import Randomness

/// The construction rows of `gdbench bench`: seconds to build the O(d³) and O(n·d²) parts of an
/// instance — the Haar rotation (``RandomOrthogonalMatrix``), A = QΛQᵀ
/// (``SymmetricProducts/rotatedDiagonal(rotation:eigenvalues:path:)``) and the Gram matrix XᵀX of
/// n = 2d Gaussian rows (``SymmetricProducts/gram(rows:rowCount:columnCount:path:)``) and the extreme
/// eigenvalues of that Gram matrix (``ExtremeEigenvalues``) — on one thread, in CPU seconds of the thread
/// (other processes on the machine do not inflate them), the best of a few repeats; numpy's column is taken
/// the same way. Keys match `scripts/reference/construction_timing.py`, which times scipy/numpy on the
/// same shapes.
public enum ConstructionBenchmark {
    public struct Row: Sendable {
        /// `haar-d`, `rotated-d`, `gram-nxd` or `extremes-d`.
        public var key: String
        public var description: String
        public var seconds: Double
    }

    /// The row keys for these dimensions (what `gdbench bench --only` matches).
    public static func keys(dimensions: [Int]) -> [String] {
        dimensions.flatMap { ["haar-\($0)", "rotated-\($0)", "gram-\(2 * $0)x\($0)", "extremes-\($0)"] }
    }

    /// The rows for dimension d (best of five repeats up to d = 2048, one above).
    public static func measure(dimension d: Int) -> [Row] {
        let repeats = d <= 2048 ? 5 : 1
        var generator = Xoshiro256StarStar(seed: 1)
        var q: [Double] = []
        let haar = best(repeats) { q = RandomOrthogonalMatrix.make(dimension: d, using: &generator) }
        let eigenvalues = (0..<d).map { pow(100, Double($0) / Double(max(d - 1, 1))) }
        let rotated = best(repeats) { _ = SymmetricProducts.rotatedDiagonal(rotation: q, eigenvalues: eigenvalues) }
        let n = 2 * d
        var x = [Double](repeating: 0, count: n * d)
        generator.fillGaussian(&x)
        var matrix: [Double] = []
        let gram = best(repeats) { matrix = SymmetricProducts.gram(rows: x, rowCount: n, columnCount: d) }
        let extremes = best(repeats) { _ = ExtremeEigenvalues.compute(matrix, order: d) }
        return [
            Row(key: "haar-\(d)", description: "Haar rotation d = \(d) (Householder QR + Q)", seconds: haar),
            Row(key: "rotated-\(d)", description: "A = QΛQᵀ d = \(d)", seconds: rotated),
            Row(key: "gram-\(n)x\(d)", description: "Gram XᵀX n = \(n), d = \(d)", seconds: gram),
            Row(key: "extremes-\(d)", description: "λ_min, λ_max of that XᵀX (d = \(d))", seconds: extremes),
        ]
    }

    /// The least CPU time of the calling thread over `repeats` calls of `body`.
    static func best(_ repeats: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = FiniteSumConstructionBenchmark.threadSeconds()
            body()
            times.append(FiniteSumConstructionBenchmark.threadSeconds() - start)
        }
        return times.min() ?? 0
    }
}
