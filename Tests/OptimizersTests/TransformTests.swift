import Foundation
import Optimizers
import Testing

/// One-step and closed-form checks of single transformations.
@Suite struct TransformTests {
    func apply<T: GradientTransformation>(_ transform: T, _ gradients: [[Double]], parameters: [Double]) -> (
        [Double], T.State
    ) {
        var state = transform.initialState(parameters: parameters)
        var u: [Double] = []
        for g in gradients {
            u = g
            transform.update(&u, state: &state, parameters: parameters)
        }
        return (u, state)
    }

    /// torch: the first buffer is g₁, undampened; afterwards b = μb + (1 − τ)g (reference §A.1).
    @Test func traceMomentumStartsWithTheGradient() {
        let (first, _) = apply(TraceMomentum(momentum: 0.9, dampening: 0.5), [[2, -4]], parameters: [0, 0])
        #expect(first == [2, -4])
        let (second, _) = apply(TraceMomentum(momentum: 0.9, dampening: 0.5), [[2, -4], [1, 1]], parameters: [0, 0])
        let expectedSecond: [Double] = [0.9 * 2 + 0.5 * 1, 0.9 * -4 + 0.5 * 1]
        #expect(second == expectedSecond)
        let (nesterov, _) = apply(TraceMomentum(momentum: 0.9, nesterov: true), [[2, -4]], parameters: [0, 0])
        let expectedNesterov: [Double] = [2 + 0.9 * 2, -4 + 0.9 * -4]
        #expect(nesterov == expectedNesterov)
    }

    /// After one step the bias corrections make m̂ = g and v̂ = g², so u = g/(|g| + ε).
    @Test func adamFirstStepIsSignLike() {
        let (u, _) = apply(ScaleByAdam(epsilon: 1e-8), [[3, -0.5]], parameters: [0, 0])
        #expect(abs(u[0] - 3 / (3 + 1e-8)) <= 1e-15 && abs(u[1] + 0.5 / (0.5 + 1e-8)) <= 1e-15)
    }

    /// torch AMSGrad keeps the max of the raw v; optax the max of v̂ (reference §A.5).
    @Test func amsgradConventions() {
        let gradients: [[Double]] = [[10], [0.1]]
        let (_, torch) = apply(ScaleByAdam(amsgrad: true), gradients, parameters: [0])
        let v1 = 0.001 * 100.0, v2 = 0.999 * v1 + 0.001 * 0.01
        #expect(abs(torch.maxSecondMoment[0] - max(v1, v2)) <= 1e-15 * max(v1, v2))
        let (_, optax) = apply(ScaleByAMSGradOptax(), gradients, parameters: [0])
        let corrected1 = v1 / 0.001, corrected2 = v2 / (1 - 0.999 * 0.999)
        #expect(abs(optax.maxCorrectedSecondMoment[0] - max(corrected1, corrected2)) <= 1e-13)
    }

    /// torch Adagrad: ε outside the root and lr_decay from the second step; optax: ε inside, G₀ = 0.1.
    @Test func adagradConventions() {
        let (torch, _) = apply(ScaleByAdagrad(learningRateDecay: 0.5), [[2], [2]], parameters: [0])
        #expect(abs(torch[0] - 2 / (8.0.squareRoot() + 1e-10) / 1.5) <= 1e-15)
        let (optax, _) = apply(ScaleByRSS(), [[2]], parameters: [0])
        #expect(abs(optax[0] - 2 / (4.1 + 1e-7).squareRoot()) <= 1e-15)
        let (zero, _) = apply(ScaleByRSS(initialAccumulatorValue: 0), [[0]], parameters: [0])
        #expect(zero == [0])
    }

