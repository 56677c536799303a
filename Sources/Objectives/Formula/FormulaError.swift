/// A formula that cannot be read or compiled: what is wrong and where (1-based character column in
/// the formula string), with the string and a caret under that column in ``description``.
public struct FormulaError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based column of the offending character (nil: the formula as a whole).
    public var column: Int?
    public var formula: String

    public init(_ message: String, column: Int?, formula: String) {
        self.message = message
        self.column = column
        self.formula = formula
    }

    /// `column 9: unknown variable 'z' (variables: x, y)` followed by the formula and a caret line
    /// (for formulas up to 200 characters).
    public var description: String {
        guard let column else { return message }
        var text = "column \(column): \(message)"
        if formula.count <= 200 {
            text += "\n    \(formula)\n    " + String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        return text
    }
}
