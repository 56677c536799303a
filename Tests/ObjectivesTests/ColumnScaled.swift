@testable import Objectives

/// g(u) = f(D⁻¹u) for a diagonal D: the same objective in rescaled coordinates, with derivatives
/// obtained from f's analytic ones by the exact chain rule: ∇g(u) = D⁻¹∇f(w), ∇²g(u)·v = D⁻¹∇²f(w)D⁻¹v,
/// w = D⁻¹u.
///
/// The shared central-difference step h ≈ ε^(1/3)·max(1, |xᵢ|) suits variables of order one. On the raw
/// breast-cancer features (values up to ≈ 4000) the truncation error h²·f'''/6 of the differences alone
/// exceeds 1e−6 of the gradient, so the raw problems are checked in coordinates uᵢ = Dᵢwᵢ with Dᵢ the
/// column RMS, where every direction has curvature of order one. Any error in f's gradient, Hv or
/// Hessian passes through the chain rule unchanged and is caught.
struct ColumnScaled<Base: Objective>: Objective {
    let base: Base
    let scales: [Double]

    var dimension: Int { base.dimension }
    var constants: ObjectiveConstants { ObjectiveConstants() }
    var startingPoint: [Double] { zip(base.startingPoint, scales).map { $0 * $1 } }

    func original(_ u: [Double]) -> [Double] { zip(u, scales).map { $0 / $1 } }

    func value(at u: [Double]) -> Double { base.value(at: original(u)) }

    func evaluate(at u: [Double], gradient: inout [Double]) -> Double {
        let value = base.evaluate(at: original(u), gradient: &gradient)
        for i in gradient.indices { gradient[i] /= scales[i] }
        return value
    }

    func hessianVectorProduct(at u: [Double], vector v: [Double], result: inout [Double]) {
        base.hessianVectorProduct(at: original(u), vector: original(v), result: &result)
        for i in result.indices { result[i] /= scales[i] }
    }

    func hessian(at u: [Double], into hessian: inout [Double]) {
        let d = dimension
        base.hessian(at: original(u), into: &hessian)
        for i in 0..<d { for j in 0..<d { hessian[i * d + j] /= scales[i] * scales[j] } }
    }
}

extension Dataset {
    /// √((1/n)Σᵢ x_ij²) for every column j.
    func columnRootMeanSquares() -> [Double] {
        (0..<columnCount).map { j in
            var squares = 0.0
            for i in 0..<rowCount { squares += features[i * columnCount + j] * features[i * columnCount + j] }
            return (squares / Double(rowCount)).squareRoot()
        }
    }
}
