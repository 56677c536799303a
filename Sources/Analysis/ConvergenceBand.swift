import Foundation
import Results

/// Median and interquartile band of a trace quantity over the repetitions of a cell, on a common
/// grid of the x quantity (iterations, gradient evaluations or seconds).
///
/// Each run's trace is interpolated at the grid points linearly in ln y against x (exact for the
/// geometric decay of linear convergence): before a run's first trace point it has no value, after
/// its last point it keeps its last value (a run that stopped at its target stays there) until the
/// last run of the cell has ended; beyond that the band is undefined (nil). Values below `floor`
/// (including an exact 0, as after a Newton step on a quadratic) count as `floor`, so a log axis can
/// show them; non-finite values are skipped. The grid has `count` points: log-spaced from the smallest
/// positive x of any trace to the largest x when `logarithmic`, else evenly spaced from 0.
public struct ConvergenceBand: Sendable {
    /// What is drawn on the y axis.
    public enum Quantity: String, Sendable {
        /// f − f*.
        case gap
        /// ‖∇f‖.
        case gradientNorm = "gradient-norm"

        public func value(_ point: TracePoint) -> Double? {
            switch self {
            case .gap: return point.gap
            case .gradientNorm: return point.gradientNorm
            }
        }

        /// gap when every trace point of every run knows f*, else the gradient norm.
        public static func best(for runs: [RunRecord]) -> Quantity {
            runs.allSatisfy { $0.trace.allSatisfy { $0.gap != nil } } ? .gap : .gradientNorm
        }
    }

    public var grid: [Double]
    /// Per grid point (nil where no run has a value yet).
    public var median: [Double?]
    public var lowerQuartile: [Double?]
    public var upperQuartile: [Double?]
    /// Runs with a value at each grid point.
    public var counts: [Int]

    public static func grid(runs: [RunRecord], x: CostMeasure, count: Int, logarithmic: Bool) -> [Double] {
        let xs = runs.flatMap { $0.trace.compactMap { x.value($0) } }
        guard let upper = xs.max(), upper > 0, count > 1 else { return [] }
        if logarithmic {
            let lower = xs.filter { $0 > 0 }.min() ?? upper
            guard upper > lower else { return [lower] }
            return (0..<count).map { lower * pow(upper / lower, Double($0) / Double(count - 1)) }
        }
        return (0..<count).map { upper * Double($0) / Double(count - 1) }
    }

    public init(runs: [RunRecord], x: CostMeasure, quantity: Quantity, grid: [Double], floor: Double = 0) {
        self.grid = grid
        let end = runs.compactMap { $0.trace.last.flatMap { x.value($0) } }.max() ?? -.infinity
        let curves = runs.map {
            ConvergenceBand.interpolate($0.trace, x: x, quantity: quantity, at: grid, floor: floor)
        }
        var median: [Double?] = []
        var lower: [Double?] = []
        var upper: [Double?] = []
        var counts: [Int] = []
        for index in grid.indices {
            let values = grid[index] > end ? [] : curves.compactMap { $0[index] }.sorted()
            counts.append(values.count)
            median.append(values.isEmpty ? nil : Quantiles.quantile(sorted: values, 0.5))
            lower.append(values.isEmpty ? nil : Quantiles.quantile(sorted: values, 0.25))
            upper.append(values.isEmpty ? nil : Quantiles.quantile(sorted: values, 0.75))
        }
        self.median = median
        lowerQuartile = lower
        upperQuartile = upper
        self.counts = counts
    }

    /// One run's curve at the grid points.
    static func interpolate(_ trace: [TracePoint], x: CostMeasure, quantity: Quantity, at grid: [Double], floor: Double)
        -> [Double?]
    {
        var points: [(x: Double, logY: Double)] = []
        for point in trace {
            guard let px = x.value(point), let raw = quantity.value(point), raw.isFinite else { continue }
            let y = max(raw, floor)
            guard y > 0 else { continue }
            if let last = points.last, px <= last.x {
                points[points.count - 1] = (px, log(y))
                continue
            }
            points.append((px, log(y)))
        }
        guard let first = points.first, let last = points.last else { return grid.map { _ in nil } }
        var segment = 0
        return grid.map { gx in
            if gx < first.x { return nil }
            if gx >= last.x { return exp(last.logY) }
            while segment + 1 < points.count && points[segment + 1].x < gx { segment += 1 }
            let a = points[segment]
            let b = points[segment + 1]
            let t = (gx - a.x) / (b.x - a.x)
            return exp(a.logY + t * (b.logY - a.logY))
        }
    }
}
