import Objectives

/// Stopping rules, computed on the objective directly (never counted).
enum Stop {
    static func gradientInfinityNorm(_ tolerance: Double) -> (any Objective, [Double]) -> Bool {
        { objective, x in
            var g = [Double](repeating: 0, count: x.count)
            _ = objective.evaluate(at: x, gradient: &g)
            return g.reduce(0) { max($0, abs($1)) } <= tolerance
        }
    }

    static func gradientNorm(_ tolerance: Double) -> (any Objective, [Double]) -> Bool {
        { objective, x in
            var g = [Double](repeating: 0, count: x.count)
            _ = objective.evaluate(at: x, gradient: &g)
            return g.reduce(0) { $0 + $1 * $1 }.squareRoot() <= tolerance
        }
    }

    /// ‖x − x*‖ ≤ ε‖x₀ − x*‖ (reference §D).
    static func relativeDistance(_ epsilon: Double, start: [Double], minimizer: [Double]) -> (any Objective, [Double])
        -> Bool
    {
        let initial = distance(start, minimizer)
        return { _, x in distance(x, minimizer) <= epsilon * initial }
    }

    static func distance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }
}
