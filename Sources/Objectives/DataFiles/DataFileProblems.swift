import Parameters
import Randomness

/// `logistic`, `least-squares` and `mlp` on a user's file (`file:`): the parameters that read the file
/// and the builders from a ``DataTable`` (the `mlp` one is ``NeuralNetworkProblems/classification(_:)``).
/// Dense tables (CSV) build ``LogisticRegression`` and
/// ``LeastSquares`` — today's kernels and exact constants, d ≤ ``FiniteSumProblems/maximumFeatures`` —;
/// sparse tables (LIBSVM) build ``SparseFiniteSum``, any d up to ``DataFileReader/maximumColumns``.
public enum DataFileProblems {
    /// Parameters shared by the data-driven kinds.
    public static let parameters: [ParameterSpec] = [
        ParameterSpec(
            "file", .choice([]), default: .text("none"),
            "a data file: CSV with a header or LIBSVM/SVMlight (path relative to the suite file)"),
        ParameterSpec(
            "label", .choice([]), default: .text("last"), "CSV: name of the label column (default: the last)"),
        ParameterSpec(
            "format", .choice(["auto", "csv", "libsvm"]), default: .text("auto"),
            "auto: LIBSVM for .svm .libsvm .svmlight .t .scale, else CSV"),
        ParameterSpec(
            "features", .integer(minimum: 1), default: .text("auto"),
            "LIBSVM: number of features d (default: the largest index)"),
    ]

    /// The keys that only synthetic or embedded data take.
    static let dataOnlyKeys = ["label", "format", "features"]

    /// The store key of the file a problem names, nil when `file` is not given.
    public static func key(_ parameters: ParameterSet) throws -> DataFileStore.Key? {
        guard case .text(let path)? = parameters["file"], path != "none" else {
            let defaults = Dictionary(
                uniqueKeysWithValues: parameters.values.keys.compactMap { key in
                    Self.parameters.first { $0.name == key }.map { (key, $0.defaultValue) }
                })
            for key in dataOnlyKeys where parameters[key] != nil && parameters[key] != defaults[key] ?? nil {
                throw ParameterError(
                    key: key, expected: "no value without file:", found: parameters[key]?.summary ?? "")
            }
            return nil
        }
        let format: DataFileSource.Format
        switch parameters["format"] {
        case .text("csv")?: format = .csv
        case .text("libsvm")?: format = .libsvm
        default: format = DataFileReader.detectFormat(path)
        }
        var label: String?
        if case .text(let name)? = parameters["label"], name != "last" {
            guard format == .csv else {
                throw ParameterError(
                    key: "label", expected: "no label name for a LIBSVM file (the label is each line's first field)",
                    found: name)
            }
            label = name
        }
        var columns: Int?
        if case .number(let count)? = parameters["features"] {
            guard format == .libsvm else {
                throw ParameterError(
                    key: "features", expected: "no value for a CSV file (its header gives d)",
                    found: ParameterValue.format(count))
            }
            columns = Int(count)
        }
        return DataFileStore.Key(path: path, format: format, label: label, columns: columns)
    }

    /// The `logistic` kind on a file: `data` must stay synthetic and the synthetic-only keys unset.
    static func logistic(_ parameters: ParameterSet, file: DataFileStore.Key, seed: UInt64) throws -> any Objective {
        let reader = try ParameterReader(parameters, specs: FiniteSumProblems.logisticParameters, kind: "logistic")
        try rejectSyntheticKeys(parameters)
        if try reader.choice("data") != "synthetic" {
            throw ParameterError(
                key: "data", expected: "no value with file: (the file is the data)", found: try reader.choice("data"))
        }
        guard try reader.number("lambda") > 0 else {
            throw ParameterError(
                key: "lambda",
                expected: "a number > 0 with a data file (λ = 0 is for the separable "
                    + "synthetic data, where gdbench knows there is no minimiser)", found: "0")
        }
        let entry = try DataFileStore.shared.load(file)
        let testFraction = try reader.number("test-fraction")
        let testRows = Int((testFraction * Double(entry.table.rowCount)).rounded())
        guard entry.table.rowCount - testRows >= 2 else {
            throw ParameterError(
                key: "test-fraction", expected: "a fraction that leaves at least 2 training rows",
                found: ParameterValue.format(testFraction))
        }
        return try logistic(
            entry, key: file, standardize: try reader.flag("standardize"), intercept: try reader.flag("intercept"),
            lambda: try reader.number("lambda"), testFraction: testFraction,
            splitSeed: SeedDerivation.derive(seed, "split"))
    }

