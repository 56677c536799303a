import Foundation

/// An exclusive lock on one run directory, held while a gdbench process writes it, so two processes
/// (a run and a `--resume` of it, or two resumes) never append to the same journal. It is a
/// `flock(2)` on `RUN/.lock`, which also records the holder's process id for the message; the kernel
/// releases it when the process ends, however it ends, so a crash leaves no stale lock.
public final class RunLock: @unchecked Sendable {
    private var descriptor: Int32

    /// The lock file of `directory`.
    public static func url(of directory: RunDirectory) -> URL { directory.url.appendingPathComponent(".lock") }

    /// Takes the lock without waiting; throws a ``ResultsError`` naming the holder if another
    /// process has it.
    public init(directory: RunDirectory) throws {
        let path = RunLock.url(of: directory).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ResultsError("cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            let holder = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            close(descriptor)
            if reason == EWOULDBLOCK {
                let pid = holder.trimmingCharacters(in: .whitespacesAndNewlines)
                throw ResultsError(
                    "\(directory.url.path) is being written by another gdbench "
                        + "process\(pid.isEmpty ? "" : " (pid \(pid))"); wait for it to finish")
            }
            throw ResultsError("cannot lock \(path): \(String(cString: strerror(reason)))")
        }
        let pid = "\(ProcessInfo.processInfo.processIdentifier)\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        self.descriptor = descriptor
    }

    /// Releases the lock (also released when the process exits).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
