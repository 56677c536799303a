import Foundation
import Objectives
import TestSupport
import Testing

/// The golden learning-rate sequences written by `scripts/reference/schedule_fixtures.py` from torch
/// 2.15.0 and optax 0.2.8 (jax 0.10.2, x64) into `Fixtures/schedules_*.json` and
/// `Fixtures/schedule_driven_trajectories.json`.
enum ScheduleFixtures {
    struct File<Entry: Decodable>: Decodable {
        var cases: [Entry]
    }

    struct Case: Decodable, CustomTestStringConvertible {
        var name: String
        var library: String
        var call: String
        var kind: String
        var parameters: [String: FixtureParameter]
        var baseLearningRate: Double
        /// "exact": gdbench uses the library's floating-point operations; "relative": equal up to rounding.
        var match: String
        var lr: [Double]

        var parameterSet: ParameterSet { ScheduleFixtures.parameterSet(parameters) }
        var testDescription: String { "\(library): \(name)" }

        enum CodingKeys: String, CodingKey {
            case name, library, call, kind, parameters, match, lr
            case baseLearningRate = "base_lr"
        }
    }

    /// One run of the trajectory fixture: torch `optimizer` (with `optimizerParameters` under torch's
    /// names) driven by the torch scheduler that the catalog calls `schedule`, from `start`.
    struct DrivenCase: Decodable, CustomTestStringConvertible {
        struct Schedule: Decodable {
            var kind: String
            var parameters: [String: FixtureParameter]
        }

        var problem: String
        var start: [Double]
        var optimizer: String
        var optimizerParameters: [String: FixtureParameter]
        var schedule: Schedule
        var baseLearningRate: Double
        var lr: [Double]
        /// iterates[k] is the point after k updates (iterates[0] = start).
        var iterates: [[Double]]

        var parameterSet: ParameterSet { ScheduleFixtures.parameterSet(schedule.parameters) }
        var testDescription: String { "\(problem)/\(optimizer)/\(schedule.kind)" }

        enum CodingKeys: String, CodingKey {
            case problem, start, optimizer, schedule, lr, iterates
            case optimizerParameters = "optimizer_parameters"
            case baseLearningRate = "base_lr"
        }
    }

    enum FixtureParameter: Decodable {
        case flag(Bool)
        case number(Double)
        case text(String)
        case numbers([Double])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .numbers(try container.decode([Double].self))
            }
        }

        var value: ParameterValue {
            switch self {
            case .flag(let flag): return .flag(flag)
            case .number(let number): return .number(number)
            case .text(let text): return .text(text)
            case .numbers(let numbers): return .numbers(numbers)
            }
        }
    }

    static func cases(_ file: String) throws -> [Case] {
        try JSONDecoder().decode(File<Case>.self, from: data(file)).cases
    }

    static func drivenCases() throws -> [DrivenCase] {
        try JSONDecoder().decode(File<DrivenCase>.self, from: data("schedule_driven_trajectories.json")).cases
    }

    static func parameterSet(_ parameters: [String: FixtureParameter]) -> ParameterSet {
        ParameterSet(parameters.mapValues(\.value))
    }

    private static func data(_ file: String) throws -> Data {
        try Data(contentsOf: FixtureFiles.url(file))
    }
}
