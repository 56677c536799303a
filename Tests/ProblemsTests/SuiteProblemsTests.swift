import Foundation
import Harness
import Objectives
import Randomness
import Results
import Testing

/// Data files, start points, instances and iterates through the suite language and the harness.
@Suite struct SuiteProblemsTests {
    static let csv = "a,b,y\n1,2,0\n3,1,1\n0.5,-1,0\n"
    /// `printf 'a,b,y\n1,2,0\n3,1,1\n0.5,-1,0\n' | sha256sum` (GNU coreutils).
    /// (27 bytes: `wc -c`.)
    static let csvDigest = "c5db2c18d56b655a109b3b4994cd4d3a6df96ebcf28b8f7193ff8dd33ed3201f"

    func suiteText(_ problem: String, extra: String = "") -> String {
        "name: t\nseed: 5\nrepetitions: 2\n\(extra)budget: {max-iterations: 50}\nproblems:\n  - \(problem)\n"
            + "optimizers:\n  - {kind: lbfgs}\n"
    }

    func load(_ text: String, in directory: URL) throws -> Suite {
        let suitePath = directory.appendingPathComponent("suites/t.yaml").path
        try FileManager.default.createDirectory(
            atPath: (suitePath as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try text.write(toFile: suitePath, atomically: true, encoding: .utf8)
        return try SuiteLoader(catalog: .builtIn).load(path: suitePath)
    }

    func instances(_ suite: Suite) throws -> [ProblemInstance] {
        let plan = try RunPlan(suite: suite)
        return try (0..<suite.repetitions).map { repetition in
            let cell = plan.problems[0]
            return try Instantiation.makeProblem(
                cell, problemSeed: SeedDerivation.derive(suite.seed, "\(cell.instanceID)/rep=\(repetition)"))
        }
    }

    @Test func dataFilePathsAreRelativeToTheSuiteAndHashed() throws {
        let directory = try Self.dataSuiteDirectory()
        try write(Self.csv, "suites/data/small.csv", in: directory)
        let text = suiteText("{kind: logistic, file: data/small.csv, label: y, lambda: 0.1}")
        let suite = try load(text, in: directory)
        #expect(
            suite.dataFiles == [
                DataFileRecord(
                    path: "data/small.csv", sha256: Self.csvDigest, bytes: 27, format: "csv",
                    rows: 3, columns: 2, entries: 6)
            ])
        let instance = try #require(try instances(suite).first)
        #expect(instance.objective.dimension == 2 && instance.objective.sampleCount == 3)
        #expect(instance.parameters["file-sha256"] == .text(Self.csvDigest))
        #expect(instance.parameters["file"] == .text("data/small.csv"))

        // A changed file is a different suite (digest), so --resume and merge cannot mix them.
        DataFileStore.shared.removeAll()
        try write(Self.csv + "2,2,1\n", "suites/data/small.csv", in: directory)
        let changed = try load(text, in: directory)
        #expect(changed.digest != suite.digest)
        #expect(changed.dataFiles.first?.rows == 4)

        // A bad file stops the load, naming the suite entry and the data file's line and column.
        DataFileStore.shared.removeAll()
        try write("a,b,y\n1,2,0\n3,x,1\n", "suites/data/small.csv", in: directory)
        do {
            _ = try load(text, in: directory)
            Issue.record("a bad data file was accepted")
        } catch let error as SuiteError {
            #expect(error.keyPath == "problems[0].file")
            #expect(error.message.contains("small.csv:3:2: not a number: 'x'"), "\(error)")
        }
        DataFileStore.shared.removeAll()
    }

    /// `mlp` on a data file through the suite: hashed into the manifest and the record, classes from
    /// the labels, and a file with one class refused at load time naming the entry, the file and the key.
    @Test func mlpOnADataFile() throws {
        let directory = try Self.dataSuiteDirectory()
        // `printf '…' | sha256sum` and `wc -c` (GNU coreutils).
        let csv = "x1,x2,label\n0.5,1,2\n-1,0.25,5\n2,-0.5,9\n0,1.5,5\n1,1,2\n-0.5,-2,9\n"
        let digest = "324b38b0a93d29260fa875a20423971c0eca04ce34fe11095bf3981c8e326de3"
        try write(csv, "suites/data/three.csv", in: directory)
        let suite = try load(
            suiteText("{kind: mlp, file: data/three.csv, label: label, hidden: [4], test-fraction: 0.5}"),
            in: directory)
        #expect(
            suite.dataFiles == [
                DataFileRecord(
                    path: "data/three.csv", sha256: digest, bytes: 63, format: "csv",
                    rows: 6, columns: 2, entries: 12)
            ])
        let instance = try #require(try instances(suite).first)
        // Widths 2-4-3: three classes from the labels 2, 5, 9; half the rows held out.
        #expect(instance.objective.dimension == 2 * 4 + 4 + 4 * 3 + 3 && instance.objective.sampleCount == 3)
        #expect(instance.parameters["file-sha256"] == .text(digest))

        DataFileStore.shared.removeAll()
        try write("x1,x2,label\n0.5,1,2\n-1,0.25,2\n", "suites/data/three.csv", in: directory)
        do {
            _ = try load(suiteText("{kind: mlp, file: data/three.csv, hidden: [4]}"), in: directory)
            Issue.record("a one-class file was accepted for mlp")
        } catch let error as SuiteError {
            #expect(error.keyPath == "problems[0].file")
            #expect(
                error.message.contains("three.csv: every label is 2; an mlp classifier needs at least two classes"),
                "\(error)")
        }
        DataFileStore.shared.removeAll()
    }

    @Test func explicitAndRandomStarts() throws {
        let directory = try temporaryDirectory()
        let explicit = try instances(
            try load(suiteText("{kind: rosenbrock, d: 3, start: [0.5, 0.25, -1]}"), in: directory))
        #expect(explicit.allSatisfy { $0.objective.startingPoint == [0.5, 0.25, -1] })
        #expect(throws: SuiteError.self) {
            _ = try instances(try load(suiteText("{kind: rosenbrock, d: 3, start: [0.5, 0.25]}"), in: directory))
        }
        let radius = try instances(try load(suiteText("{kind: booth, start: {radius: 0.5}}"), in: directory))
        let base = Booth().startingPoint
        for instance in radius {
            let offset = zip(instance.objective.startingPoint, base).map { $0 - $1 }
            #expect(abs((offset[0] * offset[0] + offset[1] * offset[1]).squareRoot() - 0.5) < 1e-15)
        }
        #expect(radius[0].objective.startingPoint != radius[1].objective.startingPoint)
        let box = try instances(try load(suiteText("{kind: wood, start: {box: [-2, 3]}}"), in: directory))
        #expect(box.allSatisfy { $0.objective.startingPoint.allSatisfy { $0 >= -2 && $0 < 3 } })
        #expect(box[0].objective.startingPoint != box[1].objective.startingPoint)
    }

    @Test func seededInstancesShiftAndRotate() throws {
        let directory = try temporaryDirectory()
        let fixed = try instances(try load(suiteText("{kind: rosenbrock, d: 4, instance: 3}"), in: directory))
        let random = try instances(try load(suiteText("{kind: rosenbrock, d: 4, instance: random}"), in: directory))
        #expect(fixed[0].objective.constants.minimizer == fixed[1].objective.constants.minimizer)
        #expect(random[0].objective.constants.minimizer != random[1].objective.constants.minimizer)
        for instance in fixed + random {
            let objective = instance.objective
            let minimizer = try #require(objective.constants.minimizer)
            #expect(minimizer != [1, 1, 1, 1])
            #expect(abs(objective.value(at: minimizer)) < 1e-24)
            var gradient = [Double](repeating: 0, count: 4)
            _ = objective.evaluate(at: minimizer, gradient: &gradient)
            #expect(gradient.allSatisfy { abs($0) < 1e-10 })
            #expect(objective.startingPoint == ChainedRosenbrock(dimension: 4).startingPoint)
        }
        // Rotated: the Hessian at x* is not the base's Hessian up to a permutation of the axes.
        var rotated = [Double](repeating: 0, count: 16), base = rotated
        fixed[0].objective.hessian(at: try #require(fixed[0].objective.constants.minimizer), into: &rotated)
        ChainedRosenbrock(dimension: 4).hessian(at: [1, 1, 1, 1], into: &base)
        #expect(abs(rotated[0] - base[0]) > 1e-6)
        #expect(throws: SuiteError.self) {
            _ = try instances(try load(suiteText("{kind: quadratic, instance: 1}"), in: directory))
        }
    }

    @Test func iteratesOfAnyDimensionMatchTheTrace() throws {
        let directory = try temporaryDirectory()
        let suite = try load(suiteText("{kind: rosenbrock, d: 6}", extra: "record-iterates: true\n"), in: directory)
        let outcome = try Session.run(
            try RunPlan(suite: suite),
            options: SessionOptions(
                resultsRoot: directory.appendingPathComponent("results")))
        let records = try String(
            contentsOf: outcome.directory.url.appendingPathComponent("runs.jsonl"), encoding: .utf8
        )
        .split(separator: "\n").map { try RecordCoding.decoder().decode(RunRecord.self, from: Data($0.utf8)) }
        #expect(records.count == 2)
        for record in records {
            let file = try IterateFile(contentsOf: IterateFile.url(runID: record.id, in: outcome.directory.url))
            #expect(file.dimension == 6)
            #expect(file.iterations == record.trace.map(\.iteration))
            for (k, point) in record.trace.enumerated() {
                #expect(RunRecord.hex(SeedDerivation.fingerprint(Array(file.iterate(k)))) == point.fingerprint)
            }
        }
    }
}

