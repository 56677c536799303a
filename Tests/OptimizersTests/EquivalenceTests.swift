import Foundation
import Objectives
import Optimizers
import TestSupport
import Testing

/// The textbook forms and the cross-library equalities of reference §A.1–A.6, checked against the torch
/// and optax trajectories in Fixtures/. Forms equal only algebraically differ by rounding, so they get
/// 1e−10 instead of the fixtures' 1e−12.
@Suite struct EquivalenceTests {
    /// Runs `kindName` with `values` (plus the fixture's lr mapped by `rate`) on every problem of the
    /// fixture and returns the worst relative error against the fixture's iterates.
    func worstError(
        _ kindName: String, _ values: [String: ParameterValue], against fixtureName: String,
        rate: (Double) -> Double = { $0 }
    ) throws -> Double {
        let fixture = try Fixtures.load(Fixtures.Trajectory.self, fixtureName)
        let kind = try Fixtures.kind(kindName)
        var worst = 0.0
        for problem in fixture.runs.keys.sorted() {
            let run = try #require(fixture.runs[problem])
            var all = values
            all["lr"] = .number(rate(run.lr))
            let method = try kind.make(ParameterSet(all), nil, 0)
            let iterates = try trajectory(method, on: try Fixtures.problem(problem), steps: run.iterates.count)
            worst = max(worst, RelativeError.worst(iterates, run.iterates))
        }
        return worst
    }

    @Test func velocityFormEqualsTorchMomentum() throws {
        #expect(
            try worstError("momentum-velocity", ["momentum": .number(0.9)], against: "torch-sgd-momentum.json") <= 1e-10
        )
    }

    @Test func emaMomentumEqualsTorchMomentumWithScaledLearningRate() throws {
        // v_EMA = (1 − β)·b_torch, so lr_EMA = lr_torch/(1 − β).
        let error = try worstError("momentum-ema", ["beta": .number(0.9)], against: "torch-sgd-momentum.json") {
            $0 / 0.1
        }
        #expect(error <= 1e-10)
    }

    @Test func adamwWithoutDecayEqualsAdam() throws {
        #expect(try worstError("adamw", ["weight-decay": .number(0)], against: "torch-adam.json") <= 1e-12)
        #expect(
            try worstError(
                "adamw", ["weight-decay": .number(0), "amsgrad": .flag(true)], against: "torch-adam-amsgrad.json")
                <= 1e-12)
    }

    @Test func optaxAdamWithoutEpsRootEqualsTorchAdam() throws {
        #expect(try worstError("adam-optax", [:], against: "torch-adam.json") <= 1e-10)
    }

    @Test func optaxRMSpropWithTorchSettingsEqualsTorch() throws {
        let torchSettings: [String: ParameterValue] = ["decay": .number(0.99), "eps-in-sqrt": .flag(false)]
        #expect(try worstError("rmsprop-optax", torchSettings, against: "torch-rmsprop.json") <= 1e-10)
        var centered = torchSettings
        centered["centered"] = .flag(true)
        centered["momentum"] = .number(0.9)
        #expect(try worstError("rmsprop-optax", centered, against: "torch-rmsprop-centered-momentum.json") <= 1e-10)
    }

    @Test func sgdNesterovKindsAgree() throws {
        #expect(try worstError("nesterov", [:], against: "torch-sgd-nesterov.json") <= 1e-12)
    }

    /// torch's Nesterov iterate θ_k is the look-ahead point x_k + μ·v_k of Sutskever's form (§A.1).
    @Test func lookaheadPointIsTorchNesterovIterate() throws {
        let fixture = try Fixtures.load(Fixtures.Trajectory.self, "torch-sgd-nesterov.json")
        for problem in fixture.runs.keys.sorted() {
            let run = try #require(fixture.runs[problem])
            let objective = try Fixtures.problem(problem)
            let error = try lookaheadError(objective, rate: run.lr, expected: run.iterates)
            #expect(error <= 1e-10, "\(problem): \(error)")
        }
    }

    private func lookaheadError<O: Objective>(_ objective: O, rate: Double, expected: [[Double]]) throws -> Double {
        var method = LookaheadNesterovMethod(momentum: 0.9, schedule: rate)
        var oracle = Oracle(objective: objective, seed: 0)
        var x = objective.startingPoint
        try method.prepare(at: x, oracle: &oracle)
        var points: [[Double]] = []
        for _ in expected.indices {
            _ = try method.iterate(&x, oracle: &oracle)
            points.append(zip(x, method.velocity).map { $0 + 0.9 * $1 })
        }
        return RelativeError.worst(points, expected)
    }

    /// clip_grad_norm_ then SGD, by hand: θ₁ = θ₀ − η·min(c/(‖g‖ + 1e−6), 1)·g; optax: θ₀ − η·(g/‖g‖)·c.
    @Test func clippedStepByHand() throws {
        let objective = AxisAlignedQuadratic(diagonal: [1, 100], startingPoint: [1, 1])
        let g = [1.0, 100.0], norm = (1.0 + 10_000.0).squareRoot(), rate = 0.01
        for (key, maxNorm) in [
            ("clip-norm", 0.5), ("clip-norm", 1000.0), ("clip-norm-optax", 0.5), ("clip-norm-optax", 1000.0),
        ] {
            let method = try Fixtures.kind("sgd").make(
                ParameterSet(["lr": .number(rate), key: .number(maxNorm)]), nil, 0)
            let x1 = try #require(try trajectory(method, on: objective, steps: 1).first)
            let scale = key == "clip-norm" ? min(maxNorm / (norm + 1e-6), 1) : (norm < maxNorm ? 1 : maxNorm / norm)
            let expected = [1 - rate * scale * g[0], 1 - rate * scale * g[1]]
            #expect(RelativeError.worst([x1], [expected]) <= 1e-15, "\(key) \(maxNorm)")
        }
        let clippedNorm = try clippedGradientNorm(ClipByGlobalNorm(maxNorm: 0.5), g)
        #expect(clippedNorm < 0.5 && abs(clippedNorm - 0.5 * norm / (norm + 1e-6)) <= 1e-15)
        #expect(try clippedGradientNorm(ClipByGlobalNormOptax(maxNorm: 0.5), g) == 0.5)
        var clamped = [-3.0, 0.2, 3.0], none: Void = ()
        ClipByValue(maxValue: 1).update(&clamped, state: &none, parameters: [0, 0, 0])
        #expect(clamped == [-1, 0.2, 1])
    }

    private func clippedGradientNorm<T: GradientTransformation>(_ clip: T, _ gradient: [Double]) throws -> Double {
        var state = clip.initialState(parameters: gradient)
        var g = gradient
        clip.update(&g, state: &state, parameters: gradient)
        return g.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
