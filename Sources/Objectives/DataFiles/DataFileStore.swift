import Foundation

/// The data files read by this process, parsed once: a suite's loader reads and checks every file
/// before anything runs (``DataFileStore/load(_:)``), and the problems built later take the same
/// table. Each entry carries the file's identity (its SHA-256 when the caller computed one), so a file
/// changed on disk during a process is not silently mixed with the version already read.
public final class DataFileStore: @unchecked Sendable {
    public static let shared = DataFileStore()

    /// What identifies one parsed table: the file and how it was read.
    public struct Key: Hashable, Sendable {
        public var path: String
        public var format: DataFileSource.Format
        /// CSV label column (nil: the last).
        public var label: String?
        /// LIBSVM feature count (nil: the largest index).
        public var columns: Int?

        public init(path: String, format: DataFileSource.Format, label: String?, columns: Int?) {
            self.path = path
            self.format = format
            self.label = label
            self.columns = columns
        }
    }

    public struct Entry: Sendable {
        public var table: DataTable
        /// SHA-256 of the file's bytes (hex), or "unhashed" when read without a digest function.
        public var digest: String
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    /// Computes a file's digest from its bytes (set by the harness, which owns the SHA-256 code).
    public var digestFunction: (@Sendable ([UInt8]) -> String)?

    /// The entry for `key`, reading and parsing the file the first time.
    public func load(_ key: Key) throws -> Entry {
        lock.lock()
        if let cached = entries[key] {
            lock.unlock()
            return cached
        }
        let digest = digestFunction
        lock.unlock()
        let bytes = try DataFileReader.bytes(of: key.path)
        let table = try DataFileReader.parse(
            bytes, path: key.path, format: key.format, label: key.label,
            columns: key.columns)
        let entry = Entry(table: table, digest: digest.map { $0(Array(bytes.dropLast())) } ?? "unhashed")
        lock.lock()
        defer { lock.unlock() }
        if let raced = entries[key] { return raced }
        entries[key] = entry
        return entry
    }

    /// Forgets every table (tests that rewrite a file).
    public func removeAll() {
        lock.lock()
        entries = [:]
        lock.unlock()
    }
}
