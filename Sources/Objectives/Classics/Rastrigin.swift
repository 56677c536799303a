#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Rastrigin function in n dimensions (reference §C.2): f = 10n + Σ(xᵢ² − 10cos(2πxᵢ)).
///
/// ∂ᵢf = 2xᵢ + 20π·sin(2πxᵢ); ∇²f = diag(2 + 40π²cos(2πxᵢ)), so every Hessian eigenvalue lies in
/// [2 − 40π², 2 + 40π²] and L = 2 + 40π² is an exact global smoothness constant (attained at the
/// integers). Global minimiser 0, f* = 0; very many local minima near the integer lattice. The start
/// is drawn uniformly from the usual domain [−5.12, 5.12]ⁿ with the problem generator.
public struct Rastrigin: Objective {
    public let dimension: Int
    public let startingPoint: [Double]

    public init(dimension: Int, startingPoint: [Double]) {
        self.dimension = dimension
        self.startingPoint = startingPoint
    }

    public var constants: ObjectiveConstants {
        ObjectiveConstants(
            optimalValue: 0, minimizer: [Double](repeating: 0, count: dimension),
            smoothness: 2 + 40 * Double.pi * Double.pi)
    }

    public func value(at x: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            var sum = 10 * Double(x.count)
            for xi in x { sum += xi * xi - 10 * cos(2 * Double.pi * xi) }
            return sum
        }
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            gradient.withUnsafeMutableBufferPointer { g in
                var sum = 10 * Double(x.count)
                for i in 0..<x.count {
                    let xi = x[i], angle = 2 * Double.pi * xi
                    sum += xi * xi - 10 * cos(angle)
                    g[i] = 2 * xi + 20 * Double.pi * sin(angle)
                }
                return sum
            }
        }
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for i in 0..<dimension { result[i] = (2 + 40 * Double.pi * Double.pi * cos(2 * Double.pi * x[i])) * v[i] }
    }

    public func hessian(at x: [Double], into hessian: inout [Double]) {
        let d = dimension
        for k in 0..<(d * d) { hessian[k] = 0 }
        for i in 0..<d { hessian[i * d + i] = 2 + 40 * Double.pi * Double.pi * cos(2 * Double.pi * x[i]) }
    }
}
