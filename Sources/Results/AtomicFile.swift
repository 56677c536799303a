import Foundation

/// Writes whole files atomically: the bytes go to a temporary file in the same directory
/// (`.NAME.tmp-PID`), are flushed to disk (`fsync`), and the file is then renamed over the target,
/// so a reader sees the old file or the new one, never a partial one, and an interruption or a full
/// disk leaves no partial file under the real name. Errors name the file and the system's reason.
/// A ``Writer`` streams a file of any size through a small buffer; ``write(_:to:)-(Data,_)`` is one
/// writer given all the bytes at once.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        var writer = try Writer(url: url, bufferSize: 0)
        do {
            try data.withUnsafeBytes { try writer.append($0) }
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// One file being written: ``append(_:)-(UnsafeRawBufferPointer)`` buffers up to `bufferSize`
    /// bytes (256 KiB by default) before each `write`, ``commit()`` flushes, syncs and renames,
    /// ``abandon()`` removes the temporary file (after a failure; a no-op once committed).
    public struct Writer {
        public let url: URL
        private let bufferSize: Int
        private let temporary: URL
        private var descriptor: Int32
        private var buffer: [UInt8] = []

        public init(url: URL, bufferSize: Int = 1 << 18) throws {
            self.url = url
            self.bufferSize = bufferSize
            let directory = url.deletingLastPathComponent()
            temporary = directory.appendingPathComponent(
                ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
            descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let reason = String(cString: strerror(errno))
                throw ResultsError("cannot write \(url.path): cannot create a file in \(directory.path) (\(reason))")
            }
        }

        /// The error for `what`, with the system's reason; closes and removes the temporary file.
        private mutating func failure(_ what: String) -> ResultsError {
            let error = ResultsError("cannot write \(url.path): \(what) (\(String(cString: strerror(errno))))")
            abandon()
            return error
        }

        public mutating func append(_ bytes: UnsafeRawBufferPointer) throws {
            if buffer.count + bytes.count > bufferSize { try flush() }
            if bytes.count > bufferSize {
                try writeAll(bytes)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }

        public mutating func append(_ text: String) throws {
            var text = text
            try text.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
        }

        private mutating func flush() throws {
            let written = buffer.withUnsafeBytes { Writer.writeAll($0, to: descriptor) }
            guard written else { throw failure("the write failed") }
            buffer.removeAll(keepingCapacity: true)
        }

        private mutating func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
            guard Writer.writeAll(bytes, to: descriptor) else { throw failure("the write failed") }
        }

        /// `write(2)` until every byte is written (retrying on EINTR); false on an error (errno set).
        private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
            guard let base = bytes.baseAddress else { return true }
            var offset = 0
            while offset < bytes.count {
                let count = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }

        /// Writes what is buffered, syncs the file to disk and renames it over ``url``.
        public mutating func commit() throws {
            try flush()
            guard fsync(descriptor) == 0 else { throw failure("the write failed") }
            let closed = close(descriptor)
            descriptor = -1
            guard closed == 0 else { throw failure("the write failed") }
            guard rename(temporary.path, url.path) == 0 else {
                throw failure("cannot rename the temporary file into place")
            }
            buffer = []
        }

        /// Closes and removes the temporary file, unless ``commit()`` already renamed it.
        public mutating func abandon() {
            if descriptor >= 0 {
                close(descriptor)
                descriptor = -1
            }
            unlink(temporary.path)
        }
    }
}
