import LinearAlgebra

/// A saddle of index k in d dimensions, bounded below (reference §C.3, in the spirit of Dauphin et
/// al. 2014): f(x) = Σᵢ φᵢ(yᵢ) with y = Qᵀx, φᵢ(y) = ½λᵢy² + ¼cᵢy⁴, cᵢ = 1 where λᵢ < 0 and 0 otherwise.
///
/// Equivalently f = ½xᵀAx + ¼Σ_{λᵢ<0}(qᵢᵀx)⁴ with A = QΛQᵀ, so ∇f = Ax + Σ_{λᵢ<0}(qᵢᵀx)³qᵢ and
/// ∇²f = A + Σ_{λᵢ<0} 3(qᵢᵀx)²qᵢqᵢᵀ. The origin is a strict saddle with value 0, Hessian A and index
/// #{λᵢ < 0}. Minima: yᵢ = ±√(−λᵢ) on the negative coordinates, 0 elsewhere, f* = −Σ_{λᵢ<0} λᵢ²/4;
/// ``constants`` reports the one with all signs +. Q = I (axis-aligned, O(d)) or a Haar rotation
/// (dense A times x as in ``DenseQuadratic``, plus O(k·d) for the quartic directions). Du et al.
/// 2017 ("octopus") build a landscape on which gradient descent needs exponential time to escape; it
/// is cited, not replicated. No global L (the quartic has unbounded curvature).
public struct IndexSaddle: Objective {
    /// λᵢ, the Hessian's eigenvalues at the saddle.
    public let eigenvalues: [Double]
    /// cᵢ ∈ {0, 1}: the quartic weight of each axis-aligned coordinate.
    let quarticWeights: [Double]
    /// A = QΛQᵀ row-major (exactly symmetric); empty when Q = I.
    let matrix: [Double]
    /// The columns qᵢ of Q with λᵢ < 0, stored as the rows of a k×d matrix; empty when Q = I.
    let negativeDirections: [Double]
    public let dimension: Int
    public let startingPoint: [Double]
    public let constants: ObjectiveConstants

    /// - Parameters:
    ///   - rotation: Q row-major (d×d, orthogonal), or nil for Q = I.
    public init(eigenvalues: [Double], rotation q: [Double]?, startingPoint: [Double]) {
        let d = eigenvalues.count
        self.eigenvalues = eigenvalues
        dimension = d
        quarticWeights = eigenvalues.map { $0 < 0 ? 1 : 0 }
        self.startingPoint = startingPoint
        let yStar = eigenvalues.map { $0 < 0 ? (-$0).squareRoot() : 0 }
        var xStar = yStar
        var a: [Double] = [], directions: [Double] = []
        if let q {
            a = SymmetricProducts.rotatedDiagonal(rotation: q, eigenvalues: eigenvalues)
            for k in 0..<d where eigenvalues[k] < 0 {
                for j in 0..<d { directions.append(q[j * d + k]) }
            }
            for j in 0..<d {
                var sum = 0.0
                for k in 0..<d { sum += q[j * d + k] * yStar[k] }
                xStar[j] = sum
            }
        }
        matrix = a
        negativeDirections = directions
        let optimal = eigenvalues.reduce(0.0) { $1 < 0 ? $0 - $1 * $1 / 4 : $0 }
        constants = ObjectiveConstants(optimalValue: optimal, minimizer: xStar, saddleValue: 0)
    }

    /// The number of negative eigenvalues at the saddle.
    public var index: Int { eigenvalues.reduce(0) { $1 < 0 ? $0 + 1 : $0 } }
    /// The number of rows of ``negativeDirections`` (k when rotated, 0 when axis-aligned).
    var negativeCount: Int { dimension == 0 ? 0 : negativeDirections.count / dimension }

