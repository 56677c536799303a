import Foundation
import Objectives
import Optimizers
import Testing

/// Every named optimizer reaches a relative gap (f − f*)/(f₀ − f*) ≤ 1e−6 on the κ = 10 diagonal quadratic
/// f = ½ Σ h_i x_i², h = (1, 2, …, 10), from x₀ = (1, …, 1). Methods whose step does not shrink with the
/// gradient (sign or normalised steps) get a geometrically decaying learning rate, as theory requires.
@Suite struct ConvergenceTests {
    struct Setting: Sendable, CustomStringConvertible {
        var kind: String
        var parameters: [String: ParameterValue]
        /// Per-step decay of the learning rate (nil: constant).
        var decay: Double?
        var description: String { kind }
    }

    static let quadratic = AxisAlignedQuadratic(
        diagonal: (1...10).map(Double.init), startingPoint: [Double](repeating: 1, count: 10))

    static let settings: [Setting] = [
        Setting(kind: "sgd", parameters: ["lr": .number(0.1)]),
        Setting(kind: "sgd", parameters: ["lr": .number(0.1), "momentum": .number(0.5), "clip-norm": .number(1)]),
        Setting(kind: "nesterov", parameters: ["lr": .number(0.1), "momentum": .number(0.5)]),
        Setting(kind: "momentum-ema", parameters: ["lr": .number(0.2), "beta": .number(0.5)]),
        Setting(kind: "momentum-velocity", parameters: ["lr": .number(0.1), "momentum": .number(0.5)]),
        Setting(kind: "nesterov-lookahead", parameters: ["lr": .number(0.1), "momentum": .number(0.5)]),
        Setting(kind: "adagrad", parameters: ["lr": .number(0.5)]),
        Setting(kind: "adagrad-optax", parameters: ["lr": .number(0.5)]),
        Setting(kind: "rmsprop", parameters: ["lr": .number(0.01)], decay: 0.998),
        Setting(kind: "rmsprop-optax", parameters: ["lr": .number(0.01)], decay: 0.998),
        Setting(kind: "adadelta", parameters: ["lr": .number(1), "eps": .number(1e-4)]),
        Setting(kind: "adam", parameters: ["lr": .number(0.05)], decay: 0.998),
        Setting(kind: "adam-optax", parameters: ["lr": .number(0.05)], decay: 0.998),
        Setting(kind: "amsgrad-optax", parameters: ["lr": .number(0.05)], decay: 0.998),
        Setting(kind: "adamw", parameters: ["lr": .number(0.05)], decay: 0.998),
        Setting(kind: "adamax", parameters: ["lr": .number(0.05)], decay: 0.998),
        Setting(kind: "nadam", parameters: ["lr": .number(0.05)], decay: 0.998),
        Setting(kind: "nadam-optax", parameters: ["lr": .number(0.05)], decay: 0.998),
        Setting(kind: "radam", parameters: ["lr": .number(0.02)], decay: 0.998),
        Setting(kind: "radam-optax", parameters: ["lr": .number(0.02)], decay: 0.998),
        Setting(kind: "lion", parameters: ["lr": .number(0.01), "weight-decay": .number(0)], decay: 0.998),
        Setting(kind: "adabelief", parameters: ["lr": .number(0.05)], decay: 0.998),
    ]

    @Test func coversEveryKind() {
        #expect(Set(Self.settings.map(\.kind)) == Set(FirstOrderOptimizerCatalog.kinds.map(\.name)))
    }

    @Test(arguments: settings)
    func reachesTheTarget(_ setting: Setting) throws {
        let kind = try Fixtures.kind(setting.kind)
        let schedule: (any Schedule)? = setting.decay.map { decay in
            var rate = 0.0
            if case .number(let value)? = setting.parameters["lr"] { rate = value }
            return GeometricDecayProduct(initial: rate, factor: decay)
        }
        var method = try kind.make(ParameterSet(setting.parameters), schedule.map(AnySchedule.init), 0)
        let objective = Self.quadratic
        var oracle = Oracle(objective: objective, seed: 0)
        var x = objective.startingPoint
        let initialGap = objective.value(at: x)
        try method.prepare(at: x, oracle: &oracle)
        var iterations = 0
        while objective.value(at: x) / initialGap > 1e-6 && iterations < 20_000 {
            _ = try method.iterate(&x, oracle: &oracle)
            iterations += 1
        }
        #expect(objective.value(at: x) / initialGap <= 1e-6, "\(setting.kind) after \(iterations) iterations")
    }
}

/// η₀·γ^k computed in closed form (the loop in ``GeometricDecay`` is too slow for 20 000 steps).
struct GeometricDecayProduct: Schedule {
    var initial: Double
    var factor: Double
    func callAsFunction(_ step: Int) -> Double { initial * pow(factor, Double(step)) }
}
