/// Recursive-descent parser of the formula grammar (``FormulaNode``). Bounds: at most
/// ``maximumLength`` characters and ``maximumDepth`` nested parentheses, calls, powers or sums, so a
/// hostile formula fails with an error instead of exhausting the stack.
struct FormulaParser {
    static let maximumLength = 20_000
    static let maximumDepth = 200

    let text: String
    let tokens: [FormulaToken]
    var position = 0
    var depth = 0
    /// True while reading the bounds of a sum, where a name may be followed by the body's '('.
    var inBound = false

    static func parse(_ text: String) throws -> FormulaNode {
        guard text.count <= maximumLength else {
            throw FormulaError(
                "the formula has \(text.count) characters; at most \(maximumLength) are allowed",
                column: nil, formula: text)
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw FormulaError("the formula is empty", column: nil, formula: text)
        }
        var parser = FormulaParser(text: text, tokens: try FormulaLexer.tokens(text))
        let node = try parser.expression()
        let next = parser.tokens[parser.position]
        if next.kind != .end {
            throw parser.error("unexpected \(parser.describe(next)) after a complete expression", at: next)
        }
        return node
    }

    var current: FormulaToken { tokens[position] }

    func error(_ message: String, at token: FormulaToken) -> FormulaError {
        FormulaError(message, column: token.column, formula: text)
    }

    func describe(_ token: FormulaToken) -> String {
        switch token.kind {
        case .number(let value): return "number \(value)"
        case .name(let name): return "'\(name)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "end of formula"
        }
    }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    mutating func expect(_ symbol: String, _ purpose: String) throws {
        guard isSymbol(symbol) else {
            throw error("expected '\(symbol)' \(purpose), found \(describe(current))", at: current)
        }
        position += 1
    }

    mutating func enter() throws {
        depth += 1
        if depth > FormulaParser.maximumDepth {
            throw error("nested more than \(FormulaParser.maximumDepth) levels deep", at: current)
        }
    }

    /// The binary operators by precedence, loosest first: each level is left-associative over the next, the last
    /// over ``unary()`` (where '^' binds tighter still, right-associative).
    static let binaryLevels: [[String]] = [["+", "-"], ["*", "/"]]

    mutating func expression() throws -> FormulaNode {
        try enter()
        defer { depth -= 1 }
        return try binary(level: 0)
    }

    /// A product or quotient of unary operands (the tighter binary level).
    mutating func term() throws -> FormulaNode { try binary(level: 1) }

    /// `operand (op operand)*` for the operators of `binaryLevels[level]`, folded to the left.
    mutating func binary(level: Int) throws -> FormulaNode {
        var node = try operand(below: level)
        while case .symbol(let symbol) = current.kind, Self.binaryLevels[level].contains(symbol) {
            let column = current.column
            position += 1
            node = .binary(Character(symbol), node, try operand(below: level), column: column)
        }
        return node
    }

    /// An operand of a binary level: the next tighter level, or a unary expression after the last.
    mutating func operand(below level: Int) throws -> FormulaNode {
        level + 1 < Self.binaryLevels.count ? try binary(level: level + 1) : try unary()
    }

    mutating func unary() throws -> FormulaNode {
        try enter()
        defer { depth -= 1 }
        let token = current
        if isSymbol("-") {
            position += 1
            return .negate(try unary(), column: token.column)
        }
        if isSymbol("+") {
            position += 1
            return try unary()
        }
        let base = try primary()
        if isSymbol("^") {
            let caret = current
            position += 1
            return .binary("^", base, try unary(), column: caret.column)
        }
        return base
    }

    mutating func primary() throws -> FormulaNode {
        let token = current
        switch token.kind {
        case .number(let value):
            position += 1
            return .number(value, column: token.column)
        case .symbol("("):
            position += 1
            let inner = try expression()
            try expect(")", "to close the '(' at column \(token.column)")
            return inner
        case .name("sum"):
            return try sum()
        case .name(let name):
            position += 1
            if isSymbol("[") {
                let open = current
                position += 1
                let index = try expression()
                try expect("]", "to close the '[' at column \(open.column)")
                return .component(name, index: index, column: token.column)
            }
            if isSymbol("(") && depth > 0 && FormulaFunction(rawValue: name) == nil && !inBound {
                throw error("unknown function '\(name)'; known: \(FormulaFunction.names)", at: token)
            }
            if isSymbol("("), FormulaFunction(rawValue: name) != nil {
                let open = current
                position += 1
                let argument = try expression()
                if isSymbol(",") { throw error("\(name) takes one argument", at: current) }
                try expect(")", "to close the '(' at column \(open.column)")
                return .call(name, argument, column: token.column)
            }
            return .name(name, column: token.column)
        case .end:
            throw error("the formula ends where a number, name or '(' was expected", at: token)
        default:
            throw error("expected a number, name or '(', found \(describe(token))", at: token)
        }
    }

    /// `sum over i in low..high (body)`.
    mutating func sum() throws -> FormulaNode {
        let start = current
        position += 1
        guard current.kind == .name("over") else {
            throw error("expected 'over' after 'sum' (sum over i in 1..d (…)), found \(describe(current))", at: current)
        }
        position += 1
        guard case .name(let index) = current.kind else {
            throw error("expected the name of the summation index, found \(describe(current))", at: current)
        }
        position += 1
        guard current.kind == .name("in") else {
            throw error("expected 'in' after 'sum over \(index)', found \(describe(current))", at: current)
        }
        position += 1
        inBound = true
        let low = try term()
        try expect("..", "between the bounds of the sum (1..d)")
        // The upper bound: sums and differences of terms, stopping before the '(' of the body.
        let high = try binary(level: 0)
        inBound = false
        guard isSymbol("(") else {
            throw error("expected '(' to open the body of the sum, found \(describe(current))", at: current)
        }
        let open = current
        position += 1
        let body = try expression()
        try expect(")", "to close the body of the sum opened at column \(open.column)")
        return .sum(index: index, low: low, high: high, body: body, column: start.column)
    }
}

/// The functions a formula may call, with their first and second derivatives in ``FormulaProgram``.
enum FormulaFunction: String, CaseIterable, Sendable {
    case sin, cos, tan, exp, log, sqrt, tanh, sinh, cosh, atan, abs

    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
