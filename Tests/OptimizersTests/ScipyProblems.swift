import Foundation
import Objectives

/// The problems of the fixture, rebuilt with the library objectives.
enum ScipyProblems {
    static let names = ["rosenbrock-2d", "quadratic-d100-kappa10", "quadratic-d100-kappa1000"]

    static func quadratic(kappa: Double) -> AxisAlignedQuadratic {
        // λᵢ = κ^((i−1)/(d−1)), as the script's `kappa ** (np.arange(d) / (d - 1))`.
        AxisAlignedQuadratic(eigenvalues: (0..<100).map { Foundation.pow(kappa, Double($0) / 99) })
    }
}
