import Diagnostics

/// A formula that cannot be read or compiled: what is wrong and where (1-based character column in
/// the formula string); ``description`` quotes the text around a column of a long formula.
public struct FormulaError: GdbenchError, Equatable {
    public var message: String
    /// 1-based column of the offending character (nil: the formula as a whole).
    public var column: Int?
    public var formula: String

    public init(_ message: String, column: Int?, formula: String) {
        self.message = message
        self.column = column
        self.formula = formula
    }

    /// `column 9: unknown variable 'z' (variables: x, y)`, with the formula's text around the column
    /// when the formula is longer than 60 characters.
    public var description: String {
        guard let column else { return message }
        guard formula.count > 60 else { return "column \(column): \(message)" }
        let characters = Array(formula)
        let low = max(0, column - 30), high = min(characters.count, column + 20)
        let excerpt = (low > 0 ? "…" : "") + String(characters[low..<high]) + (high < characters.count ? "…" : "")
        return "column \(column) (near \"\(excerpt)\"): \(message)"
    }
}
