import Foundation
import Objectives
import Optimizers
import Testing

@Suite struct FirstOrderOptimizerCatalogTests {
    /// Every optimizer of docs/reference.md §A is there (a new kind needs no change here).
    @Test func namesTheOptimizersOfTheBrief() {
        let names = FirstOrderOptimizerCatalog.kinds.map(\.name)
        let expected = [
            "sgd", "momentum-ema", "momentum-velocity", "nesterov", "nesterov-lookahead", "adagrad", "adagrad-optax",
            "rmsprop", "rmsprop-optax", "adadelta", "adam", "adam-optax", "amsgrad-optax", "adamw", "adamax", "nadam",
            "nadam-optax", "radam", "radam-optax", "lion", "adabelief",
        ]
        #expect(Set(expected).subtracting(names).isEmpty)
        #expect(names.count == Set(names).count)
    }

    @Test func describesEveryKind() {
        for kind in FirstOrderOptimizerCatalog.kinds {
            #expect(!kind.summary.isEmpty && !kind.updateRule.isEmpty && !kind.conventions.isEmpty, "\(kind.name)")
            #expect(!kind.references.isEmpty, "\(kind.name)")
            #expect(kind.acceptsSchedule, "\(kind.name)")
            for spec in kind.parameters {
                #expect(
                    spec.name.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil,
                    "\(kind.name).\(spec.name) is not kebab-case")
                #expect(spec.defaultValue != nil, "\(kind.name).\(spec.name) has no default")
            }
            let names = kind.parameters.map(\.name)
            #expect(names.contains("lr") && names.contains("clip-norm") && names.contains("clip-value"), "\(kind.name)")
        }
    }

    /// Defaults against the signatures of torch.optim and optax (Fixtures/library-defaults.json, written
    /// by scripts/reference/optimizer_fixtures.py). optax's `nesterov` flag is the separate `nadam-optax`
    /// kind, and optax declares no default learning rate.
    @Test func defaultsAreTheLibraries() throws {
        let library = try Fixtures.load([String: [String: Fixtures.Value]].self, "library-defaults.json")
        #expect(library.count == 17)
        for (kindName, defaults) in library.sorted(by: { $0.key < $1.key }) {
            let kind = try Fixtures.kind(kindName)
            for (key, value) in defaults.sorted(by: { $0.key < $1.key }) where key != "nesterov" {
                let spec = kind.parameters.first { $0.name == key }
                #expect(spec?.defaultValue == value.parameterValue, "\(kindName).\(key): library default \(value)")
            }
        }
    }

    @Test func everyKindBuildsWithItsDefaultsAndDescends() throws {
        let objective = AxisAlignedQuadratic(diagonal: [1, 4], startingPoint: [1, 1])
        for kind in FirstOrderOptimizerCatalog.kinds {
            let method = try kind.make(ParameterSet(), nil, 0)
            let iterates = try trajectory(method, on: objective, steps: 20)
            let last = try #require(iterates.last)
            #expect(objective.value(at: last) < objective.value(at: objective.startingPoint), "\(kind.name)")
        }
    }

    @Test func aScheduleReplacesTheConstantLearningRate() throws {
        let schedule = GeometricDecay(initial: 0.1, factor: 0.5)
        let objective = AxisAlignedQuadratic(diagonal: [1, 4], startingPoint: [1, 1])
        for kind in FirstOrderOptimizerCatalog.kinds {
            var method = try kind.make(ParameterSet(["lr": .number(7)]), AnySchedule(schedule), 0)
            var oracle = Oracle(objective: objective, seed: 0)
            var x = objective.startingPoint
            try method.prepare(at: x, oracle: &oracle)
            for k in 0..<4 {
                let report = try method.iterate(&x, oracle: &oracle)
                #expect(report.learningRate == 0.1 * pow(0.5, Double(k)), "\(kind.name) update \(k)")
            }
        }
    }
}
