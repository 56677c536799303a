import Harness
import Objectives
import Testing

/// f(x) = ½‖x‖² (L = μ = 1, quadratic) whose Hessians are declared unavailable, as an objective served
/// by another program might be.
struct HessianFreeBowl: Objective {
    var dimension: Int { 2 }
    var constants: ObjectiveConstants {
        ObjectiveConstants(optimalValue: 0, minimizer: [0, 0], smoothness: 1, strongConvexity: 1)
    }
    var startingPoint: [Double] { [1, -2] }
    var providesHessians: Bool { false }
    func value(at x: [Double]) -> Double { 0.5 * (x[0] * x[0] + x[1] * x[1]) }
    func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        gradient[0] = x[0]
        gradient[1] = x[1]
        return value(at: x)
    }
    func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        for i in 0..<2 { result[i] = .nan }
    }
}

/// `validate` refuses optimizer–problem pairs that cannot work, naming the optimizer entry's file, line
/// and key path and the problem, and lists every error of a file.
@Suite struct PairCheckTests {
    static var catalog: Catalog {
        var catalog = Catalog.builtIn
        catalog.problems.append(
            ProblemKind(name: "hessian-free-bowl", summary: "½‖x‖² without Hessians", parameters: []) { _, _ in
                HessianFreeBowl()
            })
        return catalog
    }

    func errors(_ text: String) -> [SuiteError] {
        do {
            let loaded = try suite(text, catalog: Self.catalog, file: "pairs.yaml")
            try SuiteRunner.validate(try RunPlan(suite: loaded))
            return []
        } catch let error as SuiteError {
            return [error]
        } catch let errors as SuiteErrors {
            return errors.errors
        } catch {
            Issue.record("unexpected \(type(of: error)): \(error)")
            return []
        }
    }

    @Test func methodsNeedingLOrMuAreRefusedOnProblemsWithoutThem() throws {
        // Beale (Beale 1958) has no global smoothness constant: heavy ball's and Nesterov's defaults need L.
        let found = errors(
            """
            name: t
            seed: 1
            problems:
              - kind: beale
            optimizers:
              - kind: adam
              - kind: heavy-ball
              - kind: nesterov-accelerated
            """)
        #expect(found.count == 2)
        let first = try #require(found.first)
        #expect(first.file == "pairs.yaml" && first.line == 7 && first.keyPath == "optimizers[1]")
        #expect(first.message.contains("beale") && first.message.contains("smoothness constant L"))
        #expect(found.last?.keyPath == "optimizers[2]" && found.last?.line == 8)
    }

    @Test func explicitHyperparametersMakeThePairWork() {
        // With lr and momentum given, heavy ball needs neither L nor μ.
        #expect(
            errors(
                """
                name: t
                seed: 1
                problems:
                  - kind: beale
                optimizers:
                  - kind: heavy-ball
                    lr: 0.001
                    momentum: 0.9
                """
            ).isEmpty)
    }

    @Test func quadraticOnlyMethodsAreRefusedOnOtherProblems() throws {
        let found = errors(
            """
            name: t
            seed: 1
            problems:
              - kind: quadratic
                d: 4
              - kind: rosenbrock
            optimizers:
              - kind: conjugate-gradient
            """)
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.keyPath == "optimizers[0]" && error.line == 8)
        #expect(error.message.contains("rosenbrock") && error.message.contains("quadratics only"))
    }

    @Test func methodsNeedingHessiansAreRefusedOnProblemsWithoutThem() {
        let found = errors(
            """
            name: t
            seed: 1
            problems:
              - kind: hessian-free-bowl
            optimizers:
              - kind: sgd
              - kind: newton
              - kind: newton-cg
              - kind: preconditioned-gd
            """)
        #expect(found.map(\.keyPath) == ["optimizers[1]", "optimizers[2]", "optimizers[3]"])
        #expect(found.allSatisfy { $0.message.contains("needs Hessians") })
    }

    @Test func everyErrorOfAFileIsListed() {
        let found = errors(
            """
            name: t
            seed: 1
            repetitons: 2
            problems:
              - kind: bealle
              - kind: rosenbrock
                d: -1
            optimizers:
              - kind: adamm
              - kind: sgd
                lr: -1
            """)
        #expect(found.map(\.line) == [3, 5, 7, 9, 11])
        #expect(
            found.map(\.keyPath) == [
                "repetitons", "problems[0].kind", "problems[1].d", "optimizers[0].kind",
                "optimizers[1].lr",
            ])
    }
}
