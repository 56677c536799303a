/// Sample quantiles with linear interpolation between order statistics: for sorted x₀ ≤ … ≤ xₙ₋₁
/// and probability q, h = (n − 1)q and Q(q) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋) (Hyndman & Fan 1996
/// type 7, the default of `numpy.quantile` and R's `quantile`). The interquartile range is
/// [Q(0.25), Q(0.75)]; the median, Q(0.5), is `Median.of` (Results). An empty sample gives NaN; +∞ entries
/// sort last.
public enum Quantiles {
    public static func quantile(sorted values: [Double], _ probability: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let h = Double(values.count - 1) * probability
        let lower = Int(h.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let fraction = h - Double(lower)
        if fraction == 0 || values[lower] == values[upper] { return values[lower] }
        return values[lower] + fraction * (values[upper] - values[lower])
    }

    public static func quantile(_ values: [Double], _ probability: Double) -> Double {
        quantile(sorted: values.sorted(), probability)
    }
}
