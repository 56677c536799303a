/// The median of a sample, the one median of gdbench (recorded times, analyses, claims, figures,
/// `gdbench bench`): the middle value, or for an even count a + ½(b − a) of the two middle values a ≤ b
/// (a when they are equal, so two +∞ give +∞) — `Quantiles`' type-7 quantile at ½, numpy's
/// `median`. NaN for an empty sample; +∞ entries sort last.
public enum Median {
    public static func of(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        let lower = sorted[middle - 1], upper = sorted[middle]
        return lower == upper ? lower : lower + 0.5 * (upper - lower)
    }
}
