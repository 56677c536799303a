/// A data file a suite read, as the manifest records it: the path as written in the suite, its
/// SHA-256, size and shape. A changed file changes the suite digest, so `--resume` and `merge` never
/// mix runs on two versions of it.
public struct DataFileRecord: Codable, Sendable, Equatable {
    /// As written in the suite (relative to the suite file).
    public var path: String
    public var sha256: String
    public var bytes: Int
    /// `csv` or `libsvm`.
    public var format: String
    public var rows: Int
    public var columns: Int
    /// Stored feature entries: rows × columns (dense) or the non-zeros (sparse).
    public var entries: Int

    public init(path: String, sha256: String, bytes: Int, format: String, rows: Int, columns: Int, entries: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.format = format
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }
}
