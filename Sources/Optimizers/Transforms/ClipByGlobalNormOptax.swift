import LinearAlgebra
import Objectives

/// Gradient clipping by the global ℓ₂ norm in optax's convention, `clip_by_global_norm`
/// (google-deepmind/optax:optax/transforms/_clipping.py):
///
///     N = ‖g‖₂;  g unchanged if N < max_norm, else g ← (g/N)·max_norm
///
/// No 1e−6: a clipped gradient has norm exactly max_norm. torch's form is ``ClipByGlobalNorm``
/// (reference §A.12).
public struct ClipByGlobalNormOptax: FusedGradientTransformation {
    public var maxNorm: Double

    public init(maxNorm: Double) { self.maxNorm = maxNorm }

    public func initialState(parameters: [Double]) {}

    @inlinable
    public func update(_ updates: inout [Double], state: inout Void, parameters: [Double]) {
        let limit = maxNorm, norm = VectorKernels.norm(updates)
        guard !(norm < limit) else { return }
        updates.withUnsafeMutableBufferPointer { u in
            for i in u.indices { u[i] = (u[i] / norm) * limit }
        }
    }
}
