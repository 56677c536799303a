import Foundation
import Harness
import Results
import Testing

/// The standard-library Python clients (GD, torch-order Adam) and the C client (GD) give records equal to
/// the built-in `sgd` and `adam` on the smoke problems: iterations, evaluations, statuses, target hits,
/// trace iterates and learning rates, final fingerprints (suites/external.yaml against the same problems
/// run with the built-ins).
@Suite(.serialized) struct EqualityTests {
    /// What must agree between an external run and its built-in twin (no ids, kinds or times).
    static func essence(_ record: RunRecord) -> String {
        let progress = record.final.progress
        let hits = record.targets.ladder.map {
            $0.hit.map { "\($0.iteration)/\($0.gradientEvaluations)/\($0.functionEvaluations)" } ?? "-"
        }
        let trace = record.trace.map {
            "\($0.iteration):\($0.fingerprint):\($0.gradientEvaluations):\($0.learningRate ?? .nan)"
        }
        return [
            "\(record.status)", "\(progress.iteration)", "\(progress.gradientEvaluations)",
            "\(progress.functionEvaluations)",
            "\(progress.hessianVectorProducts)", record.finalFingerprint, "\(record.final.value)",
            hits.joined(separator: ","), trace.joined(separator: " "),
        ].joined(separator: " | ")
    }

    /// Records keyed by problem id, optimizer parameters and repetition, with the kind renamed.
    static func keyed(_ records: [RunRecord], renaming: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for record in records {
            let kind = renaming[record.optimizer.kind] ?? record.optimizer.kind
            let key = "\(record.problem.id) \(kind) \(record.optimizer.parameters) \(record.repetition)"
            result[key] = essence(record)
        }
        return result
    }

    static func builtInTwin(of externalSuite: String, replacing: [(String, String)]) -> String {
        var text = externalSuite
        for (from, to) in replacing { text = text.replacingOccurrences(of: from, with: to) }
        return text
    }

    @Test(.enabled(if: ExternalSupport.hasPython, "python3 is not installed"))
    func pythonClientsEqualTheBuiltIns() throws {
        let external = try SuiteLoader(catalog: .builtIn).load(
            path: ExternalSupport.packageRoot.appendingPathComponent("suites/external.yaml").path)
        let text = try String(
            contentsOf: ExternalSupport.packageRoot.appendingPathComponent("suites/external.yaml"), encoding: .utf8)
        let directory = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let twin = try ExternalSupport.load(
            Self.builtInTwin(
                of: text,
                replacing: [
                    (
                        "kind: external\n    name: py-gd\n    command: [python3, ../clients/python/examples/gd.py]",
                        "kind: sgd"
                    ),
                    (
                        "kind: external\n    name: py-adam\n    command: [python3, ../clients/python/examples/adam.py]",
                        "kind: adam"
                    ),
                ]), in: directory)
        #expect(twin.optimizers.map(\.kind.name) == ["sgd", "adam"])
        let externalRecords = try ExternalSupport.records(external)
        let builtInRecords = try ExternalSupport.records(twin)
        #expect(externalRecords.count == 24)
        #expect(externalRecords.allSatisfy { $0.optimizer.client?.contains("gdbench protocol 1") == true })
        #expect(externalRecords.allSatisfy { $0.wallTime.split?.oracleSeconds ?? -1 >= 0 })
        let a = Self.keyed(externalRecords, renaming: ["py-gd": "sgd", "py-adam": "adam"])
        let b = Self.keyed(builtInRecords, renaming: [:])
        #expect(a.count == b.count)
        for (key, value) in a { #expect(b[key] == value, "\(key)") }
        // Not vacuous: the runs reach targets and the statuses differ between cells.
        #expect(Set(externalRecords.map(\.status)).count >= 2)
        ExternalSupport.closePools()
    }

    @Test(.enabled(if: ExternalSupport.compiler != nil, "no C compiler (cc) found"))
    func cClientEqualsTheBuiltInSGD() throws {
        let directory = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = try ExternalSupport.compileCClient(into: directory)
        let problems = """
            problems:
              - kind: quadratic
                d: 10
                kappa: [10, 1000]
                rotation: random
              - kind: logistic
                n: 200
                d: 5
                batch-size: [16, full]
            optimizers:

            """
        let external = try ExternalSupport.load(
            ExternalSupport.header("c-gd") + problems + """
                  - kind: external
                    name: c-gd
                    command: [\(binary)]
                    lr: [1/L, 0.5]
                """, in: directory)
        let twin = try ExternalSupport.load(
            ExternalSupport.header("c-gd") + problems + """
                  - kind: sgd
                    lr: [1/L, 0.5]
                """, name: "twin", in: directory)
        let a = Self.keyed(try ExternalSupport.records(external), renaming: ["c-gd": "sgd"])
        let b = Self.keyed(try ExternalSupport.records(twin), renaming: [:])
        #expect(a.count == 16 && a.count == b.count)
        for (key, value) in a { #expect(b[key] == value, "\(key)") }
        ExternalSupport.closePools()
    }
}
