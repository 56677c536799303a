import Objectives

/// What a method needs of its objective beyond f and ∇f, checked in `prepare` so that a suite pairing
/// it with an objective that lacks it fails validation (``Harness/SuiteRunner/validate(_:)`` prepares
/// every pair) instead of every run ending in `error`.
enum MethodRequirements {
    /// Throws unless the objective provides Hessian-vector products and dense Hessians.
    static func hessians<O: Objective>(_ objective: O, method: String) throws {
        guard objective.providesHessians else {
            throw MethodError(
                "\(method) needs Hessians (or Hessian-vector products), which this problem does not provide")
        }
    }

    /// Throws unless the objective is exactly quadratic.
    static func quadratic<O: Objective>(_ objective: O, method: String) throws {
        guard objective.isQuadratic else {
            throw MethodError("\(method) is meaningful for quadratics only, and this problem is not quadratic")
        }
    }
}
