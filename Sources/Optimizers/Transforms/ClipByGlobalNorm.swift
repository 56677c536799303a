import LinearAlgebra
import Objectives

/// Gradient clipping by the global ℓ₂ norm in torch's convention,
/// `torch.nn.utils.clip_grad_norm_` (pytorch/pytorch:torch/nn/utils/clip_grad.py):
///
///     N = ‖g‖₂,  c = min(max_norm / (N + 1e−6), 1),  g ← c·g   (always multiplied, also when c = 1)
///
/// When it clips, the result has norm max_norm·N/(N + 1e−6), slightly below max_norm. Placed first
/// in a chain (torch clips between `backward()` and `step()`). No default for max_norm.
/// optax's exact form is ``ClipByGlobalNormOptax`` (reference §A.12).
public struct ClipByGlobalNorm: FusedGradientTransformation {
    public var maxNorm: Double

    public init(maxNorm: Double) { self.maxNorm = maxNorm }

    public func initialState(parameters: [Double]) {}

    @inlinable
    public func update(_ updates: inout [Double], state: inout Void, parameters: [Double]) {
        let coefficient = min(maxNorm / (VectorKernels.norm(updates) + 1e-6), 1.0)
        updates.withUnsafeMutableBufferPointer { u in
            for i in u.indices { u[i] = u[i] * coefficient }
        }
    }
}
