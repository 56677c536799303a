import Foundation
import Objectives
import Randomness

/// Checks an objective's exact derivatives against central differences at seeded points — the check
/// behind `gdbench gradcheck`, usable from a package user's own tests:
///
///     let report = GradientCheck.check(MyObjective())
///     #expect(report.verdict != .wrong, "\(report)")
///
/// At each point x (the start, then `points − 1` seeded points x₀ + σ⊙z, z ~ N(0, I),
/// σⱼ = `spread`·max(1, |x₀ⱼ|)) it compares
/// - the gradient a = ∇f(x) with n, nⱼ = (f(x + hⱼeⱼ) − f(x − hⱼeⱼ)) / 2hⱼ, hⱼ = ε^⅓·max(1, |xⱼ|)
///   (Nocedal & Wright, "Numerical Optimization", 2nd ed., §8.1, eq. 8.9 and the step choice after it):
///   every coordinate when d ≤ `maximumCoordinates`, else the directional derivatives along
///   `directions` seeded unit vectors u, aᵤ = ∇f(x)ᵀu against (f(x + hu) − f(x − hu)) / 2h;
/// - the Hessian-vector product ∇²f(x)v for a seeded unit v with (∇f(x + hv) − ∇f(x − hv)) / 2h.
///
/// Each error is the relative error ‖a − n‖ / max(‖a‖, ‖n‖) (0 when both vanish, ∞ when either is
/// not finite). Verdicts follow the usual thresholds: below `fine` (1e−7) fine, above `wrong` (1e−2)
/// wrong, between them "check" (often a badly scaled or nearly non-differentiable point).
public enum GradientCheck {
    public struct Configuration: Sendable {
        public var points = 5
        public var seed: UInt64 = 0x6772_6164_6368_6563
        public var spread = 1.0
        public var maximumCoordinates = 200
        public var directions = 10
        public var fine = 1e-7
        public var wrong = 1e-2
        public var checksHessianVectorProducts = true

        public init() {}
    }

    public enum Verdict: String, Sendable, Comparable {
        case fine, check, wrong

        public static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
        var rank: Int { self == .fine ? 0 : self == .check ? 1 : 2 }
    }

    public struct PointResult: Sendable {
        public var point: [Double]
        public var gradientError: Double
        /// The coordinate (or direction number) with the largest absolute difference.
        public var worstComponent: Int
        public var hessianVectorError: Double?
    }

    public struct Report: Sendable, CustomStringConvertible {
        public var dimension: Int
        /// True when the gradient was compared along random directions (d > maximumCoordinates).
        public var directional: Bool
        public var results: [PointResult]
        public var configuration: Configuration

        public var largestGradientError: Double { results.map(\.gradientError).max() ?? 0 }
        public var largestHessianVectorError: Double? { results.compactMap(\.hessianVectorError).max() }

        public func verdict(of error: Double) -> Verdict {
            if !(error <= configuration.wrong) { return .wrong }
            return error < configuration.fine ? .fine : .check
        }

        /// The worst verdict over every gradient and Hessian-vector error.
        public var verdict: Verdict {
            let errors = results.map(\.gradientError) + results.compactMap(\.hessianVectorError)
            return errors.map(verdict(of:)).max() ?? .fine
        }

        public var description: String {
            var lines: [String] = []
            for (index, result) in results.enumerated() {
                var line =
                    "point \(index): gradient \(format(result.gradientError)) (\(verdict(of: result.gradientError)))"
                if let hv = result.hessianVectorError { line += ", Hv \(format(hv)) (\(verdict(of: hv)))" }
                if verdict(of: result.gradientError) != .fine {
                    line +=
                        directional
                        ? "; worst direction \(result.worstComponent)" : "; worst coordinate \(result.worstComponent)"
                }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }

        public func format(_ value: Double) -> String {
            value.isFinite ? String(format: "%.1e", value) : "\(value)"
        }
    }

