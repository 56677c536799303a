#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a user's data file into a ``DataTable``: CSV (``CSVParser``) or LIBSVM/SVMlight
/// (``LIBSVMParser``). Every problem is found before anything runs and named by file, line and
/// column: a missing file, a directory, an empty or oversized file, ragged rows, non-numeric cells,
/// NaN or ±∞.
///
/// Format `auto` picks LIBSVM for the extensions `.svm`, `.libsvm`, `.svmlight`, `.t` and `.scale`,
/// else CSV.
public enum DataFileReader {
    /// Largest file read (1 GiB).
    public static let maximumBytes = 1 << 30
    /// Largest number of columns (features) of a file.
    public static let maximumColumns = 10_000_000

    public static let libsvmExtensions = ["svm", "libsvm", "svmlight", "t", "scale"]

    /// The prefix of a data file built into the binary (``ShippedDataFiles``): `builtin:suites/data/NAME`
    /// is the shipped file `suites/data/NAME`, byte for byte, read from any folder.
    public static let builtInScheme = "builtin:"

    /// The file's bytes, after checking that it exists, is a regular file, is not empty and is at most
    /// ``maximumBytes``; a `builtin:` path reads the embedded copy. A zero byte is appended (the parsers
    /// rely on it as a sentinel).
    public static func bytes(of path: String) throws -> [UInt8] {
        if path.hasPrefix(builtInScheme) { return try builtInBytes(of: path) }
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw DataFileError(file: path, line: nil, column: nil, message: "no such file")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw DataFileError(file: path, line: nil, column: nil, message: "is a directory, not a data file")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw DataFileError(file: path, line: nil, column: nil, message: "is not a regular file")
        }
        let size = Int(status.st_size)
        guard size > 0 else { throw DataFileError(file: path, line: nil, column: nil, message: "the file is empty") }
        guard size <= maximumBytes else {
            throw DataFileError(
                file: path, line: nil, column: nil,
                message: "the file has \(size) bytes; at most \(maximumBytes) (1 GiB) are read")
        }
        guard let handle = fopen(path, "rb") else {
            throw DataFileError(file: path, line: nil, column: nil, message: "cannot be opened for reading")
        }
        defer { fclose(handle) }
        // Read straight into uninitialised storage (no pass zeroing the buffer first).
        return try [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            let read = fread(buffer.baseAddress, 1, size, handle)
            guard read == size else {
                throw DataFileError(file: path, line: nil, column: nil, message: "read \(read) of \(size) bytes")
            }
            buffer[size] = 0
            initialized = size + 1
        }
    }

    /// The embedded file `builtin:PATH` names (`.` and `..` components resolved).
    static func builtInBytes(of path: String) throws -> [UInt8] {
        var components: [Substring] = []
        for component in path.dropFirst(builtInScheme.count).split(separator: "/") where component != "." {
            if component == ".." { _ = components.popLast() } else { components.append(component) }
        }
        guard let text = ShippedDataFiles.texts[components.joined(separator: "/")] else {
            let known = ShippedDataFiles.texts.keys.sorted().joined(separator: ", ")
            throw DataFileError(
                file: path, line: nil, column: nil,
                message: "no such file built into gdbench (built in: \(known.isEmpty ? "none" : known))")
        }
        return Array(text.utf8) + [0]
    }

    /// The format `auto` resolves to for `path`.
    public static func detectFormat(_ path: String) -> DataFileSource.Format {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return .csv }
        return libsvmExtensions.contains(String(name[name.index(after: dot)...]).lowercased()) ? .libsvm : .csv
    }

    /// Parses `bytes` (as returned by ``bytes(of:)``, ending in a zero byte).
    /// - Parameters:
    ///   - label: CSV: the name of the label column (nil: the last column).
    ///   - columns: LIBSVM: the number of features (nil: the largest index in the file).
    public static func parse(
        _ bytes: [UInt8], path: String, format: DataFileSource.Format, label: String? = nil,
        columns: Int? = nil
    ) throws -> DataTable {
        switch format {
        case .csv: return try CSVParser.parse(bytes, path: path, label: label)
        case .libsvm: return try LIBSVMParser.parse(bytes, path: path, columns: columns)
        }
    }

    /// ``bytes(of:)`` then ``parse(_:path:format:label:columns:)``; `format` nil detects it.
    public static func read(
        _ path: String, format: DataFileSource.Format? = nil, label: String? = nil,
        columns: Int? = nil
    ) throws -> DataTable {
        try parse(try bytes(of: path), path: path, format: format ?? detectFormat(path), label: label, columns: columns)
    }
}
