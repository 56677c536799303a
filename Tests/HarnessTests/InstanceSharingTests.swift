import Foundation
import Objectives
import Randomness
import Results
import Testing

@testable import Harness

/// Instances are built once: validation hands repetition 0's instance to the run, the optimizers of
/// one repetition share theirs, and every record states the construction time of its instance.
@Suite struct InstanceSharingTests {
    final class Builds: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() {
            lock.lock()
            count += 1
            lock.unlock()
        }
        var total: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }
    }

    static func catalog(counting builds: Builds) -> Catalog {
        var catalog = TestKinds.catalog
        catalog.problems.insert(
            ProblemKind(
                name: "built", summary: "quadratic that counts its constructions", parameters: [],
                make: { _, generator in
                    builds.add()
                    return DiagonalQuadratic.make(d: 3, kappa: 10, generator: &generator)
                }), at: 0)
        return catalog
    }

    static let text = """
        name: shared
        seed: 4
        repetitions: 3
        budget: {max-iterations: 20}
        problems: [{kind: built}]
        optimizers: [{kind: gd, lr: [0.1, 0.05, 0.01]}]
        """

    @Test func eachInstanceIsBuiltOnceForValidationAndEveryOptimizer() throws {
        let builds = Builds()
        let plan = try RunPlan(suite: try suite(Self.text, catalog: Self.catalog(counting: builds)))
        let records = try SuiteRunner.records(plan, options: SuiteRunOptions(jobs: 2))
        #expect(records.count == 9)
        // Three repetitions, three instances: repetition 0's was built by validation and reused.
        #expect(builds.total == 3)
        for repetition in 0..<3 {
            let times = Set(records.filter { $0.repetition == repetition }.map(\.wallTime.constructionSeconds))
            #expect(times.count == 1, "the optimizers of repetition \(repetition) share one instance and one time")
            #expect((times.first ?? nil).map { $0 >= 0 } == true)
        }
    }

    @Test func aSessionValidatesAndRunsWithOneBuildPerInstance() throws {
        let builds = Builds()
        let plan = try RunPlan(suite: try suite(Self.text, catalog: Self.catalog(counting: builds)))
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Session.run(plan, options: SessionOptions(resultsRoot: root, jobs: 1))
        #expect(builds.total == 3)
    }

    @Test func theCacheIsBoundedAndHandsAnInstanceOutOnce() throws {
        var generator = Xoshiro256StarStar(seed: 1)
        let instance = ProblemInstance(
            objective: DiagonalQuadratic.make(d: 100, kappa: 10, generator: &generator), parameters: ParameterSet(),
            expressionConstants: [:])
        let small = InstanceCache(capacityBytes: 3000) // one instance of d = 100 (≈ 1.8 kB) fits, two do not
        #expect(small.insert(instance, instanceID: "a", problemSeed: 1))
        #expect(!small.insert(instance, instanceID: "b", problemSeed: 1))
        #expect(small.take(instanceID: "a", problemSeed: 2) == nil)
        #expect(small.take(instanceID: "a", problemSeed: 1) != nil)
        #expect(small.take(instanceID: "a", problemSeed: 1) == nil)
        #expect(small.insert(instance, instanceID: "b", problemSeed: 1))
        #expect(small.count == 1)
    }

    @Test func recordsWithoutAConstructionTimeStillDecodeAndOmitTheField() throws {
        let line = try RecordCoding.line(
            Runner.failedRecord(
                try RunPlan(suite: try suite(Self.text, catalog: Self.catalog(counting: Builds()))).specs[0],
                suiteName: "shared", targets: TargetLadder(measure: .relativeGap, thresholds: [0.1]), instance: nil,
                message: "x"))
        #expect(!line.contains("constructionSeconds"))
    }
}
