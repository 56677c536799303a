/// A saddle of index k in d dimensions, bounded below (reference §C.3, in the spirit of Dauphin et
/// al. 2014): f(x) = Σᵢ φᵢ(yᵢ) with y = Qᵀx, φᵢ(y) = ½λᵢy² + ¼cᵢy⁴, cᵢ = 1 where λᵢ < 0 and 0 otherwise.
///
/// ∇f = Q·φ'(y) with φ'ᵢ = λᵢyᵢ + cᵢyᵢ³; ∇²f = Q·diag(λᵢ + 3cᵢyᵢ²)·Qᵀ. The origin is a strict saddle
/// with value 0, Hessian QΛQᵀ and index #{λᵢ < 0}. Minima: yᵢ = ±√(−λᵢ) on the negative coordinates,
/// 0 elsewhere, f* = −Σ_{λᵢ<0} λᵢ²/4; ``constants`` reports the one with all signs +.
/// Q = I (axis-aligned, O(d)) or a Haar rotation (O(d²): per coordinate one dot product yᵢ = qᵢᵀx and
/// one update ∇f += φ'ᵢ·qᵢ, so no scratch vector is needed). Du et al. 2017 ("octopus") build a
/// landscape on which gradient descent needs exponential time to escape; it is cited, not replicated.
/// No global L (the quartic has unbounded curvature).
public struct IndexSaddle: Objective {
    /// λᵢ, the Hessian's eigenvalues at the saddle.
    public let eigenvalues: [Double]
    /// cᵢ ∈ {0, 1}: the quartic weight of each coordinate.
    let quarticWeights: [Double]
    /// The columns qᵢ of Q stored as rows (that is, Qᵀ row-major); empty when Q = I.
    public let basis: [Double]
    public let startingPoint: [Double]
    public let constants: ObjectiveConstants

    /// - Parameters:
    ///   - rotation: Q row-major (d×d, orthogonal), or nil for Q = I.
    public init(eigenvalues: [Double], rotation q: [Double]?, startingPoint: [Double]) {
        let d = eigenvalues.count
        self.eigenvalues = eigenvalues
        quarticWeights = eigenvalues.map { $0 < 0 ? 1 : 0 }
        var transposed: [Double] = []
        if let q {
            transposed = [Double](repeating: 0, count: d * d)
            for i in 0..<d { for j in 0..<d { transposed[i * d + j] = q[j * d + i] } }
        }
        basis = transposed
        self.startingPoint = startingPoint
        let yStar = eigenvalues.map { $0 < 0 ? (-$0).squareRoot() : 0 }
        var xStar = yStar
        if !transposed.isEmpty {
            for j in 0..<d {
                var sum = 0.0
                for i in 0..<d { sum += yStar[i] * transposed[i * d + j] }
                xStar[j] = sum
            }
        }
        let optimal = eigenvalues.reduce(0.0) { $1 < 0 ? $0 - $1 * $1 / 4 : $0 }
        constants = ObjectiveConstants(optimalValue: optimal, minimizer: xStar, saddleValue: 0)
    }

    public var dimension: Int { eigenvalues.count }
    /// The number of negative eigenvalues at the saddle.
    public var index: Int { quarticWeights.reduce(0) { $0 + Int($1) } }

    public func value(at x: [Double]) -> Double {
        let d = dimension
        return x.withUnsafeBufferPointer { x in
            basis.withUnsafeBufferPointer { basis in
                var sum = 0.0
                for i in 0..<d {
                    var y = x[i]
                    if !basis.isEmpty {
                        y = 0
                        for j in 0..<d { y += basis[i * d + j] * x[j] }
                    }
                    let y2 = y * y
                    sum += y2 * (0.5 * eigenvalues[i] + 0.25 * quarticWeights[i] * y2)
                }
                return sum
            }
        }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        let d = dimension
        return x.withUnsafeBufferPointer { x in
            eigenvalues.withUnsafeBufferPointer { lambda in
                quarticWeights.withUnsafeBufferPointer { c in
                    gradient.withUnsafeMutableBufferPointer { g in
                        var sum = 0.0
                        if basis.isEmpty {
                            for i in 0..<d {
                                let y = x[i], y2 = y * y
                                sum += y2 * (0.5 * lambda[i] + 0.25 * c[i] * y2)
                                g[i] = y * (lambda[i] + c[i] * y2)
                            }
                            return sum
                        }
                        return basis.withUnsafeBufferPointer { basis in
                            for j in 0..<d { g[j] = 0 }
                            for i in 0..<d {
                                let row = basis.baseAddress.unsafelyUnwrapped + i * d
                                var y = 0.0
                                for j in 0..<d { y += row[j] * x[j] }
                                let y2 = y * y
                                sum += y2 * (0.5 * lambda[i] + 0.25 * c[i] * y2)
                                let slope = y * (lambda[i] + c[i] * y2)
                                for j in 0..<d { g[j] += slope * row[j] }
                            }
                            return sum
                        }
                    }
                }
            }
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let d = dimension
        if basis.isEmpty {
            for i in 0..<d { result[i] = (eigenvalues[i] + 3 * quarticWeights[i] * x[i] * x[i]) * v[i] }
            return
        }
        basis.withUnsafeBufferPointer { basis in
            result.withUnsafeMutableBufferPointer { out in
                for j in 0..<d { out[j] = 0 }
                for i in 0..<d {
                    let row = basis.baseAddress.unsafelyUnwrapped + i * d
                    var y = 0.0, w = 0.0
                    for j in 0..<d {
                        y += row[j] * x[j]
                        w += row[j] * v[j]
                    }
                    let weight = (eigenvalues[i] + 3 * quarticWeights[i] * y * y) * w
                    for j in 0..<d { out[j] += weight * row[j] }
                }
            }
        }
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let d = dimension
        for k in 0..<(d * d) { hessian[k] = 0 }
        if basis.isEmpty {
            for i in 0..<d { hessian[i * d + i] = eigenvalues[i] + 3 * quarticWeights[i] * x[i] * x[i] }
            return
        }
        for i in 0..<d {
            var y = 0.0
            for j in 0..<d { y += basis[i * d + j] * x[j] }
            let curvature = eigenvalues[i] + 3 * quarticWeights[i] * y * y
            for r in 0..<d {
                let scaled = curvature * basis[i * d + r]
                for s in r..<d { hessian[r * d + s] += scaled * basis[i * d + s] }
            }
        }
        for r in 0..<d { for s in 0..<r { hessian[r * d + s] = hessian[s * d + r] } }
    }
}