    public func value(at x: [Double]) -> Double {
        let d = dimension
        if matrix.isEmpty {
            var sum = 0.0
            for i in 0..<d {
                let y = x[i], y2 = y * y
                sum += y2 * (0.5 * eigenvalues[i] + 0.25 * quarticWeights[i] * y2)
            }
            return sum
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: d) { scratch in
            let product = scratch.baseAddress.unsafelyUnwrapped
            return x.withUnsafeBufferPointer { x in
                let xBase = x.baseAddress.unsafelyUnwrapped
                matrix.withUnsafeBufferPointer { a in
                    DenseMatrixKernel.multiply(a.baseAddress.unsafelyUnwrapped, dimension: d, xBase, into: product)
                }
                var quadratic = 0.0
                for i in 0..<d { quadratic += x[i] * product[i] }
                return 0.5 * quadratic + quarticValue(xBase)
            }
        }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        let d = dimension
        return x.withUnsafeBufferPointer { x in
            gradient.withUnsafeMutableBufferPointer { g in
                if matrix.isEmpty {
                    return eigenvalues.withUnsafeBufferPointer { lambda in
                        quarticWeights.withUnsafeBufferPointer { c in
                            var sum = 0.0
                            for i in 0..<d {
                                let y = x[i], y2 = y * y
                                sum += y2 * (0.5 * lambda[i] + 0.25 * c[i] * y2)
                                g[i] = y * (lambda[i] + c[i] * y2)
                            }
                            return sum
                        }
                    }
                }
                let xBase = x.baseAddress.unsafelyUnwrapped, out = g.baseAddress.unsafelyUnwrapped
                matrix.withUnsafeBufferPointer { a in
                    DenseMatrixKernel.multiply(a.baseAddress.unsafelyUnwrapped, dimension: d, xBase, into: out)
                }
                var quadratic = 0.0
                for i in 0..<d { quadratic += x[i] * out[i] }
                var quartic = 0.0
                negativeDirections.withUnsafeBufferPointer { directions in
                    for k in 0..<negativeCount {
                        let q = directions.baseAddress.unsafelyUnwrapped + k * d
                        var y = 0.0
                        for j in 0..<d { y += q[j] * xBase[j] }
                        let y2 = y * y
                        quartic += 0.25 * y2 * y2
                        let slope = y2 * y
                        for j in 0..<d { out[j] += slope * q[j] }
                    }
                }
                return 0.5 * quadratic + quartic
            }
        }
    }

    /// ¼Σ_{λᵢ<0}(qᵢᵀx)⁴ for the rotated form.
    func quarticValue(_ x: UnsafePointer<Double>) -> Double {
        let d = dimension
        var sum = 0.0
        for k in 0..<negativeCount {
            var y = 0.0
            for j in 0..<d { y += negativeDirections[k * d + j] * x[j] }
            let y2 = y * y
            sum += 0.25 * y2 * y2
        }
        return sum
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let d = dimension
        if matrix.isEmpty {
            for i in 0..<d { result[i] = (eigenvalues[i] + 3 * quarticWeights[i] * x[i] * x[i]) * v[i] }
            return
        }
        matrix.withUnsafeBufferPointer { a in
            v.withUnsafeBufferPointer { v in
                result.withUnsafeMutableBufferPointer { out in
                    DenseMatrixKernel.multiply(
                        a.baseAddress.unsafelyUnwrapped, dimension: d, v.baseAddress.unsafelyUnwrapped,
                        into: out.baseAddress.unsafelyUnwrapped)
                }
            }
        }
        for k in 0..<negativeCount {
            var y = 0.0, w = 0.0
            for j in 0..<d {
                y += negativeDirections[k * d + j] * x[j]
                w += negativeDirections[k * d + j] * v[j]
            }
            let weight = 3 * y * y * w
            for j in 0..<d { result[j] += weight * negativeDirections[k * d + j] }
        }
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let d = dimension
        if matrix.isEmpty {
            for k in 0..<(d * d) { hessian[k] = 0 }
            for i in 0..<d { hessian[i * d + i] = eigenvalues[i] + 3 * quarticWeights[i] * x[i] * x[i] }
            return
        }
        for k in 0..<(d * d) { hessian[k] = matrix[k] }
        for k in 0..<negativeCount {
            var y = 0.0
            for j in 0..<d { y += negativeDirections[k * d + j] * x[j] }
            let weight = 3 * y * y
            for r in 0..<d {
                let scaled = weight * negativeDirections[k * d + r]
                for s in r..<d { hessian[r * d + s] += scaled * negativeDirections[k * d + s] }
            }
        }
        for r in 0..<d { for s in 0..<r { hessian[r * d + s] = hessian[s * d + r] } }
    }
}
