import Foundation
import Harness
import Optimizers
import Results
import Testing

/// Objectives served by another process: the standard-library Rosenbrock server
/// (clients/python/examples/rosenbrock_objective.py) performs the built-in `rosenbrock`'s arithmetic, so
/// every gdbench optimizer gives identical records on both (counts, statuses, traces, fingerprints);
/// a server that crashes or stops answering gives status `error`, never a hang, and the next run gets
/// a fresh server.
@Suite(.serialized) struct ExternalObjectiveTests {
    static let server = ExternalSupport.pythonClients.appendingPathComponent("examples/rosenbrock_objective.py").path

    @Test(.enabled(if: ExternalSupport.hasPython, "python3 is not installed"))
    func everyOptimizerGivesTheBuiltInRecordsOnAServedRosenbrock() throws {
        let directory = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // validate refuses kinds whose defaults need L (heavy-ball, nesterov-constant, nesterov-accelerated) or a
        // quadratic (conjugate-gradient) on a served objective, which declares neither, and online-gd on a problem
        // that is not an online stream (PairCheck).
        let refused: Set = [
            "switch", "random-restarts", "conjugate-gradient", "heavy-ball", "nesterov-constant",
            "nesterov-accelerated", "online-gd",
        ]
        let kinds = OptimizerCatalog.builtIn.map(\.name).filter { !refused.contains($0) }
        let optimizers = kinds.map { "  - kind: \($0)" }.joined(separator: "\n")
        func suite(_ problem: String) -> String {
            """
            name: served
            seed: 5
            repetitions: 1
            budget: {max-iterations: 150}
            targets: {measure: relative-gap, thresholds: [1e-2, 1e-8]}
            problems:
            \(problem)
            optimizers:
            \(optimizers)
            """
        }
        let served = try ExternalSupport.load(
            suite(
                """
                  - kind: external
                    name: rosenbrock
                    command: [python3, \(Self.server)]
                """.replacingOccurrences(of: "name: rosenbrock", with: "name: served-rosenbrock")), in: directory)
        let builtIn = try ExternalSupport.load(suite("  - kind: rosenbrock"), name: "builtin", in: directory)
        let a = try ExternalSupport.records(served)
        let b = try ExternalSupport.records(builtIn)
        #expect(a.count == kinds.count && b.count == kinds.count)
        let byOptimizer = Dictionary(uniqueKeysWithValues: b.map { ($0.optimizer.id, EqualityTests.essence($0)) })
        // noisy-gd draws its noise from the run seed, which derives from the problem id (here different), so
        // it is left out.
        for record in a where record.optimizer.kind != "noisy-gd" {
            #expect(byOptimizer[record.optimizer.id] == EqualityTests.essence(record), "\(record.optimizer.id)")
        }
        #expect(a.contains { $0.final.progress.hessianVectorProducts > 0 }, "Hessian-vector products are served too")
        #expect(a.contains { $0.status == .converged })
        ExternalSupport.closePools()
    }

    @Test(.enabled(if: ExternalSupport.hasPython, "python3 is not installed"))
    func aServerThatCrashesOrHangsGivesStatusError() throws {
        let directory = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let suite = try ExternalSupport.load(
            """
            name: served-faults
            seed: 5
            repetitions: 2
            budget: {max-iterations: 50}
            targets: {measure: relative-gap, thresholds: [1e-2]}
            problems:
              - kind: external
                name: faulty-rosenbrock
                command: [python3, \(Self.server)]
                deadline: 2
                fault: [none, crash, hang]
                fault-at: 20
            optimizers:
              - kind: lbfgs
              - kind: adam
            """, in: directory)
        let started = Date()
        let records = try ExternalSupport.records(suite, jobs: 2)
        #expect(Date().timeIntervalSince(started) < 90)
        #expect(records.count == 12)
        for record in records {
            let fault = record.problem.parameters["fault"] ?? "?"
            if fault == "none" {
                #expect(record.status != .error, "\(record.id): \(record.message ?? "")")
            } else {
                #expect(record.status == .error, "\(record.id)")
                let expected = fault == "crash" ? "exited with status 7" : "no answer within the deadline"
                #expect(
                    record.message?.contains("external objective faulty-rosenbrock") == true, "\(record.message ?? "")")
                #expect(record.message?.contains(expected) == true, "\(record.id): \(record.message ?? "")")
            }
        }
        ExternalSupport.closePools()
    }

    @Test func aTorchModelsLossIsServedToGdbenchsOptimizers() throws {
        guard let python = ExternalSupport.python(with: ["torch"]) else {
            print(
                "skipped aTorchModelsLossIsServedToGdbenchsOptimizers: no Python with torch (set GDBENCH_PYTHON to one)"
            )
            return
        }
        let directory = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = ExternalSupport.pythonClients.appendingPathComponent("examples/torch_model_objective.py").path
        let suite = try ExternalSupport.load(
            """
            name: torch-model
            seed: 5
            repetitions: 1
            budget: {max-iterations: 40}
            targets: {measure: gradient-norm, thresholds: [1e-12]}
            problems:
              - kind: external
                name: tanh-mlp
                command: [\(python), \(server)]
                hidden: 8
            optimizers:
              - kind: lbfgs
              - kind: newton-cg
            """, in: directory)
        let records = try ExternalSupport.records(suite, jobs: 1)
        #expect(records.count == 2)
        for record in records {
            #expect(record.status != .error, "\(record.id): \(record.message ?? "")")
            #expect(record.problem.dimension == 5 * 8 + 8 + 8 + 1, "the network's parameters, flattened")
            #expect(record.final.value < record.initialValue, "\(record.id) trains the model")
        }
        #expect(records.first { $0.optimizer.kind == "newton-cg" }?.final.progress.hessianVectorProducts ?? 0 > 0)
        ExternalSupport.closePools()
    }
}
