import Foundation

/// Adagrad in torch's convention (pytorch/pytorch:torch/optim/adagrad.py; Duchi et al. 2011):
///
///     G₀ = initial_accumulator_value,  G_t = G_{t−1} + g_t²
///     u = g_t / (√G_t + ε) / (1 + (t − 1)·lr_decay)      (t 1-based: the first step is not decayed)
///
/// ε sits **outside** the square root. Defaults: lr_decay 0, initial_accumulator_value 0, ε 1e−10.
/// Follow with ``ScaleByLearningRate`` (torch default lr 1e−2); torch's coupled weight decay is an
/// ``AddDecayedWeights`` before it. optax's variant is ``ScaleByRSS``. Reference §A.2.
public struct ScaleByAdagrad: CoordinatewiseTransformation {
    public struct State: Sendable {
        public var sumOfSquares: [Double]
        public var step = 0
    }

    public var learningRateDecay: Double
    public var initialAccumulatorValue: Double
    public var epsilon: Double

    public init(learningRateDecay: Double = 0, initialAccumulatorValue: Double = 0, epsilon: Double = 1e-10) {
        self.learningRateDecay = learningRateDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
    }

    public func initialState(parameters: [Double]) -> State {
        State(sumOfSquares: [Double](repeating: initialAccumulatorValue, count: parameters.count))
    }

    @inlinable
    public func step(
        _ updates: inout [Double], state: inout State, applyingTo target: UnsafeMutableBufferPointer<Double>?,
        factor: Double
    ) {
        state.step += 1
        let decay = 1 / (1 + Double(state.step - 1) * learningRateDecay)
        let eps = epsilon
        func quotient(_ g: Double, _ s: inout Double) -> Double {
            s = s + g * g
            return g / (s.squareRoot() + eps)
        }
        if decay == 1 {
            // lr_decay = 0 (the default), or the first step: the multiplication by exactly 1 is left out.
            CoordinateLoop.run(&updates, &state.sumOfSquares, applyingTo: target, factor: factor) { g, s in
                quotient(g, &s)
            }
        } else {
            CoordinateLoop.run(&updates, &state.sumOfSquares, applyingTo: target, factor: factor) { g, s in
                decay * quotient(g, &s)
            }
        }
    }
}
