import Foundation

/// Writes whole files atomically: the bytes go to a temporary file in the same directory
/// (`.NAME.tmp-PID`), are flushed to disk (`fsync`), and the file is then renamed over the target,
/// so a reader sees the old file or the new one, never a partial one, and an interruption or a full
/// disk leaves no partial file under the real name. Errors name the file and the system's reason.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        func failure(_ what: String) -> ResultsError {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            return ResultsError("cannot write \(url.path): \(what) (\(reason))")
        }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create a file in \(directory.path)") }
        let written = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        guard written, fsync(descriptor) == 0 else {
            let error = failure("the write failed")
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure("the write failed") }
        guard rename(temporary.path, url.path) == 0 else { throw failure("cannot rename the temporary file into place") }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
