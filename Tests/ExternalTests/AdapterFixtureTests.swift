import Foundation
import Harness
import Results
import Testing

/// The torch, optax and scipy adapters of gdbench_client, run through gdbench on the rosenbrock problem,
/// reproduce the committed golden fixtures (Fixtures/adapters.json, made by
/// scripts/external/make-adapter-fixtures.py running the libraries directly): the same iterations and
/// evaluation counts, and the same final point to 1e-9 (f and distance to x*). Skipped with a message when the Python
/// (`GDBENCH_PYTHON`, else python3) lacks the library; CI has only the standard library.
@Suite(.serialized) struct AdapterFixtureTests {
    struct Case: Decodable, CustomStringConvertible {
        var name: String
        var command: [String]
        var parameters: [String: JSONValue]
        var budget: Int
        var iterations: Int
        var functionEvaluations: Int
        var gradientEvaluations: Int
        var hessianVectorProducts: Int
        var final: [Double]
        var finalValue: Double
        var description: String { name }
        var library: String { String(command[1].split(separator: ".").last ?? "") }
    }

    enum JSONValue: Decodable, CustomStringConvertible {
        case number(Double)
        case text(String)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
        var description: String {
            switch self {
            case .number(let value): return "\(value)"
            case .text(let text): return text
            }
        }
    }

    struct Fixtures: Decodable { var cases: [Case] }

    static let cases: [Case] = {
        let url = ExternalSupport.fixtures.appendingPathComponent("adapters.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return (try? JSONDecoder().decode(Fixtures.self, from: data).cases) ?? []
    }()

    static let pythons: [String: String?] = {
        var found: [String: String?] = [:]
        for library in ["torch", "optax", "scipy"] {
            found[library] = ExternalSupport.python(with: [library, "numpy"])
        }
        return found
    }()

    @Test func theFixturesArePresent() {
        #expect(Self.cases.count == 7, "Fixtures/adapters.json lists the adapter cases")
    }

    @Test(arguments: cases)
    func adapterReproducesTheLibrary(_ fixture: Case) throws {
        guard let python = Self.pythons[fixture.library] ?? nil else {
            print("skipped \(fixture.name): no Python with \(fixture.library) (set GDBENCH_PYTHON to one)")
            return
        }
        setenv("PYTHONPATH", ExternalSupport.pythonClients.path, 1)
        let directory = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let parameters = fixture.parameters.keys.sorted().map { "    \($0): \(fixture.parameters[$0]!)" }.joined(
            separator: "\n")
        let suite = try ExternalSupport.load(
            """
            name: adapter
            seed: 1
            repetitions: 1
            budget:
              max-iterations: \(fixture.budget)
            targets:
              measure: relative-gap
              thresholds: [1e-300]
            problems:
              - kind: rosenbrock
            optimizers:
              - kind: external
                name: \(fixture.name)
                command: [\(([python] + fixture.command).joined(separator: ", "))]
                deadline: 300
            \(parameters)
            """, in: directory)
        let records = try ExternalSupport.records(suite, jobs: 1)
        let record = try #require(records.first)
        #expect(record.status != .error, "\(record.message ?? "")")
        let progress = record.final.progress
        #expect(progress.iteration == fixture.iterations)
        #expect(progress.functionEvaluations == fixture.functionEvaluations)
        #expect(progress.gradientEvaluations == fixture.gradientEvaluations)
        #expect(progress.hessianVectorProducts == fixture.hessianVectorProducts)
        let distance =
            ((fixture.final[0] - 1) * (fixture.final[0] - 1) + (fixture.final[1] - 1) * (fixture.final[1] - 1))
            .squareRoot()
        // gdbench's Rosenbrock and the fixture's numpy one may differ in the last bits, which Newton-CG
        // amplifies: the final f and distance to x* = (1, 1) agree to 1e-9 absolute (the problem's scale is 1).
        #expect(
            abs(record.final.value - fixture.finalValue) <= 1e-9 * max(1, abs(fixture.finalValue)),
            "final f \(record.final.value) vs \(fixture.finalValue)")
        #expect(abs((record.final.distance ?? .nan) - distance) <= 1e-9, "distance to x*")
        ExternalSupport.closePools()
    }
}
