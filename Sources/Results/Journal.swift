import Foundation

/// Appends finished records to `journal.jsonl` as they complete (one `write` per line), so an
/// interrupted run loses nothing that finished, and keeps the ``RecordLines`` index of the lines
/// the run will finish from: ids and byte ranges only, never the records.
public final class Journal: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle
    private var end: Int
    private var index = RecordLines()
    private let file: Int
    /// The journal's path, for messages.
    public let path: String

    /// Opens (or creates) the journal of `directory`. A torn last line (the process was killed inside
    /// a write) is cut off: its run is simply run again, and every line of the journal stays a whole
    /// record, however often it is resumed. The whole lines already there are validated (errors name
    /// the line) and those whose record `reuse` accepts are indexed (`--resume`); the others stay in
    /// the file but not in the run.
    public init(directory: RunDirectory, reuse: (RunRecord) -> Bool = { _ in false }) throws {
        let path = directory.journalURL.path
        if !FileManager.default.fileExists(atPath: path) && !FileManager.default.createFile(atPath: path, contents: nil)
        {
            throw ResultsError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ResultsError("cannot open \(path) for appending: \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        self.path = path
        let length = Int(handle.seekToEndOfFile())
        var whole = length
        if length > 0, let reader = FileHandle(forReadingAtPath: path) {
            defer { reader.closeFile() }
            var position = length
            while position > 0 {
                let start = max(0, position - 65_536)
                reader.seek(toFileOffset: UInt64(start))
                let block = reader.readData(ofLength: position - start)
                if position == length && block.last == UInt8(ascii: "\n") { break }
                if let newline = block.lastIndex(of: UInt8(ascii: "\n")) {
                    whole = start + block.distance(from: block.startIndex, to: newline) + 1
                    break
                }
                whole = start
                position = start
            }
        }
        if whole < length {
            handle.truncateFile(atOffset: UInt64(whole))
            handle.seekToEndOfFile()
        }
        end = whole
        var lines = RecordLines()
        try lines.scan(directory.journalURL, keep: reuse)
        if lines.files.isEmpty { _ = lines.add(file: directory.journalURL) }
        index = lines
        file = 0
    }

    /// The records indexed so far: the reused ones, then every appended one.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return index.count
    }

    /// The index of the reused and appended lines.
    public var lines: RecordLines {
        lock.lock()
        defer { lock.unlock() }
        return index
    }

    public func append(_ record: RunRecord) throws {
        let line = Data((try RecordCoding.line(record) + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        // write(2) until the whole line is out, so a failure (a full disk: ENOSPC, a quota: EDQUOT)
        // is reported with its reason and the path; a torn line is cut off when the journal is reopened.
        var written = 0
        try line.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(handle.fileDescriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    throw ResultsError(
                        "cannot append to \(path): \(String(cString: strerror(count < 0 ? errno : EIO)))")
                }
                written += count
            }
        }
        index.append(id: record.id, file: file, offset: end, length: line.count - 1)
        end += line.count
    }

    public func close() {
        lock.lock()
        defer { lock.unlock() }
        handle.closeFile()
    }
}
