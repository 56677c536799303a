import Objectives
import Testing

@testable import Optimizers

@Suite struct ParameterValidationTests {
    func error(_ kindName: String, _ values: [String: ParameterValue]) throws -> ParameterError? {
        let kind = try Fixtures.kind(kindName)
        do {
            _ = try kind.make(ParameterSet(values), nil, 0)
            return nil
        } catch let error as ParameterError {
            return error
        }
    }

    @Test func rejectsANonPositiveLearningRateInEveryKind() throws {
        for kind in FirstOrderOptimizerCatalog.kinds {
            let found = try error(kind.name, ["lr": .number(0)])
            #expect(found == ParameterError(key: "lr", expected: "a number > 0", found: "0"), "\(kind.name)")
        }
    }

    @Test func namesTheKeyAndTheRange() throws {
        #expect(try error("adam", ["beta1": .number(1)])?.description == "beta1: expected a number in [0, 1), found 1")
        #expect(try error("adam", ["beta2": .number(-0.1)])?.key == "beta2")
        #expect(try error("adam", ["eps": .number(-1e-8)])?.description == "eps: expected a number ≥ 0, found -1e-08")
        #expect(try error("sgd", ["momentum": .number(1.5)])?.key == "momentum")
        #expect(try error("adagrad", ["lr-decay": .number(-1)])?.key == "lr-decay")
        #expect(
            try error("radam-optax", ["threshold": .number(3)])?.description
                == "threshold: expected a number ≥ 4, found 3")
        #expect(try error("adam", ["lr": .number(.nan)])?.key == "lr")
    }

    @Test func rejectsWrongTypesAndUnknownKeys() throws {
        #expect(try error("adam", ["amsgrad": .number(1)])?.description == "amsgrad: expected true or false, found 1")
        #expect(try error("adam", ["lr": .text("fast")])?.key == "lr")
        let unknown = try error("adam", ["betas": .numbers([0.9, 0.999])])
        #expect(unknown?.key == "betas")
        #expect(unknown?.expected.contains("beta1") == true)
    }

    @Test func nesterovNeedsMomentumAndNoDampening() throws {
        #expect(try error("sgd", ["nesterov": .flag(true)])?.key == "nesterov")
        let damped = try error("sgd", ["nesterov": .flag(true), "momentum": .number(0.9), "dampening": .number(0.1)])
        #expect(damped?.description == "nesterov: expected dampening 0 when nesterov is true, found dampening 0.1")
        #expect(try error("sgd", ["nesterov": .flag(true), "momentum": .number(0.9)]) == nil)
        #expect(try error("nesterov", ["momentum": .number(0)])?.key == "momentum")
        #expect(try error("rmsprop-optax", ["nesterov": .flag(true)])?.key == "nesterov")
    }

    @Test func atMostOneClipping() throws {
        let both = try error("sgd", ["clip-norm": .number(1), "clip-value": .number(0.5)])
        #expect(both?.key == "clip-value")
        #expect(both?.found == "clip-norm 1 and clip-value 0.5")
        #expect(try error("sgd", ["clip-norm": .number(-1)])?.key == "clip-norm")
        #expect(try error("sgd", ["clip-norm-optax": .number(1)]) == nil)
    }

    /// The validator also checks the spec kinds no first-order optimizer declares today.
    @Test func validatesEveryParameterKind() throws {
        let specs = [
            ParameterSpec("history", .integer(minimum: 1), default: .number(10), "pairs kept"),
            ParameterSpec("rule", .choice(["armijo", "wolfe"]), default: .text("armijo"), "line search"),
            ParameterSpec("milestones", .numbers, default: .numbers([]), "steps"),
        ]
        func failure(_ values: [String: ParameterValue]) -> ParameterError? {
            do {
                _ = try ParameterReader(ParameterSet(values), specs: specs, kind: "test")
                return nil
            } catch let error as ParameterError {
                return error
            } catch {
                return ParameterError(key: "", expected: "", found: "\(error)")
            }
        }
        #expect(failure(["history": .number(2.5)])?.description == "history: expected a whole number ≥ 1, found 2.5")
        #expect(failure(["history": .number(0)])?.key == "history")
        #expect(failure(["history": .number(3)]) == nil)
        #expect(failure(["rule": .text("exact")])?.description == "rule: expected one of armijo, wolfe, found exact")
        #expect(failure(["rule": .text("wolfe")]) == nil)
        #expect(failure(["milestones": .flag(true)])?.key == "milestones")
        #expect(failure(["milestones": .numbers([10, 20])]) == nil)
        let defaults = try ParameterReader(ParameterSet(), specs: specs, kind: "test")
        #expect(throws: ParameterError.self) { try defaults.number("rule") }
    }
}
