#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// LIBSVM/SVMlight text (Chang & Lin, LIBSVM FAQ; Joachims, SVMlight): one row per line,
/// `label index:value index:value …` with 1-based, strictly increasing indices; `#` starts a comment;
/// blank and comment-only lines are skipped. Entries stay sparse (``CompressedSparseRows``, 0-based
/// columns); d is the largest index unless given. `qid:` pairs are rejected (ranking data).
enum LIBSVMParser {
    static func parse(_ bytes: [UInt8], path: String, columns: Int?) throws -> DataTable {
        let size = bytes.count - 1
        let newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r"), hash = UInt8(ascii: "#")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), colon = UInt8(ascii: ":")
        func fail(_ line: Int, _ column: Int?, _ message: String) -> DataFileError {
            DataFileError(file: path, line: line, column: column, message: message)
        }
        var rowStarts: [Int] = [0]
        var indices: [Int32] = []
        var values: [Double] = []
        var targets: [Double] = []
        var rowLines: [Int] = []
        var largest = 0
        var line = 0
        try bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeMutablePointer(mutating: buffer.baseAddress!)
            var position = 0
            while position < size {
                line += 1
                let lineStart = position
                var lineEnd = position
                while lineEnd < size, base[lineEnd] != newline { lineEnd += 1 }
                defer { position = lineEnd + 1 }
                var cursor = position
                func skipBlanks() {
                    while cursor < lineEnd, base[cursor] == space || base[cursor] == tab || base[cursor] == carriage {
                        cursor += 1
                    }
                }
                skipBlanks()
                if cursor >= lineEnd || base[cursor] == hash { continue }
                func number(_ what: String) throws -> Double {
                    var end: UnsafeMutablePointer<CChar>?
                    let start = UnsafeMutableRawPointer(base + cursor).assumingMemoryBound(to: CChar.self)
                    let value = strtod(start, &end)
                    let stop = UnsafeMutableRawPointer(end!).assumingMemoryBound(to: UInt8.self) - base
                    guard stop > cursor, stop <= lineEnd else {
                        throw fail(
                            line, cursor - lineStart + 1, "expected \(what), found '\(token(base, cursor, lineEnd))'")
                    }
                    guard value.isFinite else {
                        throw fail(
                            line, cursor - lineStart + 1,
                            "\(what) is \(value.isNaN ? "NaN" : "infinite"); data must be finite")
                    }
                    cursor = stop
                    return value
                }
                targets.append(try number("a label"))
                var previous = 0
                while true {
                    let before = cursor
                    skipBlanks()
                    if cursor >= lineEnd || base[cursor] == hash { break }
                    if cursor == before {
                        throw fail(
                            line, cursor - lineStart + 1, "expected a blank before '\(token(base, cursor, lineEnd))'")
                    }
                    let column = cursor - lineStart + 1
                    if token(base, cursor, lineEnd).hasPrefix("qid:") {
                        throw fail(line, column, "qid: pairs (ranking data) are not supported")
                    }
                    var index = 0
                    var digits = 0
                    while cursor < lineEnd, base[cursor] >= 48, base[cursor] <= 57, digits < 10 {
                        index = index * 10 + Int(base[cursor] - 48)
                        cursor += 1
                        digits += 1
                    }
                    guard digits > 0, cursor < lineEnd, base[cursor] == colon else {
                        throw fail(
                            line, column,
                            "expected index:value, found "
                                + "'\(token(base, before == cursor ? cursor : column + lineStart - 1, lineEnd))'")
                    }
                    guard index >= 1, index <= DataFileReader.maximumColumns else {
                        throw fail(
                            line, column,
                            "index \(index) is outside 1…\(DataFileReader.maximumColumns) (indices are 1-based)")
                    }
                    guard index > previous else {
                        throw fail(line, column, "index \(index) does not increase (the previous index is \(previous))")
                    }
                    cursor += 1
                    let value = try number("a value after '\(index):'")
                    if cursor < lineEnd,
                        !(base[cursor] == space || base[cursor] == tab || base[cursor] == carriage
                            || base[cursor] == hash)
                    {
                        throw fail(line, column, "'\(token(base, column + lineStart - 1, lineEnd))' is not index:value")
                    }
                    previous = index
                    largest = max(largest, index)
                    if value != 0 {
                        indices.append(Int32(index - 1))
                        values.append(value)
                    }
                }
                rowStarts.append(values.count)
                rowLines.append(line)
            }
        }
        guard !targets.isEmpty else {
            throw DataFileError(
                file: path, line: nil, column: nil, message: "no data rows (only blank or comment lines)")
        }
        if let columns, columns < largest {
            throw DataFileError(
                file: path, line: nil, column: nil,
                message: "an index reaches \(largest), above the given number of features \(columns)")
        }
        let d = columns ?? largest
        guard d >= 1 else {
            throw DataFileError(file: path, line: nil, column: nil, message: "no features: every row has only a label")
        }
        let matrix = CompressedSparseRows(
            rowCount: targets.count, columnCount: d, rowStarts: rowStarts,
            columns: indices, values: values)
        return DataTable(
            rowCount: targets.count, columnCount: d, storage: .sparse(matrix), targets: targets,
            featureNames: nil,
            source: DataFileSource(path: path, format: .libsvm, bytes: size, headerLines: 0, rowLines: rowLines))
    }

    /// The whitespace-delimited token at `start` (at most 40 characters), for messages.
    static func token(_ base: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var stop = start
        while stop < end, base[stop] != UInt8(ascii: " "), base[stop] != UInt8(ascii: "\t"), stop - start < 40 {
            stop += 1
        }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: stop - start), as: UTF8.self)
    }
}
