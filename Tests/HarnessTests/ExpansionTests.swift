import Harness
import Randomness
import Results
import Testing

@Suite struct ExpansionTests {
    static let text = """
        name: grid
        seed: 42
        repetitions: 2
        problems:
          - kind: quad
            kappa: [10, 1e4]
            d: 3
          - kind: lsq
            batch-size: [1, full]
            gradient-noise: [0, 0.5]
        optimizers:
          - kind: gd
            lr: [1/L, 0.001]
            momentum: [0, 0.9]
          - kind: gd
            lr: 0.1
            schedule: {kind: exponential, gamma: [0.5, 0.99]}
        """

    @Test func countsIdsAndOrder() throws {
        let p = try plan(Self.text)
        #expect(
            p.problems.map(\.id) == [
                "quad[d=3,kappa=10]", "quad[d=3,kappa=10000]",
                "lsq[batch-size=1]", "lsq[batch-size=1,gradient-noise=0.5]", "lsq", "lsq[gradient-noise=0.5]",
            ])
        #expect(
            p.optimizers.map(\.id) == [
                "gd[lr=1/L,momentum=0]", "gd[lr=1/L,momentum=0.9]", "gd[lr=0.001,momentum=0]",
                "gd[lr=0.001,momentum=0.9]",
                "gd[lr=0.1,schedule=exponential[gamma=0.5]]", "gd[lr=0.1,schedule=exponential[gamma=0.99]]",
            ])
        #expect(p.specs.count == 6 * 6 * 2)
        #expect(p.specs.map(\.id) == p.specs.map(\.id).sorted())
        #expect(Set(p.specs.map(\.id)).count == p.specs.count)
        #expect(p.specs.contains { $0.id == "quad[d=3,kappa=10000]/gd[lr=1/L,momentum=0.9]/rep=1" })
    }

    @Test func seedsFollowTheDesignFormulas() throws {
        let p = try plan(Self.text)
        for spec in p.specs {
            let problemSeed = SeedDerivation.derive(42, "\(spec.problem.instanceID)/rep=\(spec.repetition)")
            #expect(spec.problemSeed == problemSeed)
            #expect(spec.runSeed == SeedDerivation.derive(problemSeed, spec.optimizer.id))
        }
        // Batch size and noise do not change the instance: common random numbers across them.
        let lsq = p.specs.filter { $0.problem.kind.name == "lsq" && $0.repetition == 0 }
        #expect(Set(lsq.map(\.problemSeed)).count == 1)
    }

    @Test func filterAndShardsPartitionTheRuns() throws {
        let p = try plan(Self.text)
        let filtered = SuiteRunner.select(p, filter: GlobPattern("quad*/rep=1"), shard: nil)
        #expect(filtered.count == 2 * 6)
        let shards = try (1...3).map { SuiteRunner.select(p, filter: nil, shard: try Shard(index: $0, count: 3)) }
        #expect(shards.map(\.count).reduce(0, +) == p.specs.count)
        #expect(Set(shards.flatMap { $0.map { p.specs[$0].id } }) == Set(p.specs.map(\.id)))
        #expect(throws: ShardError.self) { try Shard(parsing: "4/3") }
        #expect(throws: ShardError.self) { try Shard(parsing: "x") }
    }

    @Test func duplicateIdsAreRejected() throws {
        let text =
            "name: d\nseed: 1\nproblems: [{kind: quad}]\noptimizers: [{kind: gd, lr: 0.1}, {kind: gd, lr: 0.1}]\n"
        #expect(throws: SuiteError.self) { try plan(text) }
    }

    @Test func includesAddEntriesAndDefaults() throws {
        let directory = temporaryDirectory()
        try "optimizers:\n  - kind: gd\n    lr: 0.2\nrepetitions: 3\n".write(
            to: directory.appendingPathComponent("shared.yaml"), atomically: true, encoding: .utf8)
        let main = directory.appendingPathComponent("main.yaml")
        try "name: m\nseed: 1\ninclude: shared.yaml\nproblems: [{kind: quad}]\noptimizers: [{kind: gd, lr: 0.1}]\n"
            .write(
                to: main, atomically: true, encoding: .utf8)
        let loaded = try SuiteLoader(catalog: TestKinds.catalog).load(path: main.path)
        #expect(loaded.repetitions == 3)
        #expect(try RunPlan(suite: loaded).optimizers.map(\.id) == ["gd[lr=0.1]", "gd[lr=0.2]"])
        try "name: m\nseed: 1\ninclude: main.yaml\n".write(
            to: directory.appendingPathComponent("shared.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: SuiteError.self) { try SuiteLoader(catalog: TestKinds.catalog).load(path: main.path) }
    }
}

@Suite struct OnlyOnTests {
    @Test func restrictsAnOptimizerToMatchingProblems() throws {
        let text = """
            name: o
            seed: 1
            problems: [{kind: lsq, n: 16, batch-size: [4, full]}, {kind: quad}]
            optimizers:
              - {kind: gd, lr: 0.1}
              - {kind: gd, lr: 0.2, only-on: ["lsq[n*", "quad*"]}
            """
        let p = try plan(text)
        #expect(p.specs.count == 3 + 2)
        #expect(!p.specs.contains { $0.id == "lsq[batch-size=4,n=16]/gd[lr=0.2]/rep=0" })
        let none = text.replacingOccurrences(of: "[\"lsq[n*\", \"quad*\"]", with: "nothing*")
        #expect(throws: SuiteError.self) { try plan(none) }
    }
}