    /// Checks `objective` (see the type's documentation).
    public static func check(_ objective: some Objective, configuration: Configuration = Configuration()) -> Report {
        let d = objective.dimension
        var generator = Xoshiro256StarStar(seed: configuration.seed)
        let start = objective.startingPoint
        let directional = d > configuration.maximumCoordinates
        var results: [PointResult] = []
        for index in 0..<max(1, configuration.points) {
            var x = start
            if index > 0 {
                for j in 0..<d { x[j] += configuration.spread * max(1, abs(start[j])) * generator.nextGaussian() }
            }
            var (error, worst) =
                directional
                ? directionalError(objective, at: x, count: configuration.directions, generator: &generator)
                : coordinateError(objective, at: x)
            if error.isNaN { error = .infinity }
            var hessianError: Double?
            if configuration.checksHessianVectorProducts {
                hessianError = hessianVectorError(objective, at: x, generator: &generator)
            }
            results.append(
                PointResult(point: x, gradientError: error, worstComponent: worst, hessianVectorError: hessianError))
        }
        return Report(dimension: d, directional: directional, results: results, configuration: configuration)
    }

    static let stepFactor = 6.055454452393343e-06 // ε^(1/3), ε = 2⁻⁵²

    /// ‖a − n‖ / max(‖a‖, ‖n‖).
    static func relativeError(_ a: [Double], _ n: [Double]) -> (Double, Int) {
        var difference = 0.0, normA = 0.0, normN = 0.0, worst = 0, worstSize = -1.0
        for j in a.indices {
            let gap = a[j] - n[j]
            if abs(gap) > worstSize || gap.isNaN {
                worstSize = gap.isNaN ? .infinity : abs(gap)
                worst = j
            }
            difference += gap * gap
            normA += a[j] * a[j]
            normN += n[j] * n[j]
        }
        guard difference.isFinite, normA.isFinite, normN.isFinite else { return (.infinity, worst) }
        let scale = max(normA, normN).squareRoot()
        return (scale == 0 ? 0 : difference.squareRoot() / scale, worst)
    }

    static func coordinateError(_ objective: some Objective, at x: [Double]) -> (Double, Int) {
        let d = objective.dimension
        var exact = [Double](repeating: 0, count: d)
        _ = objective.evaluate(at: x, gradient: &exact)
        var numeric = [Double](repeating: 0, count: d)
        var probe = x
        for j in 0..<d {
            let h = stepFactor * max(1, abs(x[j]))
            probe[j] = x[j] + h
            let up = objective.value(at: probe)
            probe[j] = x[j] - h
            let down = objective.value(at: probe)
            probe[j] = x[j]
            numeric[j] = (up - down) / (2 * h)
        }
        return relativeError(exact, numeric)
    }

    static func directionalError(
        _ objective: some Objective, at x: [Double], count: Int,
        generator: inout Xoshiro256StarStar
    ) -> (Double, Int) {
        let d = objective.dimension
        var gradient = [Double](repeating: 0, count: d)
        _ = objective.evaluate(at: x, gradient: &gradient)
        let h = stepFactor * max(1, x.map(abs).max() ?? 0)
        var exact: [Double] = [], numeric: [Double] = []
        var probe = x
        for _ in 0..<max(1, count) {
            let u = generator.nextUnitVector(dimension: d)
            exact.append(zip(gradient, u).reduce(0) { $0 + $1.0 * $1.1 })
            for j in 0..<d { probe[j] = x[j] + h * u[j] }
            let up = objective.value(at: probe)
            for j in 0..<d { probe[j] = x[j] - h * u[j] }
            let down = objective.value(at: probe)
            numeric.append((up - down) / (2 * h))
        }
        return relativeError(exact, numeric)
    }

    static func hessianVectorError(
        _ objective: some Objective, at x: [Double],
        generator: inout Xoshiro256StarStar
    ) -> Double {
        let d = objective.dimension
        let v = generator.nextUnitVector(dimension: d)
        var exact = [Double](repeating: 0, count: d)
        objective.hessianVectorProduct(at: x, vector: v, result: &exact)
        let h = stepFactor * max(1, x.map(abs).max() ?? 0)
        var up = [Double](repeating: 0, count: d), down = up
        var probe = x
        for j in 0..<d { probe[j] = x[j] + h * v[j] }
        _ = objective.evaluate(at: probe, gradient: &up)
        for j in 0..<d { probe[j] = x[j] - h * v[j] }
        _ = objective.evaluate(at: probe, gradient: &down)
        let numeric = (0..<d).map { (up[$0] - down[$0]) / (2 * h) }
        let (error, _) = relativeError(exact, numeric)
        return error.isNaN ? .infinity : error
    }
}
