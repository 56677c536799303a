import Foundation
import Parameters
import Randomness
import TestSupport
import Testing

@testable import Objectives

/// The `mlp` kind on a user's data file: loss and gradient against PyTorch on a CSV cut from iris
/// (`scripts/reference/mlp_file_reference.py`), the held-out split's standardisation recomputed here
/// from the raw rows, LIBSVM input, and the refusals.
@Suite(.serialized) struct NeuralNetworkFileTests {
    struct Reference: Decodable {
        var widths: [Int]
        var loss: Double
        var gradient: [Double]
    }

    static let sample = FixtureFiles.url("mlp_file_sample.csv").path

    func make(_ values: [String: ParameterValue], seed: UInt64 = 3) throws -> MultilayerPerceptron {
        var generator = Xoshiro256StarStar(seed: seed)
        let kind = try #require(ProblemCatalog.kind(named: "mlp"))
        return try #require(try kind.make(ParameterSet(values), &generator) as? MultilayerPerceptron)
    }

    @Test func lossAndGradientMatchTorchOnTheFile() throws {
        let reference = try Fixtures.decode(Reference.self, from: "mlp_file_reference.json")
        let network = try make([
            "file": .text(Self.sample), "label": .text("species"), "hidden": .numbers([5]),
            "test-fraction": .number(0),
        ])
        #expect(network.widths == reference.widths)
        #expect(network.sampleCount == 30 && network.test == nil)
        let theta = (0..<network.dimension).map { 0.5 * sin(Double($0 + 1)) }
        var gradient = [Double](repeating: 0, count: network.dimension)
        let loss = network.evaluate(at: theta, gradient: &gradient)
        #expect(abs(loss - reference.loss) <= 1e-13 * abs(reference.loss), "\(loss) vs torch \(reference.loss)")
        #expect(gradient.count == reference.gradient.count)
        for (mine, torch) in zip(gradient, reference.gradient) {
            #expect(abs(mine - torch) <= 1e-14 + 1e-12 * abs(torch))
        }
    }

    /// z-scores use the training rows' mean and population std, and the held-out rows the same statistics.
    @Test func heldOutSplitIsStandardisedWithTheTrainingStatistics() throws {
        let common: [String: ParameterValue] = [
            "file": .text(Self.sample), "label": .text("species"), "hidden": .numbers([4]),
            "test-fraction": .number(0.3),
        ]
        let raw = try make(common.merging(["standardize": .flag(false)]) { $1 })
        let scaled = try make(common)
        let rawTest = try #require(raw.test), scaledTest = try #require(scaled.test)
        #expect(raw.training.rowCount == 21 && rawTest.rowCount == 9)
        #expect(raw.training.targets == scaled.training.targets && rawTest.targets == scaledTest.targets)
        #expect(Set(raw.training.targets + rawTest.targets) == [0, 1, 2])
        let n = Double(raw.training.rowCount), d = raw.training.columnCount
        for j in 0..<d {
            let column = (0..<raw.training.rowCount).map { raw.training.features[$0 * d + j] }
            let mean = column.reduce(0, +) / n
            let deviation = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
            for (rawSet, scaledSet) in [(raw.training, scaled.training), (rawTest, scaledTest)] {
                for i in 0..<rawSet.rowCount {
                    let expected = (rawSet.features[i * d + j] - mean) / deviation
                    #expect(abs(scaledSet.features[i * d + j] - expected) <= 1e-12)
                }
            }
        }
    }

    /// A LIBSVM file is made dense; labels −1, 4, 9 become classes 0, 1, 2; the same rows as CSV give the same network.
    @Test func libsvmFileAndArbitraryLabelValues() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gdbench-mlp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svm = directory.appendingPathComponent("rows.svm"), csv = directory.appendingPathComponent("rows.csv")
        try "4 1:0.5 3:2\n-1 2:1\n9 1:-1 2:3 3:0.25\n4 3:1\n-1 1:2\n".write(to: svm, atomically: true, encoding: .utf8)
        try "a,b,c,y\n0.5,0,2,4\n0,1,0,-1\n-1,3,0.25,9\n0,0,1,4\n2,0,0,-1\n".write(
            to: csv, atomically: true, encoding: .utf8)
        let settings: [String: ParameterValue] = [
            "hidden": .numbers([3]), "test-fraction": .number(0), "activation": .text("gelu"),
        ]
        let fromSVM = try make(settings.merging(["file": .text(svm.path)]) { $1 })
        let fromCSV = try make(settings.merging(["file": .text(csv.path)]) { $1 })
        #expect(fromSVM.widths == [3, 3, 3] && fromSVM.training.targets == [1, 0, 2, 1, 0])
        #expect(fromSVM.training.features == fromCSV.training.features)
        #expect(fromSVM.value(at: fromSVM.startingPoint) == fromCSV.value(at: fromCSV.startingPoint))
    }

    @Test func refusalsNameTheKeyOrTheFileAndLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gdbench-mlp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let oneClass = directory.appendingPathComponent("one.csv")
        try "a,y\n1,7\n2,7\n3,7\n".write(to: oneClass, atomically: true, encoding: .utf8)
        do {
            _ = try make(["file": .text(oneClass.path)])
            Issue.record("one class accepted")
        } catch let error as DataFileError {
            #expect(error.file == oneClass.path && error.message.contains("at least two classes"), "\(error)")
        }
        let manyClasses = directory.appendingPathComponent("many.csv")
        try ("a,y\n" + (0...NeuralNetworkProblems.maximumWidth).map { "1,\($0)\n" }.joined())
            .write(to: manyClasses, atomically: true, encoding: .utf8)
        do {
            _ = try make(["file": .text(manyClasses.path)])
            Issue.record("too many classes accepted")
        } catch let error as DataFileError {
            #expect(
                error.line == NeuralNetworkProblems.maximumWidth + 2 && error.message.contains("more than"), "\(error)")
        }
        for (key, value) in [("classes", ParameterValue.number(4)), ("data", .text("spirals")), ("n", .number(50))] {
            #expect(
                throws: ParameterError(
                    key: key, expected: "no value with file: (the file is the data; its labels give the classes)",
                    found: value.summary)
            ) {
                _ = try make(["file": .text(Self.sample), "label": .text("species"), key: value])
            }
        }
        #expect(throws: ParameterError.self) { _ = try make(["standardize": .flag(false)]) }
        #expect(throws: ParameterError.self) { _ = try make(["label": .text("species")]) }
        #expect(throws: ParameterError.self) {
            _ = try make(["file": .text(Self.sample), "label": .text("species"), "test-fraction": .number(0.95)])
        }
        // The defaults of the built-in data may be spelled out beside a file.
        _ = try make([
            "file": .text(Self.sample), "label": .text("species"), "data": .text("digits"), "standardize": .flag(true),
        ])
    }
}
