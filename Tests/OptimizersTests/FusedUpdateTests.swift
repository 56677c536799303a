import Foundation
import Objectives
import Optimizers
import Randomness
import Testing

/// The step-time shortcuts are exact: each is compared bit for bit with the plain computation it
/// replaces, written out here from the formulas (reference §A.5, torch `adam.py`).
@Suite struct FusedUpdateTests {
    /// 1 − βᵗ from ``BiasCorrection`` is `1 - pow(β, t)` at every step, including after it stops
    /// calling `pow`, and it reaches exactly 1 at the first t with βᵗ ≤ 2⁻⁵⁴ (where 1 − βᵗ rounds to 1).
    @Test(arguments: [0.5, 0.9, 0.99, 0.999])
    func biasCorrectionIsOneMinusPowEveryStep(beta: Double) {
        var correction = BiasCorrection(beta: beta)
        var firstUnity: Int?
        for t in 1...50_000 {
            let value = correction.advance(toStep: t)
            #expect(value.bitPattern == (1 - pow(beta, Double(t))).bitPattern, "t = \(t)")
            if value == 1, firstUnity == nil { firstUnity = t }
        }
        let threshold = Foundation.log(0x1p-54) / Foundation.log(beta)
        let expected = Int(threshold.rounded(.up))
        #expect(
            firstUnity.map { abs($0 - expected) <= 1 } ?? false,
            "first t with 1 − βᵗ = 1: \(String(describing: firstUnity)), βᵗ ≤ 2⁻⁵⁴ from t ≈ \(threshold)")
    }

    /// torch Adam (adam.py, single tensor, no amsgrad), every operation as written there, with `pow`
    /// and both divisions at every step: 40 000 steps cross t = 37 412, where ``ScaleByAdam`` starts
    /// skipping the divisions by corrections that have rounded to 1.
    @Test func adamMatchesTheUnshortenedFormulaPastTheUnitCorrections() {
        let beta1 = 0.9, beta2 = 0.999, eps = 1e-8, d = 3
        let adam = ScaleByAdam(beta1: beta1, beta2: beta2, epsilon: eps)
        var state = adam.initialState(parameters: [Double](repeating: 0, count: d))
        var m = [Double](repeating: 0, count: d), v = [Double](repeating: 0, count: d)
        var random = Xoshiro256StarStar(seed: 7)
        var mismatches = 0
        for t in 1...40_000 {
            let gradient = (0..<d).map { _ in random.nextGaussian() * 0.1 }
            var updates = gradient
            adam.update(&updates, state: &state, parameters: [Double](repeating: 0, count: d))
            let correction1 = 1 - pow(beta1, Double(t)), correction2Root = (1 - pow(beta2, Double(t))).squareRoot()
            for i in 0..<d {
                m[i] = TorchArithmetic.lerp(m[i], gradient[i], weight: 1 - beta1)
                v[i] = v[i] * beta2 + (1 - beta2) * gradient[i] * gradient[i]
                let expected = m[i] / (v[i].squareRoot() / correction2Root + eps) / correction1
                if updates[i].bitPattern != expected.bitPattern { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    /// Feeds the same seeded gradients to `transformation` and to `plain` (the formula of the doc
    /// comment, with `pow` and every division at every step) for `steps` steps; counts coordinates
    /// whose updates differ in any bit.
    func mismatches<T: GradientTransformation>(
        _ transformation: T, steps: Int, plain: (_ t: Int, _ gradient: [Double]) -> [Double]
    ) -> Int {
        let d = 3
        var state = transformation.initialState(parameters: [Double](repeating: 0, count: d))
        var random = Xoshiro256StarStar(seed: 19)
        var count = 0
        for t in 1...steps {
            let gradient = (0..<d).map { _ in random.nextGaussian() * 0.1 }
            var updates = gradient
            transformation.update(&updates, state: &state, parameters: [Double](repeating: 0, count: d))
            count += zip(updates, plain(t, gradient)).filter { $0.bitPattern != $1.bitPattern }.count
        }
        return count
    }

    /// torch NAdam (nadam.py) with both μ-schedule `pow`s at every step; ``ScaleByNAdam`` reuses μ_{t+1} and stops
    /// calling `pow` once μ has settled at β₁, which a momentum decay ψ of 0.05 reaches within 20 000 steps.
    @Test(arguments: [(4e-3, 40_000), (0.05, 20_000)])
    func nadamMatchesThePlainFormula(psi: Double, steps: Int) {
        let b1 = 0.9, b2 = 0.999, eps = 1e-8
        var m = [0.0, 0, 0], v = [0.0, 0, 0], product = 1.0
        let count = mismatches(ScaleByNAdam(momentumDecay: psi), steps: steps) { t, g in
            let time = Double(t)
            let mu = b1 * (1.0 - 0.5 * pow(0.96, time * psi)), next = b1 * (1.0 - 0.5 * pow(0.96, (time + 1) * psi))
            product *= mu
            return g.indices.map { i in
                m[i] = TorchArithmetic.lerp(m[i], g[i], weight: 1 - b1)
                v[i] = v[i] * b2 + (1 - b2) * g[i] * g[i]
                let a = (v[i] / (1 - pow(b2, time))).squareRoot() + eps
                return (1.0 - mu) / (1.0 - product) * (g[i] / a) + next / (1.0 - product * next) * (m[i] / a)
            }
        }
        #expect(count == 0)
    }

    /// NAdam's μ settles at β₁ (and stops calling `pow`) exactly when 1 − ½·0.96^{tψ} first rounds to 1.
    @Test func nadamMomentaSettleWhereTheWeightRoundsToOne() {
        let transformation = ScaleByNAdam(momentumDecay: 0.05)
        var state = transformation.initialState(parameters: [0])
        var firstOne: Int?
        for t in 1...20_000 {
            var updates = [0.1]
            transformation.update(&updates, state: &state, parameters: [0])
            if firstOne == nil, 1.0 - 0.5 * pow(0.96, Double(t + 2) * 0.05) == 1 { firstOne = t }
            #expect(state.momentaSettled == (firstOne != nil), "step \(t)")
            if state.momentaSettled != (firstOne != nil) { break }
        }
        #expect(firstOne != nil, "never settled")
    }

    /// torch's and optax's RAdam terms at step t with `pow` at every step (torch/optim/radam.py, optax
    /// scale_by_radam): 1 − β₂ᵗ, ρ_t = ρ_∞ − 2tβ₂ᵗ/(1 − β₂ᵗ) and r_t.
    static func plainRectification(beta2: Double, step t: Int) -> (correction2: Double, rho: Double, r: Double) {
        let time = Double(t), power = pow(beta2, time)
        let correction2 = 1 - power, rhoInfinity = 2 / (1 - beta2) - 1
        let rho = rhoInfinity - 2 * time * power / correction2
        let r = ((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)).squareRoot()
        return (correction2, rho, r)
    }

    /// ``RAdamRectification`` gives torch's and optax's 1 − β₂ᵗ, ρ_t and r_t (radam.py, with `pow` at every
    /// step) at every step, including after it has settled and stopped calling `pow`, which it does
    /// within 50 000 steps for these β₂ (t = 41 102 for 0.999).
    @Test(arguments: [0.0, 0.5, 0.9, 0.99, 0.999])
    func radamRectificationIsThePlainFormulaEveryStep(beta2: Double) {
        var terms = RAdamRectification(beta2: beta2, threshold: 5, inclusive: false)
        var settledAt: Int?
        var mismatches = 0
        for t in 1...50_000 {
            terms.advance(toStep: t)
            let (correction2, rho, r) = Self.plainRectification(beta2: beta2, step: t)
            let factor = rho > 5 ? r : nil
            if terms.correction2.bitPattern != correction2.bitPattern || terms.rho.bitPattern != rho.bitPattern
                || terms.factor?.bitPattern != factor?.bitPattern
            {
                mismatches += 1
            }
            if terms.isSettled, settledAt == nil { settledAt = t }
        }
        #expect(mismatches == 0)
        #expect(settledAt != nil, "never settled")
    }

    /// torch RAdam (radam.py) with every `pow` and division at every step, past the step where its
    /// ``RAdamRectification`` settles (t = 41 102).
    @Test func radamMatchesThePlainFormula() {
        let b1 = 0.9, b2 = 0.999, eps = 1e-8
        var m = [0.0, 0, 0], v = [0.0, 0, 0]
        let count = mismatches(ScaleByRAdam(), steps: 42_000) { t, g in
            let time = Double(t)
            let (correction2, rho, r) = Self.plainRectification(beta2: b2, step: t)
            return g.indices.map { i in
                m[i] = TorchArithmetic.lerp(m[i], g[i], weight: 1 - b1)
                v[i] = v[i] * b2 + (1 - b2) * g[i] * g[i]
                let mHat = m[i] / (1 - pow(b1, time))
                return rho > 5 ? mHat * (correction2.squareRoot() / (v[i].squareRoot() + eps)) * r : mHat
            }
        }
        #expect(count == 0)
    }

    /// optax radam (scale_by_radam) with every `pow` and division at every step, past the settling step.
    @Test func optaxRadamMatchesThePlainFormula() {
        let b1 = 0.9, b2 = 0.999, eps = 1e-8
        var m = [0.0, 0, 0], v = [0.0, 0, 0]
        let count = mismatches(ScaleByRAdamOptax(), steps: 42_000) { t, g in
            let time = Double(t)
            let (correction2, rho, r) = Self.plainRectification(beta2: b2, step: t)
            return g.indices.map { i in
                m[i] = (1 - b1) * g[i] + b1 * m[i]
                v[i] = (1 - b2) * (g[i] * g[i]) + b2 * v[i]
                let mHat = m[i] / (1 - pow(b1, time))
                return rho >= 5 ? r * mHat / ((v[i] / correction2 + 0).squareRoot() + eps) : mHat
            }
        }
        #expect(count == 0)
    }

    /// optax nadam (scale_by_adam with nesterov) with all three `pow`s and divisions at every step.
    @Test func optaxNadamMatchesThePlainFormula() {
        let b1 = 0.9, b2 = 0.999, eps = 1e-8
        var m = [0.0, 0, 0], v = [0.0, 0, 0]
        let count = mismatches(ScaleByAdamOptax(nesterov: true), steps: 40_000) { t, g in
            let time = Double(t)
            return g.indices.map { i in
                m[i] = (1 - b1) * g[i] + b1 * m[i]
                v[i] = (1 - b2) * (g[i] * g[i]) + b2 * v[i]
                let mHat = b1 * (m[i] / (1 - pow(b1, time + 1))) + (1 - b1) * (g[i] / (1 - pow(b1, time)))
                return mHat / ((v[i] / (1 - pow(b2, time)) + 0).squareRoot() + eps)
            }
        }
        #expect(count == 0)
    }

    /// torch SGD momentum (sgd.py): b₁ = g₁, b_t = μ·b_{t−1} + (1 − τ)·g_t, u = g_t + μ·b_t (Nesterov) or b_t,
    /// for each first-step / Nesterov / dampening case (``TraceMomentum`` runs each as its own loop).
    @Test(arguments: [(0.0, false), (0.0, true), (0.3, false), (0.3, true)])
    func traceMomentumMatchesThePlainFormula(dampening: Double, nesterov: Bool) {
        let mu = 0.9
        var b: [Double]? = nil
        let momentum = TraceMomentum(momentum: mu, dampening: dampening, nesterov: nesterov)
        let count = mismatches(momentum, steps: 1_000) { _, g in
            let next = b.map { b in g.indices.map { i in mu * b[i] + (1 - dampening) * g[i] } } ?? g
            b = next
            return g.indices.map { i in nesterov ? g[i] + mu * next[i] : next[i] }
        }
        #expect(count == 0)
    }

    /// `apply` (fused with the learning rate by ``ScaleByLearningRate``) leaves the parameters exactly
    /// where `update` followed by θ ← θ + u leaves them, for chains with decay, momentum, clipping and Adam.
    @Test func applyEqualsUpdateThenAdd() {
        func check<T: FusedGradientTransformation>(_ transformation: T, _ name: String) {
            let d = 5
            var random = Xoshiro256StarStar(seed: 11)
            var fused = (0..<d).map { _ in random.nextGaussian() }
            var plain = fused
            var fusedState = transformation.initialState(parameters: fused)
            var plainState = transformation.initialState(parameters: plain)
            for step in 0..<200 {
                let gradient = (0..<d).map { _ in random.nextGaussian() }
                var buffer = gradient
                transformation.apply(&buffer, state: &fusedState, scaledBy: 1, to: &fused)
                var updates = gradient
                transformation.update(&updates, state: &plainState, parameters: plain)
                for i in 0..<d { plain[i] += updates[i] }
                #expect(fused.map(\.bitPattern) == plain.map(\.bitPattern), "\(name), step \(step)")
            }
        }
        check(FirstOrderOptimizers.sgd(learningRate: 0.01, momentum: 0.9, weightDecay: 0.1), "sgd")
        check(FirstOrderOptimizers.sgd(learningRate: 0.01, momentum: 0.9, nesterov: true), "nesterov")
        check(FirstOrderOptimizers.sgd(learningRate: 0.01, momentum: 0.9, dampening: 0.3), "sgd with dampening")
        check(FirstOrderOptimizers.momentumEMA(learningRate: 0.01), "momentum-ema without decay")
        check(Chain(GradientClipping.globalNorm(0.5), FirstOrderOptimizers.adam(learningRate: 0.01)), "clipped adam")
        check(FirstOrderOptimizers.adamw(learningRate: 0.01), "adamw")
        check(FirstOrderOptimizers.momentumVelocity(learningRate: 0.01, weightDecay: 0.1), "momentum-velocity")
        check(FirstOrderOptimizers.rmspropOptax(learningRate: 0.01, momentum: 0.9), "rmsprop-optax (momentum after lr)")
        // Every per-coordinate transform (CoordinatewiseTransformation), through its named optimizer.
        check(FirstOrderOptimizers.momentumEMA(learningRate: 0.01, weightDecay: 0.1), "momentum-ema")
        check(FirstOrderOptimizers.momentumVelocity(learningRate: 0.01), "momentum-velocity")
        check(FirstOrderOptimizers.adagrad(learningRate: 0.01, learningRateDecay: 0.01, weightDecay: 0.1), "adagrad")
        check(FirstOrderOptimizers.adagradOptax(learningRate: 0.01), "adagrad-optax")
        for (centered, momentum) in [(false, 0.0), (true, 0.0), (false, 0.9), (true, 0.9)] {
            check(
                FirstOrderOptimizers.rmsprop(learningRate: 0.01, momentum: momentum, centered: centered),
                "rmsprop centered \(centered) momentum \(momentum)")
        }
        check(
            FirstOrderOptimizers.rmspropOptax(
                learningRate: 0.01, epsilonInSquareRoot: false, centered: true,
                biasCorrection: true), "rmsprop-optax centered")
        check(FirstOrderOptimizers.adadelta(learningRate: 1), "adadelta")
        check(FirstOrderOptimizers.adam(learningRate: 0.01, amsgrad: true), "adam amsgrad")
        check(FirstOrderOptimizers.adamOptax(learningRate: 0.01, epsilonRoot: 1e-8), "adam-optax")
        check(FirstOrderOptimizers.adamOptax(learningRate: 0.01, nesterov: true), "nadam-optax")
        check(FirstOrderOptimizers.amsgradOptax(learningRate: 0.01), "amsgrad-optax")
        check(FirstOrderOptimizers.adamax(learningRate: 0.01, weightDecay: 0.1), "adamax")
        check(FirstOrderOptimizers.nadam(learningRate: 0.01), "nadam")
        check(FirstOrderOptimizers.radam(learningRate: 0.01), "radam")
        check(FirstOrderOptimizers.radamOptax(learningRate: 0.01), "radam-optax")
        check(FirstOrderOptimizers.lion(learningRate: 0.01), "lion")
        check(FirstOrderOptimizers.lion(learningRate: 0.01, weightDecay: 0), "lion without decay")
        check(FirstOrderOptimizers.adamw(learningRate: 0.01, weightDecay: 0.1, amsgrad: true), "adamw amsgrad")
        check(FirstOrderOptimizers.adabelief(learningRate: 0.01), "adabelief")
    }

    /// Runs `fused` and `reference` (two chains that must give the same iterates) from the same start on
    /// the same seeded gradients for 300 steps through `apply`, as a method does; true when every
    /// parameter has the same bits at every step.
    func sameIterates<A: FusedGradientTransformation, B: FusedGradientTransformation>(_ fused: A, _ reference: B)
        -> Bool
    {
        let d = 4
        var random = Xoshiro256StarStar(seed: 23)
        var x = (0..<d).map { _ in random.nextGaussian() }, y = x
        var fusedState = fused.initialState(parameters: x), referenceState = reference.initialState(parameters: y)
        for _ in 0..<300 {
            let gradient = (0..<d).map { _ in random.nextGaussian() }
            var u = gradient, w = gradient
            fused.apply(&u, state: &fusedState, scaledBy: 1, to: &x)
            reference.apply(&w, state: &referenceState, scaledBy: 1, to: &y)
            if x.map(\.bitPattern) != y.map(\.bitPattern) { return false }
        }
        return true
    }

    /// ``DecoupledWeightDecay`` (the decay folded into the transform's loop, or, for a transform without
    /// its own folded step, the default three passes) moves θ exactly as the transform followed by
    /// ``AddDecayedWeights`` and the learning rate as separate links; so does ``MomentumAfterLearningRate``
    /// (a pure scaling without momentum) as `Chain(ScaleByLearningRate, TraceMomentum)`.
    @Test func foldedDecayAndMomentumAfterTheLearningRateMoveTheIteratesAsTheSeparateLinks() {
        func separate<T: FusedGradientTransformation>(_ base: T, _ lambda: Double) -> some FusedGradientTransformation {
            Chain(base, Chain(AddDecayedWeights(lambda), ScaleByLearningRate(0.01)))
        }
        for lambda in [0.0, 0.1] {
            #expect(
                sameIterates(
                    Chain(DecoupledWeightDecay(ScaleByAdam(), weightDecay: lambda), ScaleByLearningRate(0.01)),
                    separate(ScaleByAdam(), lambda)), "adam, λ = \(lambda)")
            #expect(
                sameIterates(
                    Chain(
                        DecoupledWeightDecay(ScaleByAdam(amsgrad: true), weightDecay: lambda), ScaleByLearningRate(0.01)
                    ),
                    separate(ScaleByAdam(amsgrad: true), lambda)), "amsgrad, λ = \(lambda)")
            #expect(
                sameIterates(
                    Chain(DecoupledWeightDecay(ScaleByLion(), weightDecay: lambda), ScaleByLearningRate(0.01)),
                    separate(ScaleByLion(), lambda)), "lion, λ = \(lambda)")
            #expect(
                sameIterates(
                    Chain(DecoupledWeightDecay(ScaleByAdamax(), weightDecay: lambda), ScaleByLearningRate(0.01)),
                    separate(ScaleByAdamax(), lambda)), "adamax (default folded step), λ = \(lambda)")
        }
        for momentum in [0.0, 0.9] {
            let trace = TraceMomentum(momentum: momentum)
            #expect(
                sameIterates(
                    Chain(ScaleByRMSOptax(), MomentumAfterLearningRate(0.01, momentum: trace)),
                    Chain(ScaleByRMSOptax(), Chain(ScaleByLearningRate(0.01), trace))),
                "rmsprop-optax, momentum \(momentum)")
        }
    }

    /// Without clipping, ``FirstOrderMethod/clipped(_:_:)`` leaves the clip transform out of the chain;
    /// the iterates are those of the chain with disabled clipping in front.
    @Test func disabledClippingIsLeftOutWithTheSameIterates() throws {
        let rule = FirstOrderOptimizers.sgd(learningRate: 1e-3, momentum: 0.5)
        let lean = FirstOrderMethod.clipped(.disabled, rule)
        func runs<T: FusedGradientTransformation>(_ method: MethodBox, alone rule: T) -> Bool {
            method.base is FirstOrderMethod<T>
        }
        func runs<T: FusedGradientTransformation>(_ method: MethodBox, clipped rule: T) -> Bool {
            method.base is FirstOrderMethod<Chain<GradientClipping, T>>
        }
        #expect(runs(lean, alone: rule))
        #expect(runs(FirstOrderMethod.clipped(.value(1), rule), clipped: rule))
        var reference = MethodBox(FirstOrderMethod(Chain(GradientClipping.disabled, rule)))
        var method = lean
        let objective = Rosenbrock()
        func run(_ method: inout MethodBox) throws -> [Double] {
            var oracle = Oracle(objective: objective, seed: 0)
            var x = objective.startingPoint
            try method.prepare(at: x, oracle: &oracle)
            for _ in 0..<500 { _ = try method.iterate(&x, oracle: &oracle) }
            return x
        }
        let expected = try run(&reference)
        #expect(try run(&method).map(\.bitPattern) == expected.map(\.bitPattern))
    }

    /// A transformation that does not opt in to ``FusedGradientTransformation`` (here: a fused chain
    /// hidden behind a plain conformance) runs through ``FirstOrderMethod``'s `update`-then-add path,
    /// and the iterates are bitwise those of the fused step; a chain containing it is not fused.
    @Test func anUnfusedTransformationTakesThePlainPathWithTheSameIterates() throws {
        struct Plain<Base: GradientTransformation>: GradientTransformation {
            let base: Base
            func initialState(parameters: [Double]) -> Base.State { base.initialState(parameters: parameters) }
            func update(_ updates: inout [Double], state: inout Base.State, parameters: [Double]) {
                base.update(&updates, state: &state, parameters: parameters)
            }
            func learningRate(in state: Base.State) -> Double? { base.learningRate(in: state) }
        }
        let rule = FirstOrderOptimizers.adam(learningRate: 0.01, weightDecay: 0.1)
        #expect(!(Chain(Plain(base: rule), ScaleByLearningRate(1.0)) is any FusedGradientTransformation))
        let objective = Rosenbrock()
        func run(_ method: any Method) throws -> ([Double], Double) {
            var method = method
            var oracle = Oracle(objective: objective, seed: 0)
            var x = objective.startingPoint
            try method.prepare(at: x, oracle: &oracle)
            var rate = Double.nan
            for _ in 0..<300 { rate = try method.iterate(&x, oracle: &oracle).learningRate }
            return (x, rate)
        }
        let (fused, fusedRate) = try run(FirstOrderMethod(rule))
        let (plain, plainRate) = try run(FirstOrderMethod(Plain(base: rule)))
        #expect(plain.map(\.bitPattern) == fused.map(\.bitPattern))
        #expect(plainRate == 0.01 && fusedRate == 0.01)
    }
}
