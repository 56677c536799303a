/// The monkey saddle x³ − 3xy² (reference §C.3) made bounded below by a quartic bowl:
/// f = x³ − 3xy² + c(x² + y²)², c > 0.
///
/// ∇f = (3x² − 3y² + 4cx(x² + y²), −6xy + 4cy(x² + y²));
/// ∇²f = [[6x + c(12x² + 4y²), −6y + 8cxy], [−6y + 8cxy, −6x + c(4x² + 12y²)]].
/// At the origin both the gradient and the Hessian vanish: a degenerate saddle (value 0) with three
/// descending valleys, where Hessian-based escape has no negative curvature to follow.
/// In polar coordinates f = r³cos 3θ + cr⁴, which for fixed r is smallest at cos 3θ = −1, giving
/// −r³ + cr⁴, smallest at r = 3/(4c). So there are three global minimisers, at angles π and ±π/3 on
/// the circle r = 3/(4c), with f* = −27/(256c³); ``constants`` reports the one at (−3/(4c), 0).
public struct MonkeySaddle: PlanarHessian {
    /// c, the weight of the quartic bowl.
    public let bowl: Double
    public let startingPoint: [Double]

    public init(bowl: Double, startingPoint: [Double]) {
        self.bowl = bowl
        self.startingPoint = startingPoint
    }

    public var dimension: Int { 2 }
    public var constants: ObjectiveConstants {
        let c = bowl
        return ObjectiveConstants(optimalValue: -27 / (256 * c * c * c), minimizer: [-3 / (4 * c), 0], saddleValue: 0)
    }

    /// The three global minimisers (angles π, π/3, −π/3 on the circle r = 3/(4c)).
    public var minimizers: [[Double]] {
        let r = 3 / (4 * bowl), half = 0.5 * r, offset = r * 3.0.squareRoot() / 2
        return [[-r, 0], [half, offset], [half, -offset]]
    }

    public func value(at x: [Double]) -> Double {
        let u = x[0], v = x[1], r2 = u * u + v * v
        return u * (u * u - 3 * v * v) + bowl * r2 * r2
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient.writeGradient(count: 2) { g in
            let u = x[0], v = x[1], r2 = u * u + v * v, c4 = 4 * bowl * r2
            g[0] = 3 * (u * u - v * v) + c4 * u
            g[1] = -6 * u * v + c4 * v
            return u * (u * u - 3 * v * v) + bowl * r2 * r2
        }
    }

    /// ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y² (``PlanarHessian``).
    @inline(__always)
    public func hessianEntries(at x: [Double]) -> (Double, Double, Double) {
        let u = x[0], v = x[1], c = bowl
        return (6 * u + c * (12 * u * u + 4 * v * v), -6 * v + 8 * c * u * v, -6 * u + c * (4 * u * u + 12 * v * v))
    }
}
