import Foundation

/// Where the record lines of one or more JSON Lines files are: for each record its id, the file, and
/// the byte offset and length of its line. A run directory is finished from such an index
/// (``RunDirectory/finish(lines:manifest:onRecord:)``): the lines are copied verbatim in id order and
/// decoded one at a time, so the records of a run are never all in memory; a location costs its id
/// and three integers.
public struct RecordLines: Sendable {
    /// One record line; ``length`` excludes the newline.
    public struct Location: Sendable {
        public var id: String
        public var file: Int
        public var offset: Int
        public var length: Int
    }

    public private(set) var files: [URL] = []
    public private(set) var locations: [Location] = []

    public init() {}

    public var count: Int { locations.count }

    /// Registers a file and returns its number for ``append(id:file:offset:length:)``.
    public mutating func add(file url: URL) -> Int {
        files.append(url)
        return files.count - 1
    }

    public mutating func append(id: String, file: Int, offset: Int, length: Int) {
        locations.append(Location(id: id, file: file, offset: offset, length: length))
    }

    /// Reads `url` in blocks (never the whole file at once) and adds the location of every record
    /// line whose id `keep` accepts. Each line is validated as
    /// ``RecordCoding/records(fromJSONLines:toleratingTruncatedTail:)``
    /// does (checksum, fields, schema version; blank lines skipped; a last line without newline
    /// that does not decode is dropped when `toleratingTruncatedTail`, else an error), and errors
    /// name the file and the 1-based line. A missing file adds nothing.
    public mutating func scan(
        _ url: URL, toleratingTruncatedTail: Bool = false,
        keep: (RunRecord) -> Bool = { _ in true }
    ) throws {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return }
            throw ResultsError("cannot read \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let file = add(file: url)
        let decoder = RecordCoding.decoder()
        let newline = UInt8(ascii: "\n")
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var pending: [UInt8] = []
        var pendingOffset = 0
        var fileOffset = 0
        var number = 0
        func take(_ line: ArraySlice<UInt8>, offset: Int, isTornTail: Bool) throws {
            number += 1
            let text = String(decoding: line, as: UTF8.self)
            guard !text.allSatisfy(\.isWhitespace) else { return }
            let record: RunRecord
            do {
                record = try RecordLines.record(fromLine: text, decoder: decoder)
            } catch let error as ResultsError {
                if isTornTail && toleratingTruncatedTail { return }
                if isTornTail {
                    throw ResultsError(
                        "\(url.path): line \(number): truncated (the file ends inside a record; was the write "
                            + "interrupted?)")
                }
                throw ResultsError("\(url.path): line \(number): \(error.message)")
            }
            if keep(record) { append(id: record.id, file: file, offset: offset, length: line.count) }
        }
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ResultsError("cannot read \(url.path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            var start = 0
            while let end = block[start..<count].firstIndex(of: newline) {
                if pending.isEmpty {
                    try take(block[start..<end], offset: fileOffset + start, isTornTail: false)
                } else {
                    pending.append(contentsOf: block[start..<end])
                    try take(pending[...], offset: pendingOffset, isTornTail: false)
                    pending.removeAll(keepingCapacity: true)
                }
                start = end + 1
            }
            if start < count {
                if pending.isEmpty { pendingOffset = fileOffset + start }
                pending.append(contentsOf: block[start..<count])
            }
            fileOffset += count
        }
        if !pending.isEmpty { try take(pending[...], offset: pendingOffset, isTornTail: true) }
    }

    /// Decodes one line, validated: its checksum when it has one, then the record's fields and schema
    /// version. The errors are ``RecordCoding``'s messages without their `line N: `.
    static func record(fromLine text: String, decoder: JSONDecoder) throws -> RunRecord {
        if case .mismatch(let expected, let found) = RecordChecksum.verify(text[...]) {
            throw ResultsError(
                "checksum \(found) does not match the record (\(expected)); the line was changed or damaged")
        }
        let record: RunRecord
        do {
            record = try decoder.decode(RunRecord.self, from: Data(text.utf8))
        } catch {
            throw ResultsError("not a run record (\(RecordCoding.describe(error)))")
        }
        guard record.schemaVersion >= 1, record.schemaVersion <= RunRecord.currentSchemaVersion else {
            throw ResultsError(
                "schema version \(record.schemaVersion) is not one this gdbench reads (1 … "
                    + "\(RunRecord.currentSchemaVersion))")
        }
        return record
    }

    /// The first two locations with the same id, in file order (nil when the ids are distinct).
    public func firstDuplicate() -> (Location, Location)? {
        let sorted = sortedByID()
        for index in sorted.indices.dropFirst() where sorted[index].id == sorted[index - 1].id {
            let pair = [sorted[index - 1], sorted[index]].sorted { ($0.file, $0.offset) < ($1.file, $1.offset) }
            return (pair[0], pair[1])
        }
        return nil
    }

    func sortedByID() -> [Location] {
        locations.sorted { $0.id < $1.id }
    }

    /// Calls `body` with every record in id order, decoded (and validated) from its line, and the
    /// line's bytes without the newline. Reads one line at a time.
    public func forEachInIDOrder(_ body: (RunRecord, UnsafeRawBufferPointer) throws -> Void) throws {
        var descriptors: [Int32] = []
        defer { for descriptor in descriptors { close(descriptor) } }
        for url in files {
            let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw ResultsError("cannot read \(url.path): \(String(cString: strerror(errno)))")
            }
            descriptors.append(descriptor)
        }
        let decoder = RecordCoding.decoder()
        var line: [UInt8] = []
        for location in sortedByID() {
            let path = files[location.file].path
            if line.count < location.length { line = [UInt8](repeating: 0, count: location.length) }
            var done = 0
            while done < location.length {
                let count = line.withUnsafeMutableBytes { buffer in
                    pread(
                        descriptors[location.file], buffer.baseAddress.map { $0 + done }, location.length - done,
                        off_t(location.offset + done))
                }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    throw ResultsError(
                        "cannot read \(path) at byte \(location.offset + done): "
                            + "\(count == 0 ? "the file is shorter than its index" : String(cString: strerror(errno)))")
                }
                done += count
            }
            let record: RunRecord
            do {
                record = try RecordLines.record(
                    fromLine: String(decoding: line[0..<location.length], as: UTF8.self),
                    decoder: decoder)
            } catch let error as ResultsError {
                throw ResultsError("\(path): the record at byte \(location.offset): \(error.message)")
            }
            guard record.id == location.id else {
                throw ResultsError("\(path): the record at byte \(location.offset) is \(record.id), not \(location.id)")
            }
            try line.withUnsafeBytes { try body(record, UnsafeRawBufferPointer(rebasing: $0[0..<location.length])) }
        }
    }
}
