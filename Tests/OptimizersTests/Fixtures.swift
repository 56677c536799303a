import Foundation
import Objectives
import TestSupport

@testable import Optimizers

/// The JSON fixtures written by scripts/reference/optimizer_fixtures.py (torch 2.15.0, optax 0.2.8).
enum Fixtures {

    struct ProblemDefinitions: Decodable {
        struct Plain: Decodable { var start: [Double] }
        struct Quadratic: Decodable {
            var start: [Double]
            var diagonal: [Double]
        }
        struct Logistic: Decodable {
            var start: [Double]
            var features: [[Double]]
            var labels: [Double]
            var regularization: Double
        }
        var rosenbrock: Plain
        var rosenbrock10: Plain
        var quadratic: Quadratic
        var logistic: Logistic
    }

    /// A flag or a number, as written in a fixture's `parameters`.
    enum Value: Decodable {
        case flag(Bool)
        case number(Double)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }

        var parameterValue: ParameterValue {
            switch self {
            case .flag(let value): return .flag(value)
            case .number(let value): return .number(value)
            }
        }
    }

    struct Trajectory: Decodable {
        var call: String
        var kind: String
        var library: String
        var parameters: [String: Value]
        var runs: [String: Run]
    }

    struct Run: Decodable {
        var lr: Double
        var iterates: [[Double]]
    }

    static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try FixtureFiles.decode(type, name)
    }

    /// Names of the trajectory files, sorted.
    static var trajectoryNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: FixtureFiles.directory().path)) ?? []
        return names.filter { ($0.hasPrefix("torch-") || $0.hasPrefix("optax-")) && $0.hasSuffix(".json") }.sorted()
    }

    /// The fixture problem called `name`: the library's struct for the function problems.json names,
    /// checked to start where the fixture starts.
    static func problem(_ name: String) throws -> any Objective {
        let problems = try load(ProblemDefinitions.self, "problems.json")
        let objective: any Objective, start: [Double]
        switch name {
        case "rosenbrock": (objective, start) = (ChainedRosenbrock(dimension: 2), problems.rosenbrock.start)
        case "rosenbrock10": (objective, start) = (ChainedRosenbrock(dimension: 10), problems.rosenbrock10.start)
        case "quadratic":
            start = problems.quadratic.start
            objective = AxisAlignedQuadratic(diagonal: problems.quadratic.diagonal, startingPoint: start)
        case "logistic":
            let l = problems.logistic
            start = l.start
            let data = Dataset(
                rowCount: l.labels.count, columnCount: start.count, features: l.features.flatMap { $0 },
                targets: l.labels)
            objective = try LogisticRegression(training: data, lambda: l.regularization)
        default: throw MethodError("unknown fixture problem \(name)")
        }
        guard objective.startingPoint == start else {
            throw MethodError(
                "fixture problem \(name) starts at \(start), the library's struct at \(objective.startingPoint)")
        }
        return objective
    }

    /// The catalog's optimizer `kind`.
    static func kind(_ name: String) throws -> OptimizerKind {
        guard let kind = FirstOrderOptimizerCatalog.kinds.first(where: { $0.name == name }) else {
            throw MethodError("no optimizer kind \(name)")
        }
        return kind
    }
}

/// Runs `method` for `steps` iterations on `objective` from its starting point, returning the iterate
/// after every step.
func trajectory(_ method: any Method, on objective: any Objective, steps: Int) throws -> [[Double]] {
    try trajectory(method, objective, steps: steps)
}

private func trajectory<O: Objective>(_ method: any Method, _ objective: O, steps: Int) throws -> [[Double]] {
    var method = method
    var oracle = Oracle(objective: objective, seed: 0)
    var x = objective.startingPoint
    try method.prepare(at: x, oracle: &oracle)
    var iterates: [[Double]] = []
    for _ in 0..<steps {
        _ = try method.iterate(&x, oracle: &oracle)
        iterates.append(x)
    }
    return iterates
}

/// Parameters from a dictionary literal.
func parameters(_ values: [String: ParameterValue]) -> ParameterSet { ParameterSet(values) }
