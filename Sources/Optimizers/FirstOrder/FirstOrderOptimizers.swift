/// The named first-order optimizers as gradient-transformation chains, with torch's names, defaults
/// and order of operations (optax's where the name says so). Each ends with the learning rate:
/// `learningRate` is a ``Schedule`` (a `Double` is a constant one) evaluated at the 0-based update
/// index. Coupled weight decay is an ``AddDecayedWeights`` first in the chain; decoupled (AdamW,
/// Lion) wraps the transform before the learning rate (``DecoupledWeightDecay``). Clipping, when
/// wanted, is chained in front by the caller (``FirstOrderOptimizerCatalog`` does it from the
/// `clip-*` parameters).
public enum FirstOrderOptimizers {
    /// torch `SGD` (pytorch/pytorch:torch/optim/sgd.py): coupled L2, then ``TraceMomentum``.
    public static func sgd<S: Schedule>(
        learningRate: S, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false, weightDecay: Double = 0
    ) -> some FusedGradientTransformation {
        Chain(
            AddDecayedWeights(weightDecay),
            Chain(
                TraceMomentum(momentum: momentum, dampening: dampening, nesterov: nesterov),
                ScaleByLearningRate(learningRate)))
    }

    /// EMA momentum v ← βv + (1 − β)g, then −η·v (``EMAMomentum``).
    public static func momentumEMA<S: Schedule>(learningRate: S, beta: Double = 0.9, weightDecay: Double = 0)
        -> some FusedGradientTransformation
    {
        Chain(AddDecayedWeights(weightDecay), Chain(EMAMomentum(beta: beta), ScaleByLearningRate(learningRate)))
    }

    /// CS231n velocity form v ← μv − ηg, θ ← θ + v (``VelocityMomentum``).
    public static func momentumVelocity<S: Schedule>(learningRate: S, momentum: Double = 0.9, weightDecay: Double = 0)
        -> some FusedGradientTransformation
    {
        Chain(AddDecayedWeights(weightDecay), VelocityMomentum(momentum: momentum, schedule: learningRate))
    }

    /// torch `Adagrad` (pytorch/pytorch:torch/optim/adagrad.py).
    public static func adagrad<S: Schedule>(
        learningRate: S, learningRateDecay: Double = 0, weightDecay: Double = 0, initialAccumulatorValue: Double = 0,
        epsilon: Double = 1e-10
    ) -> some FusedGradientTransformation {
        Chain(
            AddDecayedWeights(weightDecay),
            Chain(
                ScaleByAdagrad(
                    learningRateDecay: learningRateDecay, initialAccumulatorValue: initialAccumulatorValue,
                    epsilon: epsilon),
                ScaleByLearningRate(learningRate)))
    }

    /// optax `adagrad` (google-deepmind/optax:optax/_src/alias.py): ``ScaleByRSS``.
    public static func adagradOptax<S: Schedule>(
        learningRate: S, initialAccumulatorValue: Double = 0.1, epsilon: Double = 1e-7
    ) -> some FusedGradientTransformation {
        Chain(
            ScaleByRSS(initialAccumulatorValue: initialAccumulatorValue, epsilon: epsilon),
            ScaleByLearningRate(learningRate))
    }

    /// torch `RMSprop` (pytorch/pytorch:torch/optim/rmsprop.py): momentum buffer before the lr.
    public static func rmsprop<S: Schedule>(
        learningRate: S, alpha: Double = 0.99, epsilon: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0,
        centered: Bool = false
    ) -> some FusedGradientTransformation {
        Chain(
            AddDecayedWeights(weightDecay),
            Chain(
                ScaleByRMSProp(alpha: alpha, epsilon: epsilon, centered: centered, momentum: momentum),
                ScaleByLearningRate(learningRate)))
    }

    /// optax `rmsprop` (google-deepmind/optax:optax/_src/alias.py): momentum after the lr.
    public static func rmspropOptax<S: Schedule>(
        learningRate: S, decay: Double = 0.9, epsilon: Double = 1e-8, initialScale: Double = 0,
        epsilonInSquareRoot: Bool = true, centered: Bool = false, momentum: Double = 0, nesterov: Bool = false,
        biasCorrection: Bool = false
    ) -> some FusedGradientTransformation {
        Chain(
            ScaleByRMSOptax(
                decay: decay, epsilon: epsilon, initialScale: initialScale, epsilonInSquareRoot: epsilonInSquareRoot,
                centered: centered, biasCorrection: biasCorrection),
            MomentumAfterLearningRate(learningRate, momentum: TraceMomentum(momentum: momentum, nesterov: nesterov)))
    }

