import Optimizers

/// A test-only schedule η₀·γ^k (k the 0-based update index); the project's schedules live elsewhere.
struct GeometricDecay: Schedule {
    var initial: Double
    var factor: Double
    func callAsFunction(_ step: Int) -> Double {
        var rate = initial
        for _ in 0..<step { rate *= factor }
        return rate
    }
}
