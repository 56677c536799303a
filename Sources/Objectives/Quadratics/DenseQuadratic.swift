import LinearAlgebra

/// f(x) = ½(x − x*)ᵀA(x − x*) with a dense symmetric A = Q·diag(λ)·Qᵀ stored row-major (reference
/// §C.5): ∇f = A(x − x*), ∇²f = A, f* = 0, L = λ_max, μ = λ_min (the spectrum as requested; the
/// eigenvalues of the stored A differ from it only by rounding, O(ε·d·L)).
///
/// The residual r = x − x* is formed once per call in a stack buffer, then A·r is one pass over A
/// (``DenseMatrixKernel``); forming A·x − A·x* instead would cancel catastrophically near x*.
public struct DenseQuadratic: Objective {
    /// A, row-major d×d, exactly symmetric.
    public let matrix: [Double]
    /// The requested spectrum λ (ascending), whose extremes are the constants L and μ.
    public let eigenvalues: [Double]
    public let minimizer: [Double]
    public let startingPoint: [Double]
    public let constants: ObjectiveConstants
    public let dimension: Int

    /// A = Q·diag(λ)·Qᵀ for an orthogonal row-major `rotation` Q (``SymmetricProducts/rotatedDiagonal``:
    /// blocked, exactly symmetric).
    public init(eigenvalues: [Double], rotation q: [Double], minimizer: [Double], startingPoint: [Double]) {
        let d = eigenvalues.count
        let a = SymmetricProducts.rotatedDiagonal(rotation: q, eigenvalues: eigenvalues)
        matrix = a
        self.eigenvalues = eigenvalues
        self.minimizer = minimizer
        self.startingPoint = startingPoint
        dimension = d
        constants = ObjectiveConstants(
            optimalValue: 0, minimizer: minimizer, smoothness: eigenvalues.max(), strongConvexity: eigenvalues.min())
    }

    public func value(at x: [Double]) -> Double {
        let d = dimension
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * d) { scratch in
            let base = scratch.baseAddress.unsafelyUnwrapped
            let residual = base, product = base + d
            for i in 0..<d { residual[i] = x[i] - minimizer[i] }
            matrix.withUnsafeBufferPointer { a in
                DenseMatrixKernel.multiply(a.baseAddress.unsafelyUnwrapped, dimension: d, residual, into: product)
            }
            var sum = 0.0
            for i in 0..<d { sum += residual[i] * product[i] }
            return 0.5 * sum
        }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        let d = dimension
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: d) { scratch in
            let residual = scratch.baseAddress.unsafelyUnwrapped
            x.withUnsafeBufferPointer { x in
                minimizer.withUnsafeBufferPointer { center in
                    for i in 0..<d { residual[i] = x[i] - center[i] }
                }
            }
            return matrix.withUnsafeBufferPointer { a in
                gradient.withUnsafeMutableBufferPointer { g in
                    let out = g.baseAddress.unsafelyUnwrapped
                    DenseMatrixKernel.multiply(a.baseAddress.unsafelyUnwrapped, dimension: d, residual, into: out)
                    var sum = 0.0
                    for i in 0..<d { sum += residual[i] * out[i] }
                    return 0.5 * sum
                }
            }
        }
    }

    /// ∇f = A(x − x*) alone: bitwise the gradient `evaluate` writes, without the dot product for f.
    public func gradient(at x: [Double], into gradient: inout [Double]) {
        let d = dimension
        withUnsafeTemporaryAllocation(of: Double.self, capacity: d) { scratch in
            let residual = scratch.baseAddress.unsafelyUnwrapped
            x.withUnsafeBufferPointer { x in
                minimizer.withUnsafeBufferPointer { center in
                    for i in 0..<d { residual[i] = x[i] - center[i] }
                }
            }
            matrix.withUnsafeBufferPointer { a in
                gradient.withUnsafeMutableBufferPointer { g in
                    DenseMatrixKernel.multiply(
                        a.baseAddress.unsafelyUnwrapped, dimension: d, residual, into: g.baseAddress.unsafelyUnwrapped)
                }
            }
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        let d = dimension
        matrix.withUnsafeBufferPointer { a in
            v.withUnsafeBufferPointer { v in
                result.withUnsafeMutableBufferPointer { out in
                    DenseMatrixKernel.multiply(
                        a.baseAddress.unsafelyUnwrapped, dimension: d, v.baseAddress.unsafelyUnwrapped,
                        into: out.baseAddress.unsafelyUnwrapped)
                }
            }
        }
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        for i in 0..<matrix.count { hessian[i] = matrix[i] }
    }
}

extension DenseQuadratic {
    /// f is exactly quadratic (constant Hessian).
    public var isQuadratic: Bool { true }
}
