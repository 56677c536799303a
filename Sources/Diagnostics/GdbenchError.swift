/// The one protocol of every error gdbench reports to a user: what is wrong (`message`), where in the
/// input (`location`: file, line, key path, when the error is about one place) and the exit status it
/// ends `gdbench` with (``ExitStatus``, the one table of exit codes).
///
/// `description` is what is printed: `suites/x.yaml:12: optimizers[2].lr: expected a number > 0,
/// found -1`. Conforming types give `message` and, where they know it, `location`; the rest has
/// defaults (no location, ``ExitStatus/inputError``, that line).
public protocol GdbenchError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, without the location.
    var message: String { get }
    /// Where in the input the error is; nil when it is not about one place.
    var location: ErrorLocation? { get }
    /// The exit status `gdbench` ends with when this error reaches it.
    var exitStatus: ExitStatus { get }
}

extension GdbenchError {
    public var location: ErrorLocation? { nil }
    public var exitStatus: ExitStatus { .inputError }

    /// `location: message`.
    public var description: String { location.map { $0.prefixing(message) } ?? message }
}

/// Where an error is in the user's input: a file (suite, data or result file, or `<option>` for a
/// command-line option), the 1-based line and column when known, and the key path inside the file
/// (`optimizers[2].lr`; empty for the file as a whole).
public struct ErrorLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var keyPath: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, keyPath: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
    }

    /// `file:line:column: keyPath`, leaving out what is unknown.
    public var description: String {
        var parts: [String] = []
        if var place = file {
            if let line { place += ":\(line)" }
            if let column { place += ":\(column)" }
            parts.append(place)
        }
        if !keyPath.isEmpty { parts.append(keyPath) }
        return parts.joined(separator: ": ")
    }

    /// `file:line: keyPath: message`.
    public func prefixing(_ message: String) -> String {
        let place = description
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
