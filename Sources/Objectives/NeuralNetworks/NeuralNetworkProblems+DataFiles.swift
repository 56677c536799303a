import Parameters
import Randomness

/// `mlp` on a user's file (`file:`, with `label`, `format` and `features` as for `logistic`): the
/// classes are the label's distinct values in increasing order (class c is the c-th smallest, so
/// labels 1, 2, 3 or −1, 4, 9 both become 0, 1, 2), a LIBSVM file is made dense, and with `standardize`
/// (the default) every feature is z-scored with the training rows' mean and population std (the test
/// rows with the same statistics), as `logistic` does with its shipped data; the held-out split is the
/// one of every `mlp` (`test-fraction`, seeded).
extension NeuralNetworkProblems {
    /// Keys that describe shipped or synthetic data, refused with `file:` unless at their default.
    static let builtInDataKeys = ["data", "n", "noise", "classes"]

    /// The features (dense, row-major) and class indices of `table`, with the label values of the classes.
    /// Throws, naming the file and line, when the labels take fewer than two or more than
    /// ``maximumWidth`` values, or the table is wider than ``maximumWidth`` or larger than
    /// ``InstanceLimits/maximumEntries`` once dense.
    public static func classification(_ table: DataTable) throws -> (data: Dataset, labels: [Double]) {
        var seen = Set<Double>()
        for (row, label) in table.targets.enumerated() {
            guard seen.insert(label).inserted, seen.count > maximumWidth else { continue }
            throw DataFileError(
                file: table.source.path, line: table.source.lineOfRow(row), column: nil,
                message: "the labels take more than \(maximumWidth) values; an mlp classifier takes class "
                    + "labels (one output per distinct value)")
        }
        guard seen.count >= 2 else {
            throw DataFileError(
                file: table.source.path, line: nil, column: nil,
                message: "every label is "
                    + "\(table.targets.first.map { ParameterValue.format($0) } ?? "missing"); "
                    + "an mlp classifier needs at least two classes")
        }
        guard table.columnCount <= maximumWidth,
            table.rowCount * table.columnCount <= InstanceLimits.maximumEntries
        else {
            throw DataFileError(
                file: table.source.path, line: 1, column: nil,
                message: "\(table.rowCount)×\(table.columnCount) features; an mlp takes at most "
                    + "\(maximumWidth) inputs and \(InstanceLimits.maximumEntries) dense entries")
        }
        let labels = seen.sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, Double($0)) })
        let classes = table.targets.map { index[$0] ?? 0 }
        let features: [Double]
        switch table.storage {
        case .dense(let values): features = values
        case .sparse(let matrix):
            var dense = [Double](repeating: 0, count: table.rowCount * table.columnCount)
            for i in 0..<matrix.rowCount {
                for k in matrix.rowStarts[i]..<matrix.rowStarts[i + 1] {
                    dense[i * table.columnCount + Int(matrix.columns[k])] = matrix.values[k]
                }
            }
            features = dense
        }
        let data = Dataset(
            rowCount: table.rowCount, columnCount: table.columnCount, features: features, targets: classes)
        return (data, labels)
    }

    /// The training and held-out rows of the file `key` names, and the class count.
    static func fileData(
        _ parameters: ParameterSet, reader: ParameterReader, key: DataFileStore.Key,
        seed: UInt64
    ) throws -> (training: Dataset, test: Dataset?, classes: Int) {
        for name in builtInDataKeys {
            let defaultValue = mlpParameters.first { $0.name == name }?.defaultValue
            guard let given = parameters[name], given != defaultValue else { continue }
            throw ParameterError(
                key: name, expected: "no value with file: (the file is the data; its labels give the classes)",
                found: given.summary)
        }
        let (data, labels) = try classification(DataFileStore.shared.load(key).table)
        let testFraction = try checkedTestFraction(reader, rows: data.rowCount)
        var splitGenerator = Xoshiro256StarStar(seed: SeedDerivation.derive(seed, "split"))
        var (training, test) = data.split(testFraction: testFraction, using: &splitGenerator)
        if try reader.flag("standardize") {
            let (means, deviations) = training.columnStatistics()
            training = training.standardized(means: means, standardDeviations: deviations)
            test = test?.standardized(means: means, standardDeviations: deviations)
        }
        return (training, test, labels.count)
    }

    /// `test-fraction`, checked to leave at least two training rows of `rows`.
    static func checkedTestFraction(_ reader: ParameterReader, rows: Int) throws -> Double {
        let testFraction = try reader.number("test-fraction")
        guard rows - Int((testFraction * Double(rows)).rounded()) >= 2 else {
            throw ParameterError(
                key: "test-fraction", expected: "a number in [0, 1) that leaves at least 2 training rows",
                found: ParameterValue.format(testFraction))
        }
        return testFraction
    }
}