    /// Dozat's schedule in torch NAdam: μ₁ = 0.45007347359129607, μ₂ = 0.4501469351862175 [run] (§A.8).
    @Test func nadamMomentumSchedule() {
        let (_, one) = apply(ScaleByNAdam(), [[1]], parameters: [0])
        #expect(abs(one.momentumProduct - 0.45007347359129607) <= 1e-16)
        let (_, two) = apply(ScaleByNAdam(), [[1], [1]], parameters: [0])
        #expect(abs(two.momentumProduct - 0.45007347359129607 * 0.4501469351862175) <= 1e-16)
    }

    /// Lion: sign(0) = 0; AdaBelief: ε_root accumulates, s_t = ε_root·(1 − β₂^t)/(1 − β₂) under zero gradients.
    @Test func lionAndAdaBeliefEdgeCases() {
        let (lion, _) = apply(ScaleByLion(), [[0, 2, -3]], parameters: [0, 0, 0])
        #expect(lion == [0, 1, -1])
        // jnp.sign: ±1, and ±0 and NaN (its payload too) unchanged; bit for bit.
        let values: [Double] = [
            0, -0.0, .nan, -.nan, Double(nan: 5, signaling: false), .infinity, -.infinity,
            .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1e-300, -2.5, 3, .greatestFiniteMagnitude,
        ]
        for c in values {
            let expected = c > 0 ? 1 : (c < 0 ? -1 : c)
            #expect(ScaleByLion.sign(c).bitPattern == expected.bitPattern, "sign(\(c))")
        }
        let steps = 50
        let (_, belief) = apply(
            ScaleByAdaBelief(epsilonRoot: 1e-16), Array(repeating: [0.0], count: steps), parameters: [0])
        let expected = 1e-16 * (1 - pow(0.999, Double(steps))) / (1 - 0.999)
        #expect(abs(belief.belief[0] - expected) <= 1e-12 * expected)
    }

    /// Coupled decay before the moments vs decoupled decay after them (AdamW): u = −η(adam + λθ).
    @Test func decayedWeightsPlacement() {
        let theta = [2.0]
        let (coupled, _) = apply(Chain(AddDecayedWeights(0.5), ScaleByLearningRate(0.1)), [[1]], parameters: theta)
        let expectedCoupled: Double = -0.1 * (1 + 0.5 * 2)
        #expect(coupled == [expectedCoupled])
        let (decoupled, _) = apply(
            Chain(ScaleByAdam(), Chain(AddDecayedWeights(0.5), ScaleByLearningRate(0.1))), [[1]], parameters: theta)
        let expectedDecoupled: Double = -0.1 * (1 / (1 + 1e-8) + 0.5 * 2)
        #expect(abs(decoupled[0] - expectedDecoupled) <= 1e-15)
    }

    /// RMSprop momentum: torch keeps g/a in the buffer, optax keeps −η·g/a; equal at a constant lr.
    @Test func rmspropMomentumBeforeAndAfterTheLearningRate() {
        let gradients: [[Double]] = [[1], [2], [-1]]
        let (torch, _) = apply(
            Chain(ScaleByRMSProp(momentum: 0.9), ScaleByLearningRate(0.01)), gradients, parameters: [0])
        let (optax, _) = apply(
            Chain(
                ScaleByRMSOptax(decay: 0.99, epsilonInSquareRoot: false),
                Chain(ScaleByLearningRate(0.01), TraceMomentum(momentum: 0.9))),
            gradients, parameters: [0])
        #expect(abs(torch[0] - optax[0]) <= 1e-15)
        let (torchScheduled, _) = apply(
            Chain(ScaleByRMSProp(momentum: 0.9), ScaleByLearningRate(GeometricDecay(initial: 0.01, factor: 0.5))),
            gradients,
            parameters: [0])
        let (optaxScheduled, _) = apply(
            Chain(
                ScaleByRMSOptax(decay: 0.99, epsilonInSquareRoot: false),
                Chain(ScaleByLearningRate(GeometricDecay(initial: 0.01, factor: 0.5)), TraceMomentum(momentum: 0.9))),
            gradients, parameters: [0])
        #expect(abs(torchScheduled[0] - optaxScheduled[0]) > 1e-4)
    }
}
