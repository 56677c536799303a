/// A result file that cannot be read or written, or result sets that cannot be merged.
public struct ResultsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
