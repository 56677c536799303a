import Randomness

/// A percentile-bootstrap confidence interval of the median (Efron & Tibshirani 1993, ch. 13):
/// draw `resamples` samples of size n with replacement, take each one's median, and report the
/// (1 − level)/2 and (1 + level)/2 quantiles (``Quantiles``) of those medians. Defaults: 1000
/// resamples, level 0.95. The generator is `Xoshiro256StarStar(seed: derive(0, "bootstrap/" + label))`
/// (``SeedDerivation``), so an interval depends only on the data and its label (the cell id), never
/// on the order in which cells are analysed.
public struct BootstrapInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public static let defaultResamples = 1000

    /// The interval for the median of `values`; nil for an empty sample.
    public static func median(
        of values: [Double], label: String, resamples: Int = defaultResamples, level: Double = 0.95
    ) -> BootstrapInterval? {
        guard !values.isEmpty, resamples > 0 else { return nil }
        var generator = Xoshiro256StarStar(seed: SeedDerivation.derive(0, "bootstrap/" + label))
        var sample = [Double](repeating: 0, count: values.count)
        var medians = [Double](repeating: 0, count: resamples)
        let n = values.count
        for r in 0..<resamples {
            for i in 0..<values.count { sample[i] = values[generator.nextInt(below: n)] }
            sample.sort()
            medians[r] = Quantiles.quantile(sorted: sample, 0.5)
        }
        medians.sort()
        return BootstrapInterval(
            lower: Quantiles.quantile(sorted: medians, (1 - level) / 2),
            upper: Quantiles.quantile(sorted: medians, (1 + level) / 2))
    }
}