extension SuiteProblemsTests {
    /// A new temporary directory with an empty `suites/data`, the data file cache emptied first.
    static func dataSuiteDirectory() throws -> URL {
        DataFileStore.shared.removeAll()
        let directory = try temporaryDirectory()
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("suites/data"), withIntermediateDirectories: true)
        return directory
    }

    /// An interrupted run on one version of a data file is not resumed on another.
    @Test func resumeRefusesAChangedDataFile() throws {
        defer { DataFileStore.shared.removeAll() }
        let directory = try Self.dataSuiteDirectory()
        try write(Self.csv, "suites/data/small.csv", in: directory)
        let text = suiteText("{kind: logistic, file: data/small.csv, label: y, lambda: 0.1}")
        let results = directory.appendingPathComponent("results")
        let stop = StopSignal()
        stop.raise()
        let first = try Session.run(
            try RunPlan(suite: try load(text, in: directory)),
            options: SessionOptions(resultsRoot: results, stop: stop))
        #expect(first.interrupted)
        DataFileStore.shared.removeAll()
        try write(Self.csv + "2,2,1\n", "suites/data/small.csv", in: directory)
        do {
            _ = try Session.run(
                try RunPlan(suite: try load(text, in: directory)),
                options: SessionOptions(resultsRoot: results, resume: true))
            Issue.record("--resume accepted a changed data file")
        } catch let error as ResultsError {
            #expect(error.message.contains("data/small.csv changed"), "\(error)")
        }
    }
}
