import Objectives

/// Test-only objective for the method tests.
///
/// f ≡ 0 on ℝᵈ (zero gradient and Hessian).
struct TestFlat: Objective {
    let dimension: Int
    var constants: ObjectiveConstants { ObjectiveConstants(optimalValue: 0) }
    var startingPoint: [Double] { [Double](repeating: 0, count: dimension) }
    func value(at x: [Double]) -> Double { 0 }
    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        for i in gradient.indices { gradient[i] = 0 }
        return 0
    }
    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for i in result.indices { result[i] = 0 }
    }
}
