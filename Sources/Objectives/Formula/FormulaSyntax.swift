/// The syntax tree of a formula, each node with the 1-based column where it starts (for errors).
///
/// Grammar (precedence low to high; `^` is right-associative and binds tighter than unary minus,
/// so `-x^2` is −(x²)):
///
///     expression := term (("+" | "-") term)*
///     term       := unary (("*" | "/") unary)*
///     unary      := "-" unary | "+" unary | power
///     power      := primary ("^" unary)?
///     primary    := number | name | name "[" expression "]" | name "(" expression ")"
///                 | "(" expression ")" | "sum" "over" name "in" expression ".." expression "(" expression ")"
///
/// Names: the declared variables, `d` (the dimension in vector form), a summation index, `pi`, `e`.
/// Functions: sin, cos, tan, exp, log, sqrt, tanh, sinh, cosh, atan, abs.
indirect enum FormulaNode: Sendable {
    case number(Double, column: Int)
    case name(String, column: Int)
    /// `x[expression]`: component of the vector variable, 1-based.
    case component(String, index: FormulaNode, column: Int)
    case call(String, FormulaNode, column: Int)
    case negate(FormulaNode, column: Int)
    case binary(Character, FormulaNode, FormulaNode, column: Int)
    /// `sum over i in low..high (body)`, both bounds inclusive; empty when high < low.
    case sum(index: String, low: FormulaNode, high: FormulaNode, body: FormulaNode, column: Int)

    var column: Int {
        switch self {
        case .number(_, let column), .name(_, let column), .component(_, _, let column), .call(_, _, let column),
            .negate(_, let column), .binary(_, _, _, let column), .sum(_, _, _, _, let column):
            return column
        }
    }
}

/// One token of a formula: a number, a name, or a symbol (`+ - * / ^ ( ) [ ] ..`).
struct FormulaToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case name(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    /// 1-based column of the first character.
    var column: Int
}

/// Splits a formula into tokens. Numbers are decimal with optional fraction and exponent (`1.5e-3`);
/// `..` is one token, so `1..d` reads as 1, `..`, d.
enum FormulaLexer {
    static func tokens(_ text: String) throws -> [FormulaToken] {
        let characters = Array(text.unicodeScalars)
        var tokens: [FormulaToken] = []
        var index = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) || c == "_"
        }
        while index < characters.count {
            let c = characters[index]
            let column = index + 1
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                index += 1
            } else if isDigit(c) || (c == "." && index + 1 < characters.count && isDigit(characters[index + 1])) {
                var end = index
                while end < characters.count, isDigit(characters[end]) { end += 1 }
                // A "." starts a fraction unless it is the range symbol "..".
                if end < characters.count, characters[end] == ".",
                    !(end + 1 < characters.count && characters[end + 1] == ".")
                {
                    end += 1
                    while end < characters.count, isDigit(characters[end]) { end += 1 }
                }
                if end < characters.count, characters[end] == "e" || characters[end] == "E" {
                    var exponentEnd = end + 1
                    if exponentEnd < characters.count, characters[exponentEnd] == "+" || characters[exponentEnd] == "-"
                    {
                        exponentEnd += 1
                    }
                    if exponentEnd < characters.count, isDigit(characters[exponentEnd]) {
                        end = exponentEnd
                        while end < characters.count, isDigit(characters[end]) { end += 1 }
                    }
                }
                let spelling = String(String.UnicodeScalarView(characters[index..<end]))
                guard let value = Double(spelling), value.isFinite else {
                    throw FormulaError("'\(spelling)' is not a finite number", column: column, formula: text)
                }
                tokens.append(FormulaToken(kind: .number(value), column: column))
                index = end
            } else if isLetter(c) {
                var end = index
                while end < characters.count, isLetter(characters[end]) || isDigit(characters[end]) { end += 1 }
                tokens.append(
                    FormulaToken(
                        kind: .name(String(String.UnicodeScalarView(characters[index..<end]))),
                        column: column))
                index = end
            } else if c == "." && index + 1 < characters.count && characters[index + 1] == "." {
                tokens.append(FormulaToken(kind: .symbol(".."), column: column))
                index += 2
            } else if "+-*/^()[],".unicodeScalars.contains(c) {
                tokens.append(FormulaToken(kind: .symbol(String(c)), column: column))
                index += 1
            } else {
                throw FormulaError("unexpected character '\(c)'", column: column, formula: text)
            }
        }
        tokens.append(FormulaToken(kind: .end, column: characters.count + 1))
        return tokens
    }
}
