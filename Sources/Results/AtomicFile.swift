import Foundation

/// Writes whole files atomically: the bytes go to a temporary file in the same directory
/// (`.NAME.tmp-PID`), which is then renamed over the target, so a reader sees the old file or the
/// new one, never a partial one, and an interruption leaves no partial file under the real name.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw ResultsError("cannot rename \(temporary.path) to \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? ResultsError { throw error }
            throw ResultsError("\(url.path): cannot write (\(error.localizedDescription))")
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
