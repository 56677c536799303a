/// Weight decay as a transform: u ← u + λ·θ (optax `add_decayed_weights`,
/// google-deepmind/optax:optax/transforms/_adding.py). Where it sits decides the kind of decay:
///
/// * first in the chain, before the moment transform: **coupled L2**, g ← g + λθ, torch's
///   `weight_decay` of SGD, Adam, Adagrad, RMSprop, … (pytorch/pytorch:torch/optim/sgd.py);
/// * after the moment transform, before ``ScaleByLearningRate``: **decoupled**,
///   u = −η(adam + λθ), algebraically torch AdamW's θ ← θ(1 − ηλ) followed by the Adam step
///   (pytorch/pytorch:torch/optim/adamw.py; reference §A.6), and optax `adamw` / `lion`. The named
///   optimizers use ``DecoupledWeightDecay``, the same updates folded into the transform's loop.
///
/// λ = 0 leaves the updates untouched.
public struct AddDecayedWeights: FusedGradientTransformation {
    public var weightDecay: Double

    public init(_ weightDecay: Double) { self.weightDecay = weightDecay }

    public func initialState(parameters: [Double]) {}

    @inlinable
    public func update(_ updates: inout [Double], state: inout Void, parameters: [Double]) {
        guard weightDecay != 0 else { return }
        let lambda = weightDecay
        updates.withUnsafeMutableBufferPointer { u in
            parameters.withUnsafeBufferPointer { p in
                for i in u.indices { u[i] = u[i] + lambda * p[i] }
            }
        }
    }

    /// θᵢ ← θᵢ + s·(uᵢ + λθᵢ) in one loop (decoupled decay, the step's last pass), the same bits as `update`
    /// followed by the addition.
    @inlinable
    public func apply(
        _ updates: inout [Double], state: inout Void, scaledBy factor: Double, to parameters: inout [Double]
    ) {
        let lambda = weightDecay
        guard lambda != 0 else { return addScaledUpdates(updates, factor, to: &parameters) }
        updates.withUnsafeBufferPointer { u in
            parameters.withUnsafeMutableBufferPointer { p in
                for i in p.indices { p[i] += factor * (u[i] + lambda * p[i]) }
            }
        }
    }
}
