import Foundation

/// The problems of the fixture, rebuilt with the test objectives.
enum ScipyProblems {
    static let names = ["rosenbrock-2d", "quadratic-d100-kappa10", "quadratic-d100-kappa1000"]

    static func quadratic(kappa: Double) -> TestQuadratic {
        // λᵢ = κ^((i−1)/(d−1)), as the script's `kappa ** (np.arange(d) / (d - 1))`.
        TestQuadratic(eigenvalues: (0..<100).map { Foundation.pow(kappa, Double($0) / 99) })
    }
}
