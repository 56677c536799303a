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

    /// `chunkCount`: stretches read in parallel (nil: one per processor for files of some MiB;
    /// ``CSVChunks``); the table is the same whatever it is.
    static func parse(_ bytes: [UInt8], path: String, label: String?, chunkCount: Int? = nil) throws -> DataTable {
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
        // Rows: at most one per line, and each takes at least `width` bytes (fields and line end).
        let dataStart = min(headerEnd + 1, size)
        let (features, targets, rowLines) = try bytes.withUnsafeBufferPointer { buffer in
            let reader = CSVRowReader(
                base: UnsafeMutablePointer(mutating: buffer.baseAddress!), size: size, delimiter: delimiter,
                width: width, labelIndex: labelIndex, names: names, path: path)
            let cuts = CSVChunks.boundaries(buffer.baseAddress!, from: dataStart, to: size, count: chunkCount)
            if cuts.count > 2,
                let table = readInParallel(bytes, reader: reader, cuts: cuts, featureCount: width - 1)
            {
                return table
            }
            return try readSequentially(bytes, reader: reader, from: dataStart)
        }
        guard !targets.isEmpty else { throw fail(nil, nil, "the file has a header but no data rows") }
        var featureNames = names
        featureNames.remove(at: labelIndex)
        return DataTable(
            rowCount: targets.count, columnCount: width - 1, storage: .dense(features), targets: targets,
            featureNames: featureNames,
            source: DataFileSource(path: path, format: .csv, bytes: size, headerLines: 1, rowLines: rowLines))
    }

    typealias Rows = (features: [Double], targets: [Double], rowLines: [Int]?)

    /// The rows after the header, in one pass.
    static func readSequentially(_ bytes: [UInt8], reader: CSVRowReader, from dataStart: Int) throws -> Rows {
        let size = reader.size, width = reader.width
        let rowBound = min(lineCount(bytes, from: dataStart, to: size), (size - dataStart) / width + 1)
        var rows = (count: 0, lines: 0, rowLines: [Int]?.none)
        var targets: [Double] = []
        let features = try [Double](unsafeUninitializedCapacity: rowBound * (width - 1)) { featureBuffer, stored in
            targets = try [Double](unsafeUninitializedCapacity: rowBound) { targetBuffer, storedTargets in
                let result = try readRows(
                    reader, from: dataStart, to: size, lineBefore: 1, features: featureBuffer.baseAddress!,
                    targets: targetBuffer.baseAddress!)
                rows = (result.rows, result.lines, result.rowLines)
                storedTargets = result.rows
            }
            stored = rows.count * (width - 1)
        }
        return (features, targets, rows.rowLines)
    }

    /// The rows after the header read in the stretches `cuts` in parallel; nil if one failed (the
    /// sequential read then names the first problem).
    static func readInParallel(_ bytes: [UInt8], reader: CSVRowReader, cuts: [Int], featureCount: Int) -> Rows? {
        let chunkBuffer = UnsafeMutableBufferPointer<CSVChunks.Chunk>.allocate(capacity: cuts.count - 1)
        defer { chunkBuffer.deinitialize().deallocate() }
        _ = chunkBuffer.initialize(from: zip(cuts, cuts.dropFirst()).map { CSVChunks.Chunk(start: $0, end: $1) })
        var chunks = CSVChunks(reader: reader, chunks: chunkBuffer)
        let rowBound = chunks.measure(bytes, width: reader.width)
        var succeeded = true
        var rows = (rows: 0, rowLines: [Int]?.none)
        var targets: [Double] = []
        let features = [Double](unsafeUninitializedCapacity: rowBound * featureCount) { featureBuffer, stored in
            targets = [Double](unsafeUninitializedCapacity: rowBound) { targetBuffer, storedTargets in
                chunks.features = featureBuffer.baseAddress!
                chunks.targets = targetBuffer.baseAddress!
                succeeded = chunks.read(featureCount: featureCount)
                if succeeded { rows = chunks.compact(featureCount: featureCount) }
                storedTargets = succeeded ? rows.rows : 0
            }
            stored = succeeded ? rows.rows * featureCount : 0
        }
        return succeeded ? (features, targets, rows.rowLines) : nil
    }

    /// Reads the rows of the data lines `[start, end)` (cut at line ends) into `features` and `targets`;
    /// returns the rows, the lines passed and, once a blank line is met, every row's line (numbered from
    /// `lineBefore`, the line before `start`).
    @inline(__always)
    static func readRows(
        _ reader: CSVRowReader, from start: Int, to end: Int, lineBefore: Int,
        features featureStart: UnsafeMutablePointer<Double>, targets: UnsafeMutablePointer<Double>
    ) throws -> (rows: Int, lines: Int, rowLines: [Int]?) {
        let newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        var features = featureStart
        var rowCount = 0
        var rowLines: [Int]? = nil
        var line = lineBefore
        var position = start
        while position < end {
            line += 1
            // Blank line (or a lone CR).
            var probe = position
            while probe < end, reader.base[probe] == UInt8(ascii: " ") || reader.base[probe] == carriage {
                probe += 1
            }
            if probe >= end || reader.base[probe] == newline {
                position = probe + 1
                if rowLines == nil { rowLines = (0..<rowCount).map { $0 + lineBefore + 1 } }
                continue
            }
            position = try reader.read(row: position, line: line, features: &features, target: &targets[rowCount])
            rowCount += 1
            rowLines?.append(line)
        }
        return (rowCount, line - lineBefore, rowLines)
    }

    /// Line ends in `bytes[from..<to]` (LF, and CR not followed by LF: a row ends at either), plus one.
    static func lineCount(_ bytes: [UInt8], from: Int, to: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 1
            for (end, followedByLF) in [(UInt8(ascii: "\n"), false), (UInt8(ascii: "\r"), true)] {
                var cursor = UnsafeRawPointer(buffer.baseAddress! + from)
                let limit = UnsafeRawPointer(buffer.baseAddress! + to)
                while cursor < limit, let found = memchr(cursor, Int32(end), limit - cursor) {
                    cursor = UnsafeRawPointer(found) + 1
                    if !followedByLF || cursor.load(as: UInt8.self) != UInt8(ascii: "\n") { count += 1 }
                }
            }
            return count
        }
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
