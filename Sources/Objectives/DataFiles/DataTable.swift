import Diagnostics
import Parameters

/// A design matrix read from a user's file, with one target per row — the type every data-driven
/// problem takes (``DataFileReader`` builds it). Dense files (CSV) keep a row-major matrix; sparse
/// files (LIBSVM/SVMlight) keep compressed sparse rows, never densified.
public struct DataTable: Sendable {
    public enum Storage: Sendable {
        /// Row-major n×d.
        case dense([Double])
        case sparse(CompressedSparseRows)
    }

    public let rowCount: Int
    public let columnCount: Int
    public let storage: Storage
    /// Length n: the label column (CSV) or the first field of each line (LIBSVM), as written.
    public let targets: [Double]
    /// Feature names from a CSV header (nil for LIBSVM).
    public let featureNames: [String]?
    /// What was read: path, format, size.
    public let source: DataFileSource

    public init(
        rowCount: Int, columnCount: Int, storage: Storage, targets: [Double], featureNames: [String]?,
        source: DataFileSource
    ) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.storage = storage
        self.targets = targets
        self.featureNames = featureNames
        self.source = source
    }

    /// Stored entries: n·d dense, the non-zeros sparse.
    public var storedEntries: Int {
        switch storage {
        case .dense(let values): return values.count
        case .sparse(let matrix): return matrix.values.count
        }
    }

    /// The dense ``Dataset`` of a dense table (nil for sparse storage).
    public var denseDataset: Dataset? {
        guard case .dense(let values) = storage else { return nil }
        return Dataset(rowCount: rowCount, columnCount: columnCount, features: values, targets: targets)
    }

    /// Targets mapped to ±1 for binary classification: {−1, 1} and {0, 1} as written (0 → −1), any
    /// other two values smaller → −1, larger → +1. Throws unless exactly two distinct values occur.
    public func binaryLabels() throws -> [Double] {
        var distinct: [Double] = []
        for (row, y) in targets.enumerated() where !distinct.contains(y) {
            distinct.append(y)
            if distinct.count > 2 {
                let seen = distinct.map { ParameterValue.format($0) }.joined(separator: ", ")
                throw DataFileError(
                    file: source.path, line: source.lineOfRow(row), column: nil,
                    message: "labels take more than two values (\(seen), …); logistic regression needs two classes")
            }
        }
        guard distinct.count == 2 else {
            throw DataFileError(
                file: source.path, line: nil, column: nil,
                message: "every label is \(distinct.first.map { ParameterValue.format($0) } ?? "missing"); "
                    + "logistic regression needs two classes")
        }
        let low = distinct.min()!, high = distinct.max()!
        return targets.map { $0 == low ? -1 : 1 }
    }

    /// The same table with other targets.
    public func withTargets(_ newTargets: [Double]) -> DataTable {
        DataTable(
            rowCount: rowCount, columnCount: columnCount, storage: storage, targets: newTargets,
            featureNames: featureNames, source: source)
    }
}

/// A sparse matrix in compressed sparse row form: row i's entries are `values[rowStarts[i]..<rowStarts[i+1]]`
/// in columns `columns[…]` (0-based, increasing within a row).
public struct CompressedSparseRows: Sendable {
    public let rowCount: Int
    public let columnCount: Int
    /// Length n + 1.
    public let rowStarts: [Int]
    public let columns: [Int32]
    public let values: [Double]

    public init(rowCount: Int, columnCount: Int, rowStarts: [Int], columns: [Int32], values: [Double]) {
        precondition(
            rowStarts.count == rowCount + 1 && columns.count == values.count
                && rowStarts.last == values.count, "CompressedSparseRows: inconsistent arrays")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
    }
}

/// Where a ``DataTable`` came from.
public struct DataFileSource: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, libsvm
    }

    public var path: String
    public var format: Format
    public var bytes: Int
    /// Lines before the first data row (1 for a CSV header).
    public var headerLines: Int
    /// File line of each row when comment or blank lines were skipped (nil: row i is on line i + 1 + headerLines).
    public var rowLines: [Int]?

    public init(path: String, format: Format, bytes: Int, headerLines: Int, rowLines: [Int]? = nil) {
        self.path = path
        self.format = format
        self.bytes = bytes
        self.headerLines = headerLines
        self.rowLines = rowLines
    }

    func lineOfRow(_ row: Int) -> Int {
        rowLines.map { $0[row] } ?? row + 1 + headerLines
    }
}

/// A data file that cannot be used: missing, unreadable, too large, or malformed at a line and column.
public struct DataFileError: GdbenchError, Equatable {
    public var file: String
    public var line: Int?
    /// 1-based column: the field number for CSV (with its header name in the message), the character
    /// position for LIBSVM.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column` (description: `file:line:column: message`).
    public var location: ErrorLocation? { ErrorLocation(file: file, line: line, column: column) }
}
