import Diagnostics

/// A result file that cannot be read or written, or result sets that cannot be merged (the message
/// names the file).
public struct ResultsError: GdbenchError, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
