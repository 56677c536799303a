/// Reads the rows of a CSV file (``CSVParser``) in one pass over its bytes: the numbers go straight into
/// the caller's feature and target storage, with no per-cell string. A row that breaks a rule is read
/// again cell by cell (``diagnose(row:line:)``) to name the line, the column and what is wrong.
struct CSVRowReader {
    /// The file's bytes, `size` of them, then a zero byte.
    let base: UnsafeMutablePointer<UInt8>
    let size: Int
    let delimiter: UInt8
    /// Fields per row (the header's).
    let width: Int
    let labelIndex: Int
    let names: [String]
    let path: String

    static let newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r"), space = UInt8(ascii: " ")

    /// Reads the row starting at byte `row` (not blank), writes its features at `features` (advanced
    /// past them) and its label into `target`, and returns the position after its line end.
    @inline(__always)
    func read(
        row: Int, line: Int, features: inout UnsafeMutablePointer<Double>, target: inout Double
    ) throws -> Int {
        let limit = base + size + 1
        var cursor = base + row
        var out = features
        for field in 0..<width {
            while cursor.pointee == Self.space || cursor.pointee == UInt8(ascii: "\t") && delimiter != 9 {
                cursor += 1
            }
            let (value, end) = DecimalScanner.scan(cursor, limit: limit)
            var after = end
            while after.pointee == Self.space { after += 1 }
            let terminator = after.pointee
            let expected =
                field + 1 < width
                ? terminator == delimiter
                : terminator == Self.newline || terminator == Self.carriage || terminator == 0
            guard end != cursor, expected, value.isFinite else { throw diagnose(row: row, line: line) }
            if field == labelIndex {
                target = value
            } else {
                out.pointee = value
                out += 1
            }
            cursor = after + 1
        }
        features = out
        // `cursor` is one past the first line-end byte.
        var after = cursor - 1
        while after.pointee == Self.carriage { after += 1 }
        return (after.pointee == Self.newline ? after + 1 : after) - base
    }

    func fail(_ line: Int?, _ column: Int?, _ message: String) -> DataFileError {
        DataFileError(file: path, line: line, column: column, message: message)
    }

    /// The first problem of the row at byte `row`, read cell by cell.
    func diagnose(row: Int, line: Int) -> DataFileError {
        let limit = base + size + 1
        var field = 0
        var cursor = base + row
        while true {
            while cursor.pointee == Self.space || cursor.pointee == UInt8(ascii: "\t") && delimiter != 9 {
                cursor += 1
            }
            let first = cursor.pointee
            if first == delimiter || first == Self.newline || first == Self.carriage || first == 0 {
                // strtod would skip a line end and read the next row's number.
                return fail(line, field + 1, "an empty cell (column '\(names[min(field, width - 1)])')")
            }
            let (value, end) = DecimalScanner.scan(cursor, limit: limit)
            var after = end
            while after.pointee == Self.space { after += 1 }
            let terminator = after.pointee
            let atEnd = terminator == Self.newline || terminator == Self.carriage || terminator == 0
            if end == cursor || !(terminator == delimiter || atEnd) {
                var stop = cursor
                while stop.pointee != delimiter && stop.pointee != Self.newline && stop.pointee != 0
                    && stop.pointee != Self.carriage
                { stop += 1 }
                let cell = String(decoding: UnsafeBufferPointer(start: cursor, count: stop - cursor), as: UTF8.self)
                let what = cell.trimmingSpaces().isEmpty ? "an empty cell" : "not a number: '\(cell.prefix(40))'"
                return fail(line, field + 1, "\(what) (column '\(names[min(field, width - 1)])')")
            }
            guard value.isFinite else {
                return fail(
                    line, field + 1,
                    "\(value.isNaN ? "NaN" : "an infinite value") "
                        + "(column '\(names[min(field, width - 1)])'); data must be finite")
            }
            guard field < width else {
                return fail(line, field + 1, "the row has more than the header's \(width) fields")
            }
            field += 1
            if atEnd { return fail(line, field, "the row has \(field) fields; the header has \(width)") }
            cursor = after + 1
        }
    }
}