    /// The `least-squares` kind on a file.
    static func leastSquares(_ parameters: ParameterSet, file: DataFileStore.Key) throws -> any Objective {
        let reader = try ParameterReader(
            parameters, specs: FiniteSumProblems.leastSquaresParameters, kind: "least-squares")
        try rejectSyntheticKeys(parameters)
        return try leastSquares(try DataFileStore.shared.load(file), key: file, lambda: try reader.number("lambda"))
    }

    static func rejectSyntheticKeys(_ parameters: ParameterSet) throws {
        for key in FiniteSumProblems.syntheticOnlyKeys + ["noise"] where parameters[key] != nil {
            throw ParameterError(
                key: key, expected: "no value with file: (it shapes synthetic data)",
                found: parameters[key]?.summary ?? "")
        }
    }

    /// Throws what building `kind` (`logistic`, `least-squares` or `mlp`) on `entry` would throw about
    /// the data itself: the two-class labels of logistic regression and the dense column limit, the
    /// classes and size limits of an mlp.
    public static func validate(_ entry: DataFileStore.Entry, kind: String) throws {
        if kind == NeuralNetworkProblems.mlp.name {
            _ = try NeuralNetworkProblems.classification(entry.table)
            return
        }
        if kind == "logistic" { _ = try entry.table.binaryLabels() }
        _ = try checkDense(entry.table)
    }

    /// Dense tables need d ≤ ``FiniteSumProblems/maximumFeatures`` (their constants use dense
    /// factorisations).
    static func checkDense(_ table: DataTable) throws -> Dataset? {
        guard let dense = table.denseDataset else { return nil }
        guard dense.columnCount <= FiniteSumProblems.maximumFeatures else {
            throw DataFileError(
                file: table.source.path, line: 1, column: nil,
                message: "\(dense.columnCount) features; a dense (CSV) file may have at most "
                    + "\(FiniteSumProblems.maximumFeatures); write it as LIBSVM to keep it sparse")
        }
        return dense
    }

    struct InstanceKey: Hashable, Sendable {
        var file: DataFileStore.Key
        var digest: String
        var loss: String
        var standardize: Bool
        var intercept: Bool
        var lambda: Double
        var testFraction: Double
        var splitSeed: UInt64
    }

    static let logisticCache = ConstantsCache<InstanceKey>()
    static let squaresCache = ConstantsCache<InstanceKey>()

    /// Logistic regression on `entry`'s table: labels mapped to ±1 (``DataTable/binaryLabels()``), the
    /// seeded split, then (dense) z-scores with the training statistics or (sparse) division by the
    /// training columns' population std without centring (scikit-learn `StandardScaler(with_mean=False)`),
    /// then the intercept column.
    static func logistic(
        _ entry: DataFileStore.Entry, key: DataFileStore.Key, standardize: Bool, intercept: Bool,
        lambda: Double, testFraction: Double, splitSeed: UInt64
    ) throws -> any Objective {
        let table = entry.table.withTargets(try entry.table.binaryLabels())
        let instance = InstanceKey(
            file: key, digest: entry.digest, loss: "logistic", standardize: standardize,
            intercept: intercept, lambda: lambda, testFraction: testFraction,
            splitSeed: testFraction > 0 ? splitSeed : 0)
        if let dense = try checkDense(table) {
            var generator = Xoshiro256StarStar(seed: splitSeed)
            var (training, test) = dense.split(testFraction: testFraction, using: &generator)
            if standardize {
                let (means, deviations) = training.columnStatistics()
                training = training.standardized(means: means, standardDeviations: deviations)
                test = test?.standardized(means: means, standardDeviations: deviations)
            }
            if intercept {
                training = training.appendingInterceptColumn()
                test = test?.appendingInterceptColumn()
            }
            let constants = try logisticCache.constants(for: instance) {
                try LogisticRegression.solveConstants(training: training, lambda: lambda)
            }
            return LogisticRegression(training: training, test: test, lambda: lambda, constants: constants)
        }
        guard testFraction == 0 else {
            throw ParameterError(
                key: "test-fraction", expected: "0 for a LIBSVM file (held-out rows need dense data)",
                found: ParameterValue.format(testFraction))
        }
        return try sparse(
            table, loss: .logistic, scale: standardize, intercept: intercept, lambda: lambda,
            instance: instance, cache: logisticCache)
    }

