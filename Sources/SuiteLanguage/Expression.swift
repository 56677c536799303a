import Diagnostics
import Foundation

/// A hyperparameter written as a small arithmetic expression over a problem's constants:
/// numbers, `L`, `mu`, `kappa`, `d`, `n`, `b` (the run's batch size, n for full batches of a finite
/// sum), `+ - * / ^`, `sqrt`, `log` (natural), `exp`, parentheses and unary minus, e.g. `1/L`,
/// `2/(L+mu)`, `(sqrt(kappa)-1)/(sqrt(kappa)+1)`, `0.1*b/32` (linear scaling rule).
///
/// Grammar (recursive descent; `^` binds tighter than unary minus and is right-associative, so
/// `-2^2 = -4` and `2^3^2 = 512`, as in mathematics and Python):
/// ```
/// sum     = product (("+" | "-") product)*
/// product = unary (("*" | "/") unary)*
/// unary   = ("-" | "+") unary | power
/// power   = atom ("^" unary)?
/// atom    = number | constant | function "(" sum ")" | "(" sum ")"
/// ```
/// Bounds (so that neither parsing nor evaluation can exhaust a thread's stack): at most
/// ``maximumLength`` characters and at most ``maximumDepth`` levels of nesting, where each pair of
/// parentheses, function call, unary sign, `^` and each operator of a chain (`a+b+c` is two levels)
/// is one level.
public indirect enum Expression: Sendable, Equatable {
    case number(Double)
    case constant(String)
    case negate(Expression)
    case binary(Character, Expression, Expression)
    case call(String, Expression)

    /// The constants an expression may use.
    public static let constantNames = ["L", "mu", "kappa", "d", "n", "b"]
    /// The functions an expression may call.
    public static let functionNames = ["sqrt", "log", "exp"]

    /// The longest expression text accepted, in characters.
    public static let maximumLength = 1000
    /// The deepest nesting accepted (see the type's documentation).
    public static let maximumDepth = 100

    /// Parses `text`; throws ``ExpressionError`` with the character offset of the problem.
    public static func parse(_ text: String) throws -> Expression {
        guard text.count <= maximumLength else {
            throw ExpressionError(
                message: "too long: \(text.count) characters, at most \(maximumLength) are allowed in an expression",
                offset: nil)
        }
        var parser = ExpressionParser(text)
        return try parser.parseWhole()
    }

    /// The constants this expression uses, sorted, without duplicates.
    public var constantsUsed: [String] {
        var names = Set<String>()
        collect(into: &names)
        return names.sorted()
    }

    private func collect(into names: inout Set<String>) {
        switch self {
        case .number: break
        case .constant(let name): names.insert(name)
        case .negate(let inner), .call(_, let inner): inner.collect(into: &names)
        case .binary(_, let left, let right):
            left.collect(into: &names)
            right.collect(into: &names)
        }
    }

    /// The value with `constants` bound. A constant that is not bound (the problem lacks it) throws.
    public func evaluate(_ constants: [String: Double]) throws -> Double {
        switch self {
        case .number(let value): return value
        case .constant(let name):
            guard let value = constants[name] else {
                throw ExpressionError(unknownConstant: name)
            }
            return value
        case .negate(let inner): return -(try inner.evaluate(constants))
        case .call(let name, let inner):
            let x = try inner.evaluate(constants)
            switch name {
            case "sqrt": return x.squareRoot()
            case "log": return Foundation.log(x)
            default: return Foundation.exp(x)
            }
        case .binary(let op, let left, let right):
            let a = try left.evaluate(constants)
            let b = try right.evaluate(constants)
            switch op {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            case "/": return a / b
            default: return Foundation.pow(a, b)
            }
        }
    }
}

/// An expression that does not parse or cannot be evaluated.
public struct ExpressionError: GdbenchError, Equatable {
    public var message: String
    /// 0-based character offset in the expression text, when the problem has a place.
    public var offset: Int?
    /// The constant the expression uses and the problem does not know (`L` of a problem without one).
    public var unknownConstant: String?

    public init(message: String, offset: Int?) {
        self.message = message
        self.offset = offset
    }

    /// The constant `name` is unknown where the expression is evaluated.
    public init(unknownConstant name: String) {
        self.init(message: "uses \(name), which this problem does not know", offset: nil)
        unknownConstant = name
    }

    /// The message with `owner` named as the one that lacks the constant (`quadratic[d=2]`).
    public func message(owner: String) -> String {
        unknownConstant.map { "uses \($0), which \(owner) does not know" } ?? message
    }

