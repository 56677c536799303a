import Foundation
import GradientCheck
import Objectives
import Randomness
import Testing

/// A fresh temporary directory per test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-problems-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@discardableResult
func write(_ text: String, _ name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

@Suite struct DataFileTests {
    @Test func csvWithNamedLabelAndDetectedDelimiter() throws {
        let directory = try temporaryDirectory()
        let path = try write("\"a\";y;b\r\n1;0;2.5\r\n\r\n-3e-1;1;4\n", "semicolon.csv", in: directory)
        let table = try DataFileReader.read(path, label: "y")
        #expect(table.rowCount == 2 && table.columnCount == 2)
        #expect(table.featureNames == ["a", "b"])
        #expect(table.denseDataset?.features == [1, 2.5, -0.3, 4])
        #expect(table.targets == [0, 1])
        #expect(try table.binaryLabels() == [-1, 1])
        let tab = try DataFileReader.read(try write("x\tz\tlabel\n1\t2\t3\n", "tab.csv", in: directory))
        #expect(tab.columnCount == 2 && tab.targets == [3])
    }

    /// Cells are the C library's `strtod` bits (a generated file of long, short, signed and exponent
    /// spellings); CR, CRLF and blank lines end rows; a missing last cell is an empty cell, never the
    /// next line's number; a row with an extra field names it.
    @Test func csvCellsAreStrtodAndLineEndsAreKept() throws {
        let directory = try temporaryDirectory()
        var generator = Xoshiro256StarStar(seed: 21)
        var text = "u,v,w,label\n"
        var cells: [String] = []
        for row in 0..<500 {
            var fields: [String] = []
            for _ in 0..<3 {
                let value = generator.nextGaussian() * pow(10, Double(generator.nextInt(below: 12)) - 6)
                let spelling = [
                    String(format: "%.6f", value), String(format: "%.17g", value), "\(value)",
                    String(format: "%+.3e", value),
                    String(format: "%.20f", value),
                ][generator.nextInt(below: 5)]
                fields.append(spelling)
                cells.append(spelling)
            }
            text += fields.joined(separator: ",") + ",\(row % 2)" + ["\n", "\r\n", "\r", "\n\n"][row % 4]
        }
        let table = try DataFileReader.read(try write(text, "cells.csv", in: directory))
        #expect(table.rowCount == 500 && table.columnCount == 3)
        let expected = cells.map { strtod($0, nil).bitPattern }
        #expect(table.denseDataset?.features.map(\.bitPattern) == expected)
        #expect(table.targets == (0..<500).map { Double($0 % 2) })

        func failure(_ text: String) throws -> DataFileError? {
            do {
                _ = try DataFileReader.read(try write(text, "bad.csv", in: directory))
                return nil
            } catch let error as DataFileError {
                return error
            }
        }
        let lastEmpty = try #require(try failure("a,y\n1,\n2,1\n"))
        #expect(lastEmpty.line == 2 && lastEmpty.column == 2 && lastEmpty.message.contains("empty cell"))
        let tabEmpty = try #require(try failure("a\ty\n1\t\t\n"))
        #expect(tabEmpty.line == 2 && tabEmpty.column == 2 && tabEmpty.message.contains("empty cell"))
        let extra = try #require(try failure("a,y\n1,0\n1,0,5\n"))
        #expect(extra.line == 3 && extra.column == 3 && extra.message.contains("more than the header's 2 fields"))
        let spaced = try DataFileReader.read(try write("a , y\n 1.5 , 1 \n\n -2 ,0\n", "spaced.csv", in: directory))
        #expect(spaced.denseDataset?.features == [1.5, -2] && spaced.targets == [1, 0])
        #expect(spaced.source.rowLines == [2, 4])
    }

    /// Every kind of bad file is refused with its file, line and column.
    @Test func badFilesNameFileLineAndColumn() throws {
        let directory = try temporaryDirectory()
        func failure(_ text: String?, _ name: String = "bad.csv", label: String? = nil) throws -> DataFileError? {
            let path = text == nil ? directory.appendingPathComponent(name).path : try write(text!, name, in: directory)
            do {
                let table = try DataFileReader.read(path, label: label)
                _ = try table.binaryLabels()
                return nil
            } catch let error as DataFileError {
                return error
            }
        }
        let ragged = try #require(try failure("a,b,y\n1,2,0\n3,1\n"))
        #expect(ragged.line == 3 && ragged.column == 2 && ragged.message.contains("2 fields"))
        let word = try #require(try failure("a,b,y\n1,2,0\n3,abc,1\n"))
        #expect(
            word.line == 3 && word.column == 2 && word.message.contains("'abc'") && word.message.contains("column 'b'"))
        let nan = try #require(try failure("a,b,y\n1,nan,0\n"))
        #expect(nan.line == 2 && nan.column == 2 && nan.message.contains("NaN"))
        let infinite = try #require(try failure("a,b,y\n1,2,0\n1,-inf,1\n"))
        #expect(infinite.line == 3 && infinite.message.contains("infinite"))
        let empty = try #require(try failure("a,b,y\n1,,0\n"))
        #expect(empty.line == 2 && empty.column == 2 && empty.message.contains("empty cell"))
        let oneClass = try #require(try failure("a,y\n1,1\n2,1\n"))
        #expect(oneClass.message.contains("two classes"))
        let threeClasses = try #require(try failure("a,y\n1,0\n2,1\n3,2\n"))
        #expect(threeClasses.line == 4 && threeClasses.message.contains("more than two"))
        #expect(try failure("", "empty.csv")?.message.contains("empty") == true)
        #expect(try failure(nil, "missing.csv")?.message.contains("no such file") == true)
        #expect(try failure("a,y\n1,0\n", label: "label")?.message.contains("no column named 'label'") == true)
        let folder = directory.appendingPathComponent("folder.csv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try failure(nil, "folder.csv")?.message.contains("directory") == true)
        let libsvm = try write("+1 1:0.5 3:2\n-1 3:1 2:4\n", "bad.svm", in: directory)
        #expect(
            throws: DataFileError(
                file: libsvm, line: 2, column: 8,
                message: "index 2 does not increase (the previous index is 3)")
        ) {
            try DataFileReader.read(libsvm)
        }
    }

    /// The sparse kernels against the dense ``LogisticRegression`` and ``LeastSquares`` on the same rows
    /// (independent implementations), and against central differences.
    @Test func sparseKernelsMatchTheDenseOnes() throws {
        let directory = try temporaryDirectory()
        let text = """
            # a comment line
            +1 1:0.5 3:-1.25 4:2
            -1 2:1.5 4:0.25   # trailing comment
            +1 1:-0.75 2:0.5
            -1 3:3

            +1 1:1 2:1 3:1 4:1
            """
        let path = try write(text, "data.svm", in: directory)
        let table = try DataFileReader.read(path)
        guard case .sparse(let matrix) = table.storage else {
            Issue.record("not sparse")
            return
        }
        #expect(table.rowCount == 5 && table.columnCount == 4 && matrix.values.count == 12)
        var dense = [Double](repeating: 0, count: 20)
        for i in 0..<5 {
            for k in matrix.rowStarts[i]..<matrix.rowStarts[i + 1] {
                dense[i * 4 + Int(matrix.columns[k])] = matrix.values[k]
            }
        }
        let labels = try table.binaryLabels()
        let data = Dataset(rowCount: 5, columnCount: 4, features: dense, targets: labels)
        let sparseLogistic = SparseFiniteSum(matrix: matrix, targets: labels, loss: .logistic, lambda: 0.1)
        let denseLogistic = try LogisticRegression(training: data, lambda: 0.1)
        let sparseSquares = SparseFiniteSum(matrix: matrix, targets: labels, loss: .squared, lambda: 0.1)
        let denseSquares = try LeastSquares(data: data, lambda: 0.1)
        let w = [0.3, -0.2, 0.5, 0.1], v = [1, 0.5, -0.5, 2.0]
        for (sparse, reference) in [(sparseLogistic, denseLogistic as any Objective), (sparseSquares, denseSquares)] {
            var a = [Double](repeating: 0, count: 4), b = a
            let fa = sparse.evaluate(at: w, gradient: &a), fb = reference.evaluate(at: w, gradient: &b)
            #expect(abs(fa - fb) <= 1e-14)
            for j in 0..<4 { #expect(abs(a[j] - b[j]) <= 1e-14) }
            sparse.hessianVectorProduct(at: w, vector: v, result: &a)
            reference.hessianVectorProduct(at: w, vector: v, result: &b)
            for j in 0..<4 { #expect(abs(a[j] - b[j]) <= 1e-13) }
            let fStar = try #require(sparse.constants.optimalValue),
                referenceStar = try #require(reference.constants.optimalValue)
            #expect(abs(fStar - referenceStar) <= 1e-12)
            let l = try #require(sparse.constants.smoothness), referenceL = try #require(reference.constants.smoothness)
            #expect(abs(l - referenceL) <= 1e-9 * referenceL)
            #expect(GradientCheck.check(sparse).verdict == .fine)
        }
        // Mini-batches: the mean over the given rows.
        var batch = [Double](repeating: 0, count: 4), reference = batch
        let rows = [3, 0]
        let fBatch = rows.withUnsafeBufferPointer { sparseLogistic.evaluate(at: w, rows: $0, gradient: &batch) }
        let fReference = rows.withUnsafeBufferPointer { denseLogistic.evaluate(at: w, rows: $0, gradient: &reference) }
        #expect(abs(fBatch - fReference) <= 1e-14)
        for j in 0..<4 { #expect(abs(batch[j] - reference[j]) <= 1e-14) }
    }
}