    /// Least squares on `entry`'s table (targets as written).
    static func leastSquares(_ entry: DataFileStore.Entry, key: DataFileStore.Key, lambda: Double) throws
        -> any Objective
    {
        let instance = InstanceKey(
            file: key, digest: entry.digest, loss: "squared", standardize: false, intercept: false,
            lambda: lambda, testFraction: 0, splitSeed: 0)
        if let dense = try checkDense(entry.table) {
            if lambda == 0 && dense.rowCount < dense.columnCount {
                throw ParameterError(
                    key: "lambda",
                    expected: "> 0 when the file has fewer rows (\(dense.rowCount)) "
                        + "than features (\(dense.columnCount))", found: "0")
            }
            let constants = try squaresCache.constants(for: instance) {
                try LeastSquares.solveConstants(data: dense, lambda: lambda)
            }
            return LeastSquares(data: dense, lambda: lambda, constants: constants)
        }
        return try sparse(
            entry.table, loss: .squared, scale: false, intercept: false, lambda: lambda,
            instance: instance, cache: squaresCache)
    }

    static func sparse(
        _ table: DataTable, loss: SparseFiniteSum.Loss, scale: Bool, intercept: Bool, lambda: Double,
        instance: InstanceKey, cache: ConstantsCache<InstanceKey>
    ) throws -> any Objective {
        guard case .sparse(var matrix) = table.storage else { preconditionFailure("sparse storage expected") }
        if scale { matrix = matrix.scalingColumnsToUnitDeviation() }
        if intercept { matrix = matrix.appendingOnesColumn() }
        let unsolved = SparseFiniteSum(
            matrix: matrix, targets: table.targets, loss: loss, lambda: lambda,
            constants: ObjectiveConstants())
        let constants = try cache.constants(for: instance) { SparseFiniteSumConstants.solve(unsolved, full: true) }
        return SparseFiniteSum(matrix: matrix, targets: table.targets, loss: loss, lambda: lambda, constants: constants)
    }
}

extension CompressedSparseRows {
    /// Every column divided by its population standard deviation over all n rows (zeros included);
    /// a column without spread is left as it is.
    func scalingColumnsToUnitDeviation() -> CompressedSparseRows {
        var sums = [Double](repeating: 0, count: columnCount), squares = sums
        for k in values.indices {
            sums[Int(columns[k])] += values[k]
            squares[Int(columns[k])] += values[k] * values[k]
        }
        let n = Double(rowCount)
        let factors = (0..<columnCount).map { j -> Double in
            let mean = sums[j] / n
            let deviation = max(0, squares[j] / n - mean * mean).squareRoot()
            return deviation > 0 ? 1 / deviation : 1
        }
        return CompressedSparseRows(
            rowCount: rowCount, columnCount: columnCount, rowStarts: rowStarts, columns: columns,
            values: values.indices.map { values[$0] * factors[Int(columns[$0])] })
    }

    /// A last column of ones.
    func appendingOnesColumn() -> CompressedSparseRows {
        var starts = [0], newColumns: [Int32] = [], newValues: [Double] = []
        newColumns.reserveCapacity(columns.count + rowCount)
        newValues.reserveCapacity(values.count + rowCount)
        for i in 0..<rowCount {
            for k in rowStarts[i]..<rowStarts[i + 1] {
                newColumns.append(columns[k])
                newValues.append(values[k])
            }
            newColumns.append(Int32(columnCount))
            newValues.append(1)
            starts.append(newValues.count)
        }
        return CompressedSparseRows(
            rowCount: rowCount, columnCount: columnCount + 1, rowStarts: starts,
            columns: newColumns, values: newValues)
    }
}