    public var description: String {
        offset.map { "\(message) at character \($0 + 1)" } ?? message
    }
}

/// Recursive-descent parser for ``Expression``.
struct ExpressionParser {
    let characters: [Character]
    var position = 0
    /// Levels open at ``position`` (see ``Expression/maximumDepth``).
    var depth = 0

    init(_ text: String) { characters = Array(text) }

    mutating func parseWhole() throws -> Expression {
        let expression = try parseSum()
        skipSpaces()
        if position < characters.count {
            throw ExpressionError(message: "unexpected '\(characters[position])'", offset: position)
        }
        return expression
    }

    /// Opens one level of nesting; throws when that passes ``Expression/maximumDepth``.
    mutating func enter() throws {
        depth += 1
        if depth > Expression.maximumDepth {
            throw ExpressionError(
                message: "nested too deeply: more than \(Expression.maximumDepth) levels of parentheses, signs or "
                    + "chained operators", offset: position)
        }
    }

    mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    mutating func peek() -> Character? {
        skipSpaces()
        return position < characters.count ? characters[position] : nil
    }

    /// A chain `a + b - c` is a left-leaning tree: each operator is one level, released at the end.
    mutating func parseSum() throws -> Expression {
        let outer = depth
        defer { depth = outer }
        var left = try parseProduct()
        while let op = peek(), op == "+" || op == "-" {
            position += 1
            try enter()
            left = .binary(op, left, try parseProduct())
        }
        return left
    }

    mutating func parseProduct() throws -> Expression {
        let outer = depth
        defer { depth = outer }
        var left = try parseUnary()
        while let op = peek(), op == "*" || op == "/" {
            position += 1
            try enter()
            left = .binary(op, left, try parseUnary())
        }
        return left
    }

    mutating func parseUnary() throws -> Expression {
        if let op = peek(), op == "-" || op == "+" {
            position += 1
            try enter()
            defer { depth -= 1 }
            let inner = try parseUnary()
            return op == "-" ? .negate(inner) : inner
        }
        return try parsePower()
    }

    mutating func parsePower() throws -> Expression {
        let base = try parseAtom()
        if peek() == "^" {
            position += 1
            try enter()
            defer { depth -= 1 }
            return .binary("^", base, try parseUnary())
        }
        return base
    }

    mutating func parseAtom() throws -> Expression {
        guard let c = peek() else {
            throw ExpressionError(message: "expression ends too early", offset: characters.count)
        }
        if c == "(" {
            position += 1
            try enter()
            defer { depth -= 1 }
            let inner = try parseSum()
            guard peek() == ")" else {
                throw ExpressionError(message: "missing ')'", offset: position)
            }
            position += 1
            return inner
        }
        if c.isNumber || c == "." { return try parseNumber() }
        if c.isLetter {
            let start = position
            while position < characters.count,
                characters[position].isLetter || characters[position].isNumber
                    || characters[position] == "_"
            {
                position += 1
            }
            let name = String(characters[start..<position])
            if Expression.functionNames.contains(name) {
                guard peek() == "(" else {
                    throw ExpressionError(message: "\(name) needs parentheses: \(name)(...)", offset: position)
                }
                position += 1
                try enter()
                defer { depth -= 1 }
                let argument = try parseSum()
                guard peek() == ")" else { throw ExpressionError(message: "missing ')'", offset: position) }
                position += 1
                return .call(name, argument)
            }
            if Expression.constantNames.contains(name) { return .constant(name) }
            let hint = NearestName.hint(for: name, in: Expression.constantNames + Expression.functionNames)
            throw ExpressionError(
                message: "unknown name '\(name)'\(hint); known: "
                    + "\((Expression.constantNames + Expression.functionNames).joined(separator: ", "))",
                offset: start)
        }
        throw ExpressionError(message: "unexpected '\(c)'", offset: position)
    }

    mutating func parseNumber() throws -> Expression {
        let start = position
        func digits() {
            while position < characters.count, characters[position].isASCII, characters[position].isNumber {
                position += 1
            }
        }
        digits()
        if position < characters.count, characters[position] == "." {
            position += 1
            digits()
        }
        if position < characters.count, characters[position] == "e" || characters[position] == "E" {
            let mark = position
            position += 1
            if position < characters.count, characters[position] == "+" || characters[position] == "-" { position += 1 }
            let exponentStart = position
            digits()
            if position == exponentStart { position = mark }
        }
        let text = String(characters[start..<position])
        guard let value = Double(text) else {
            throw ExpressionError(message: "malformed number '\(text)'", offset: start)
        }
        return .number(value)
    }
}
