/// The bounded-below strict saddle ("double well") of reference §C.3: f = ½a·x² + ¼y⁴ − ½y².
///
/// ∇f = (a·x, y³ − y); ∇²f = diag(a, 3y² − 1). Critical points: the saddle (0, 0) with value 0 and
/// Hessian diag(a, −1); the minima (0, ±1) with f* = −¼ and Hessian diag(a, 2). a = 1 (the default) is
/// the reference's "variant with scale" ½x² + ¼y⁴ − ½y²; a = 2 is its x² + y⁴/4 − y²/2. Near the
/// saddle gradient descent multiplies y by (1 + η) per step, so the escape time grows like
/// ln(1/|y₀|)/ln(1 + η). The start is drawn at distance `start-distance` from the saddle in a
/// uniform direction. No global L (the quartic has unbounded curvature).
public struct DoubleWell: Objective {
    /// a, the curvature along x.
    public let curvature: Double
    public let startingPoint: [Double]

    public init(curvature: Double, startingPoint: [Double]) {
        self.curvature = curvature
        self.startingPoint = startingPoint
    }

    public var dimension: Int { 2 }
    /// x* = (0, 1) (one of the two minima), f* = −¼, saddle value 0.
    public var constants: ObjectiveConstants {
        ObjectiveConstants(optimalValue: -0.25, minimizer: [0, 1], saddleValue: 0)
    }

    public func value(at x: [Double]) -> Double {
        let u = x[0], y2 = x[1] * x[1]
        return 0.5 * curvature * u * u + 0.25 * y2 * y2 - 0.5 * y2
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 2) { g in
            let u = x[0], y = x[1], y2 = y * y
            g[0] = curvature * u
            g[1] = (y2 - 1) * y
            return 0.5 * curvature * u * u + 0.25 * y2 * y2 - 0.5 * y2
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        result[0] = curvature * v[0]
        result[1] = (3 * x[1] * x[1] - 1) * v[1]
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        hessian[0] = curvature
        hessian[1] = 0
        hessian[2] = 0
        hessian[3] = 3 * x[1] * x[1] - 1
    }
}
