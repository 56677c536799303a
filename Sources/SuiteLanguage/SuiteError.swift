import Diagnostics

/// A suite that cannot run: one message naming the file, the line where known, the key path
/// (`optimizers[2].lr`) and, for misspelt names, the nearest valid one.
public struct SuiteError: GdbenchError, Equatable {
    public var file: String
    public var line: Int?
    public var keyPath: String
    public var message: String

    public init(file: String, line: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// `suites/x.yaml:12: optimizers[2].lr`: the description is `suites/x.yaml:12: optimizers[2].lr:
    /// expected a number > 0, found -1`, always one line.
    public var location: ErrorLocation? { ErrorLocation(file: file, line: line, keyPath: keyPath) }

    /// The location and message on one line: line breaks quoted from the file are shown as `\n`.
    public var description: String {
        ErrorLocation(file: file, line: line, keyPath: keyPath).prefixing(message)
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// Several ``SuiteError``s of one suite, reported together (`gdbench validate` lists every error of a
/// file it can find, one per line, in file order); thrown only when there is more than one.
public struct SuiteErrors: GdbenchError, Equatable {
    public var errors: [SuiteError]

    public init(_ errors: [SuiteError]) { self.errors = errors }

    /// Throws nothing for no errors, the error itself for one, else all of them.
    public static func throwIfAny(_ errors: [SuiteError]) throws {
        if errors.count == 1 { throw errors[0] }
        if errors.count > 1 { throw SuiteErrors(errors) }
    }

    /// The first error's place (file order).
    public var location: ErrorLocation? { errors.first?.location }

    /// `N errors:` and one indented line per error.
    public var message: String {
        "\(errors.count) errors:\n" + errors.map { "  " + $0.description }.joined(separator: "\n")
    }

    /// ``message``: several lines, each error's own naming its place.
    public var description: String { message }
}
