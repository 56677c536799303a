#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CSV with a header line: the delimiter is the one of `,` `;` tab `|` that occurs most often in the
/// header (RFC 4180 comma by default); header names may be quoted; every other line is one row of
/// finite decimal numbers (``DecimalScanner``), with as many fields as the header. Blank lines are skipped;
/// CRLF line ends are accepted. The label column is named, or the last one.
enum CSVParser {
    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    static func parse(_ bytes: [UInt8], path: String, label: String?) throws -> DataTable {
        let size = bytes.count - 1
        let newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        func fail(_ line: Int?, _ column: Int?, _ message: String) -> DataFileError {
            DataFileError(file: path, line: line, column: column, message: message)
        }
        // Header.
        var headerEnd = 0
        while headerEnd < size, bytes[headerEnd] != newline { headerEnd += 1 }
        var header = Array(bytes[0..<headerEnd])
        if header.last == carriage { header.removeLast() }
        let delimiter = delimiters.max { a, b in header.filter { $0 == a }.count < header.filter { $0 == b }.count }!
        let names = header.split(separator: delimiter, omittingEmptySubsequences: false).map { field -> String in
            var text = String(decoding: field, as: UTF8.self).trimmingSpaces()
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast())
            }
            return text
        }
        guard names.count >= 2 else {
            throw fail(
                1, nil,
                "the header has \(names.count) column; a data file needs a label and at least one feature "
                    + "(delimiters tried: comma, semicolon, tab, |)")
        }
        let labelIndex: Int
        if let label {
            guard let index = names.firstIndex(of: label) else {
                throw fail(
                    1, nil,
                    "no column named '\(label)'; the columns are \(names.prefix(20).joined(separator: ", "))"
                        + (names.count > 20 ? ", …" : ""))
            }
            labelIndex = index
        } else {
            labelIndex = names.count - 1
        }
        let width = names.count
        guard width - 1 <= DataFileReader.maximumColumns else {
            throw fail(1, nil, "\(width - 1) features; at most \(DataFileReader.maximumColumns)")
        }
        var features: [Double] = []
        features.reserveCapacity(min(size / 2, 1 << 26))
        var targets: [Double] = []
        var rowLines: [Int] = []
        var skipped = false
        var line = 1
        var position = headerEnd + 1
        try bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeMutablePointer(mutating: buffer.baseAddress!)
            while position < size {
                line += 1
                // Blank line (or a lone CR).
                var probe = position
                while probe < size, base[probe] == UInt8(ascii: " ") || base[probe] == carriage { probe += 1 }
                if probe >= size || base[probe] == newline {
                    position = probe + 1
                    skipped = true
                    continue
                }
                var field = 0
                var cursor = base + position
                while true {
                    while cursor.pointee == UInt8(ascii: " ") || cursor.pointee == UInt8(ascii: "\t") && delimiter != 9
                    {
                        cursor += 1
                    }
                    let first = cursor.pointee
                    if first == delimiter || first == newline || first == carriage || first == 0 {
                        // strtod would skip a line end and read the next row's number.
                        throw fail(line, field + 1, "an empty cell (column '\(names[min(field, width - 1)])')")
                    }
                    let (value, end) = DecimalScanner.scan(cursor)
                    var after = end
                    while after.pointee == UInt8(ascii: " ") { after += 1 }
                    let terminator = after.pointee
                    let atEnd = terminator == newline || terminator == carriage || terminator == 0
                    if end == cursor || !(terminator == delimiter || atEnd) {
                        var stop = cursor
                        while stop.pointee != delimiter && stop.pointee != newline && stop.pointee != 0
                            && stop.pointee != carriage
                        { stop += 1 }
                        let cell = String(
                            decoding: UnsafeBufferPointer(start: cursor, count: stop - cursor), as: UTF8.self)
                        let what =
                            cell.trimmingSpaces().isEmpty ? "an empty cell" : "not a number: '\(cell.prefix(40))'"
                        throw fail(line, field + 1, "\(what) (column '\(names[min(field, width - 1)])')")
                    }
                    guard value.isFinite else {
                        throw fail(
                            line, field + 1,
                            "\(value.isNaN ? "NaN" : "an infinite value") "
                                + "(column '\(names[min(field, width - 1)])'); data must be finite")
                    }
                    guard field < width else {
                        throw fail(line, field + 1, "the row has more than the header's \(width) fields")
                    }
                    if field == labelIndex { targets.append(value) } else { features.append(value) }
                    field += 1
                    if atEnd {
                        while after.pointee == carriage { after += 1 }
                        cursor = after.pointee == newline ? after + 1 : after
                        break
                    }
                    cursor = after + 1
                }
                guard field == width else {
                    throw fail(line, field, "the row has \(field) fields; the header has \(width)")
                }
                rowLines.append(line)
                position = cursor - base
            }
        }
        guard !targets.isEmpty else { throw fail(nil, nil, "the file has a header but no data rows") }
        var featureNames = names
        featureNames.remove(at: labelIndex)
        return DataTable(
            rowCount: targets.count, columnCount: width - 1, storage: .dense(features), targets: targets,
            featureNames: featureNames,
            source: DataFileSource(
                path: path, format: .csv, bytes: size, headerLines: 1, rowLines: skipped ? rowLines : nil))
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
