/// The N-D Rosenbrock functions (``ChainedRosenbrock``, ``ExtendedRosenbrock``): the classical start
/// (−1.2, 1, −1.2, 1, …) and the global minimiser (1, …, 1) with f* = 0, written once.
public protocol RosenbrockVariant: Objective {}

extension RosenbrockVariant {
    public var startingPoint: [Double] { (0..<dimension).map { $0 % 2 == 0 ? -1.2 : 1 } }
    public var constants: ObjectiveConstants {
        ObjectiveConstants(optimalValue: 0, minimizer: [Double](repeating: 1, count: dimension))
    }
}
