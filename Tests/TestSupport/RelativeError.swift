/// The error measures the tests compare against references with.
public enum RelativeError {
    /// |a − b| / |b|.
    public static func of(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

    /// max over entries of |a − b| / max(1, |b|): the trajectory fixtures' measure (reference §A.0);
    /// infinite when the shapes differ or an entry is NaN.
    public static func worst(_ a: [[Double]], _ b: [[Double]]) -> Double {
        guard a.count == b.count else { return .infinity }
        var worst = 0.0
        for (p, q) in zip(a, b) {
            guard p.count == q.count else { return .infinity }
            for (x, y) in zip(p, q) {
                let error = abs(x - y) / max(1, abs(y))
                worst = max(worst, error.isNaN ? .infinity : error)
            }
        }
        return worst
    }
}
