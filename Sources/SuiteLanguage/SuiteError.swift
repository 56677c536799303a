import Foundation

/// A suite that cannot run: one message naming the file, the line where known, the key path
/// (`optimizers[2].lr`) and, for misspelt names, the nearest valid one.
public struct SuiteError: Error, Sendable, Equatable, CustomStringConvertible {
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

    /// `suites/x.yaml:12: optimizers[2].lr: expected a number > 0, found -1`, always one line (line
    /// breaks quoted from the file are shown as `\n`).
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let text = keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
        return text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// Several ``SuiteError``s of one suite, reported together (`gdbench validate` lists every error of a
/// file it can find, one per line, in file order); thrown only when there is more than one.
public struct SuiteErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [SuiteError]

    public init(_ errors: [SuiteError]) { self.errors = errors }

    /// Throws nothing for no errors, the error itself for one, else all of them.
    public static func throwIfAny(_ errors: [SuiteError]) throws {
        if errors.count == 1 { throw errors[0] }
        if errors.count > 1 { throw SuiteErrors(errors) }
    }

    public var description: String {
        "\(errors.count) errors:\n" + errors.map { "  " + $0.description }.joined(separator: "\n")
    }
}