    /// torch `Adadelta` (pytorch/pytorch:torch/optim/adadelta.py).
    public static func adadelta<S: Schedule>(
        learningRate: S, rho: Double = 0.9, epsilon: Double = 1e-6, weightDecay: Double = 0
    ) -> some FusedGradientTransformation {
        Chain(
            AddDecayedWeights(weightDecay),
            Chain(ScaleByAdadelta(rho: rho, epsilon: epsilon), ScaleByLearningRate(learningRate)))
    }

    /// torch `Adam` with coupled L2 (pytorch/pytorch:torch/optim/adam.py).
    public static func adam<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0,
        amsgrad: Bool = false, biasCorrection: Bool = true
    ) -> some FusedGradientTransformation {
        Chain(
            AddDecayedWeights(weightDecay),
            Chain(
                ScaleByAdam(
                    beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: amsgrad, biasCorrection: biasCorrection),
                ScaleByLearningRate(learningRate)))
    }

    /// optax `adam` (with `nesterov: true`, optax `nadam`).
    public static func adamOptax<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, epsilonRoot: Double = 0,
        nesterov: Bool = false, biasCorrection: Bool = true
    ) -> some FusedGradientTransformation {
        Chain(
            ScaleByAdamOptax(
                beta1: beta1, beta2: beta2, epsilon: epsilon, epsilonRoot: epsilonRoot, nesterov: nesterov,
                biasCorrection: biasCorrection),
            ScaleByLearningRate(learningRate))
    }

    /// optax `amsgrad` (max of the bias-corrected v̂).
    public static func amsgradOptax<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, epsilonRoot: Double = 0
    ) -> some FusedGradientTransformation {
        Chain(
            ScaleByAMSGradOptax(beta1: beta1, beta2: beta2, epsilon: epsilon, epsilonRoot: epsilonRoot),
            ScaleByLearningRate(learningRate))
    }

    /// torch `AdamW` (pytorch/pytorch:torch/optim/adamw.py): decoupled decay, default λ = 1e−2.
    public static func adamw<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 1e-2,
        amsgrad: Bool = false
    ) -> some FusedGradientTransformation {
        Chain(
            DecoupledWeightDecay(
                ScaleByAdam(beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: amsgrad), weightDecay: weightDecay),
            ScaleByLearningRate(learningRate))
    }

    /// torch `Adamax` (pytorch/pytorch:torch/optim/adamax.py).
    public static func adamax<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0
    ) -> some FusedGradientTransformation {
        Chain(
            AddDecayedWeights(weightDecay),
            Chain(ScaleByAdamax(beta1: beta1, beta2: beta2, epsilon: epsilon), ScaleByLearningRate(learningRate)))
    }

    /// torch `NAdam` (pytorch/pytorch:torch/optim/nadam.py): Dozat's μ-schedule.
    public static func nadam<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0,
        momentumDecay: Double = 4e-3
    ) -> some FusedGradientTransformation {
        Chain(
            AddDecayedWeights(weightDecay),
            Chain(
                ScaleByNAdam(beta1: beta1, beta2: beta2, epsilon: epsilon, momentumDecay: momentumDecay),
                ScaleByLearningRate(learningRate)))
    }

    /// torch `RAdam` (pytorch/pytorch:torch/optim/radam.py).
    public static func radam<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0
    ) -> some FusedGradientTransformation {
        Chain(
            AddDecayedWeights(weightDecay),
            Chain(ScaleByRAdam(beta1: beta1, beta2: beta2, epsilon: epsilon), ScaleByLearningRate(learningRate)))
    }

    /// optax `radam` (google-deepmind/optax:optax/_src/alias.py).
    public static func radamOptax<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, epsilonRoot: Double = 0,
        threshold: Double = 5
    ) -> some FusedGradientTransformation {
        Chain(
            ScaleByRAdamOptax(
                beta1: beta1, beta2: beta2, epsilon: epsilon, epsilonRoot: epsilonRoot, threshold: threshold),
            ScaleByLearningRate(learningRate))
    }

    /// optax `lion` (google-deepmind/optax:optax/_src/alias.py), default λ = 1e−3.
    public static func lion<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.99, weightDecay: Double = 1e-3
    ) -> some FusedGradientTransformation {
        Chain(
            DecoupledWeightDecay(ScaleByLion(beta1: beta1, beta2: beta2), weightDecay: weightDecay),
            ScaleByLearningRate(learningRate))
    }

    /// optax `adabelief` (google-deepmind/optax:optax/_src/alias.py).
    public static func adabelief<S: Schedule>(
        learningRate: S, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-16,
        epsilonRoot: Double = 1e-16
    ) -> some FusedGradientTransformation {
        Chain(
            ScaleByAdaBelief(beta1: beta1, beta2: beta2, epsilon: epsilon, epsilonRoot: epsilonRoot),
            ScaleByLearningRate(learningRate))
    }
}
