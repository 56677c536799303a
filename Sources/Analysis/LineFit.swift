/// Ordinary least squares y ≈ intercept + slope·x with the 95% confidence interval of the slope from
/// the t distribution: SE = s/√Sxx, s² = Σ residual²/(n − 2), interval slope ± t₀.₉₇₅,ₙ₋₂·SE
/// (any regression text, e.g. Montgomery & Runger, §11-4). The same numbers as
/// `scipy.stats.linregress` (`slope`, `intercept`, `stderr`) and `numpy.polyfit(x, y, 1)`.
public struct LineFit: Sendable, Equatable {
    public var slope: Double
    public var intercept: Double
    public var points: Int
    /// Standard error of the slope (NaN for 2 points).
    public var slopeStandardError: Double
    /// 95% interval of the slope (NaN bounds for 2 points).
    public var slopeLower: Double
    public var slopeUpper: Double

    /// nil for fewer than two points or when all x are equal.
    public init?(x: [Double], y: [Double]) {
        let n = min(x.count, y.count)
        guard n >= 2 else { return nil }
        let meanX = x.prefix(n).reduce(0, +) / Double(n)
        let meanY = y.prefix(n).reduce(0, +) / Double(n)
        var sxx = 0.0
        var sxy = 0.0
        for i in 0..<n {
            sxx += (x[i] - meanX) * (x[i] - meanX)
            sxy += (x[i] - meanX) * (y[i] - meanY)
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = meanY - slope * meanX
        points = n
        if n > 2 {
            var residuals = 0.0
            for i in 0..<n {
                let r = y[i] - intercept - slope * x[i]
                residuals += r * r
            }
            slopeStandardError = (residuals / Double(n - 2) / sxx).squareRoot()
            let t = StudentT.quantile(0.975, degreesOfFreedom: Double(n - 2))
            slopeLower = slope - t * slopeStandardError
            slopeUpper = slope + t * slopeStandardError
        } else {
            slopeStandardError = .nan
            slopeLower = .nan
            slopeUpper = .nan
        }
    }
}
