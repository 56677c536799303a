import Randomness

/// A seeded instance of a classic function, as the instances of the COCO/BBOB suite (Hansen et al.,
/// "Real-parameter black-box optimization benchmarking 2009: noiseless functions definitions",
/// INRIA RR-6829, §0.2): g(x) = f(x*_f + R(x − x*_g)), where x*_f is f's minimiser, x*_g = x*_f + s
/// with a shift s uniform in [−``shiftRadius``, ``shiftRadius``]ᵈ, and R a Haar-random orthogonal
/// matrix (``RandomOrthogonalMatrix``) or the identity. g has f's minimum value at x*_g; the start
/// stays the base's start, so the start's place relative to the valleys changes with the instance.
///
/// ∇g(x) = Rᵀ∇f(y), ∇²g(x)v = Rᵀ∇²f(y)Rv with y = x*_f + R(x − x*_g). Each call allocates two vectors
/// of length d (y and ∇f(y)); a rotation costs two d×d matrix-vector products.
public struct InstanceObjective<Base: Objective>: Objective {
    /// Half-width of the shift box (COCO uses 4 with its own domain [−5, 5]ᵈ; the classic functions
    /// here keep their literature starts, so the shift is smaller).
    public static var shiftRadius: Double { 1 }

    public let base: Base
    /// x*_f, the base's minimiser (0 when unknown).
    public let anchor: [Double]
    /// x*_g.
    public let center: [Double]
    /// Row-major d×d, or nil for the identity.
    public let rotation: [Double]?

    /// Draws the shift (d uniform numbers) and, when `rotate`, the rotation from `generator`.
    public init(_ base: Base, rotate: Bool, generator: inout Xoshiro256StarStar) {
        let d = base.dimension
        self.base = base
        anchor = base.constants.minimizer ?? [Double](repeating: 0, count: d)
        let radius = Self.shiftRadius
        center = anchor.map { $0 + generator.nextDouble(in: -radius, radius) }
        rotation = rotate ? RandomOrthogonalMatrix.make(dimension: d, using: &generator) : nil
    }

    public var dimension: Int { base.dimension }
    public var startingPoint: [Double] { base.startingPoint }
    public var constants: ObjectiveConstants {
        var known = base.constants
        known.minimizer = base.constants.minimizer == nil ? nil : center
        known.saddleValue = nil
        return known
    }

    /// y = x*_f + R(x − x*_g).
    func inner(_ x: [Double]) -> [Double] {
        let d = dimension
        guard let rotation else { return (0..<d).map { anchor[$0] + (x[$0] - center[$0]) } }
        var y = anchor
        for i in 0..<d {
            var total = 0.0
            for j in 0..<d { total += rotation[i * d + j] * (x[j] - center[j]) }
            y[i] += total
        }
        return y
    }

    /// Rᵀu into `result`.
    func pullBack(_ u: [Double], into result: inout [Double]) {
        let d = dimension
        guard let rotation else {
            for i in 0..<d { result[i] = u[i] }
            return
        }
        for j in 0..<d { result[j] = 0 }
        for i in 0..<d {
            let ui = u[i]
            for j in 0..<d { result[j] += rotation[i * d + j] * ui }
        }
    }

    public func value(at x: [Double]) -> Double { base.value(at: inner(x)) }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        var inside = [Double](repeating: 0, count: dimension)
        let f = base.evaluate(at: inner(x), gradient: &inside)
        pullBack(inside, into: &gradient)
        return f
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let d = dimension
        var direction = v
        if let rotation {
            for i in 0..<d {
                var total = 0.0
                for j in 0..<d { total += rotation[i * d + j] * v[j] }
                direction[i] = total
            }
        }
        var inside = [Double](repeating: 0, count: d)
        base.hessianVectorProduct(at: inner(x), vector: direction, result: &inside)
        pullBack(inside, into: &result)
    }
}
