/// Elementwise gradient clipping: g_i ← min(max(g_i, −c), c). Identical in torch
/// (`torch.nn.utils.clip_grad_value_`, pytorch/pytorch:torch/nn/utils/clip_grad.py) and optax
/// (`clip`, google-deepmind/optax:optax/transforms/_clipping.py). No default for c (reference §A.12).
public struct ClipByValue: FusedGradientTransformation {
    public var maxValue: Double

    public init(maxValue: Double) { self.maxValue = maxValue }

    public func initialState(parameters: [Double]) {}

    @inlinable
    public func update(_ updates: inout [Double], state: inout Void, parameters: [Double]) {
        let c = maxValue
        updates.withUnsafeMutableBufferPointer { u in
            for i in u.indices { u[i] = min(max(u[i], -c), c) }
        }
    }
}
