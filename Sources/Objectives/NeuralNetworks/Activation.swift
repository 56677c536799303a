import LinearAlgebra

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The elementwise nonlinearity σ of the hidden layers, with σ' and σ'' for back-propagation and
/// the R-operator (Pearlmutter 1994).
///
/// - `tanh`: σ = tanh z, σ' = 1 − σ², σ'' = −2σ(1 − σ²); tanh is ``VectorTanh`` (Cephes' method, within
///   1.5 ulp, the same bits on every kernel path and machine), not the C library's.
/// - `relu`: σ = max(z, 0), σ' = [z > 0] (0 at z = 0, as `torch.relu`'s backward), σ'' = 0.
/// - `gelu`: the exact form of Hendrycks & Gimpel (2016) and `torch.nn.GELU()` (not the tanh
///   approximation): σ = zΦ(z), σ' = Φ(z) + zϕ(z), σ'' = ϕ(z)(2 − z²), with Φ(z) = ½(1 + erf(z/√2))
///   and ϕ(z) = e^(−z²/2)/√(2π).
public enum Activation: String, Sendable, CaseIterable {
    case tanh
    case relu
    case gelu

    /// σ(z).
    @inline(__always)
    public func value(_ z: Double) -> Double {
        switch self {
        case .tanh: return VectorTanh.value(z)
        case .relu: return z > 0 ? z : 0
        case .gelu: return z * Activation.normalCDF(z)
        }
    }

    /// a[i] = σ(z[i]) for i in 0..<count, the same bits as ``value(_:)``; tanh four lanes at a time
    /// on the process's ``KernelPath``.
    @inline(__always)
    public func apply(_ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, count: Int) {
        switch self {
        case .tanh: VectorTanh.apply(z, into: a, count: count)
        case .relu: for i in 0..<count { a[i] = z[i] > 0 ? z[i] : 0 }
        case .gelu: for i in 0..<count { a[i] = z[i] * Activation.normalCDF(z[i]) }
        }
    }

    /// σ'(z), given z and a = σ(z).
    @inline(__always)
    public func derivative(_ z: Double, output a: Double) -> Double {
        switch self {
        case .tanh: return 1 - a * a
        case .relu: return z > 0 ? 1 : 0
        case .gelu: return Activation.normalCDF(z) + z * Activation.normalDensity(z)
        }
    }

    /// σ''(z), given z and a = σ(z).
    @inline(__always)
    public func secondDerivative(_ z: Double, output a: Double) -> Double {
        switch self {
        case .tanh: return -2 * a * (1 - a * a)
        case .relu: return 0
        case .gelu: return Activation.normalDensity(z) * (2 - z * z)
        }
    }

    @inline(__always)
    static func normalCDF(_ z: Double) -> Double { 0.5 * (1 + erf(z * 0.70710678118654752440)) }

    @inline(__always)
    static func normalDensity(_ z: Double) -> Double { exp(-0.5 * z * z) * 0.39894228040143267794 }
}
