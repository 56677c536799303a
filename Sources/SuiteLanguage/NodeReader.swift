import Foundation
import Objectives
import Parameters
import Yams

/// Typed reads of YAML nodes that throw ``SuiteError`` with the file, line and key path.
struct NodeReader {
    let file: String
    /// The most target thresholds a suite may list.
    static let maximumThresholds = 100

    func fail(_ node: Node, _ keyPath: String, _ message: String) -> SuiteError {
        SuiteError(file: file, line: node.mark?.line, keyPath: keyPath, message: message)
    }

    /// `text` for a message: at most 60 characters, the rest elided with its length.
    static func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : "\(text.prefix(50))… (\(text.count) characters)"
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(NodeReader.excerpt(scalar.string))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func scalar(_ node: Node, _ keyPath: String, expected: String) throws -> String {
        guard let scalar = node.scalar else {
            throw fail(node, keyPath, "expected \(expected), found \(describe(node))")
        }
        return scalar.string
    }

    func word(_ node: Node, _ keyPath: String) throws -> String {
        let text = try scalar(node, keyPath, expected: "a word")
        guard !text.isEmpty else { throw fail(node, keyPath, "expected a word, found nothing") }
        return text
    }

    /// A suite name: it names the results directory `OUT/NAME/`, so it is an identifier of ASCII
    /// letters, digits, `.`, `_` and `-` (not `.` or `..`), at most ``SuiteLoader/Bounds/nameLength``
    /// characters — never a path.
    func suiteName(_ node: Node, _ keyPath: String) throws -> String {
        let text = try word(node, keyPath)
        if let problem = SuiteName.problem(text) { throw fail(node, keyPath, problem) }
        return text
    }

    func seed(_ node: Node, _ keyPath: String) throws -> UInt64 {
        let text = try scalar(node, keyPath, expected: "a whole number 0 … 2⁶⁴−1")
        let value = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
        guard let value else {
            throw fail(
                node, keyPath,
                "expected a whole number 0 … 2⁶⁴−1 (decimal or 0x hex), found '\(NodeReader.excerpt(text))'")
        }
        return value
    }

    /// A finite number > 0 (`positive`) or ≥ 0, at most `maximum`.
    func number(_ node: Node, _ keyPath: String, positive: Bool, maximum: Double = .greatestFiniteMagnitude) throws
        -> Double
    {
        let expected = positive ? "a number > 0" : "a number ≥ 0"
        let text = try scalar(node, keyPath, expected: expected)
        if let word = NodeReader.nonFinite(text) { throw fail(node, keyPath, "expected \(expected), found \(word)") }
        let value: Double
        do {
            value = try Expression.parse(text).evaluate([:])
        } catch {
            throw fail(node, keyPath, "expected \(expected), found '\(NodeReader.excerpt(text))'")
        }
        guard value.isFinite, positive ? value > 0 : value >= 0 else {
            throw fail(node, keyPath, "expected \(expected), found \(ParameterValue.format(value))")
        }
        guard value <= maximum else {
            throw fail(
                node, keyPath,
                "expected a number ≤ \(ParameterValue.format(maximum)), found \(ParameterValue.format(value))")
        }
        return value
    }

    /// YAML's spellings of NaN and ±∞ (`.nan`, `.inf`, `-.Inf`, …) and the bare words, which are
    /// never valid values: the message says so instead of reporting a malformed number.
    static func nonFinite(_ text: String) -> String? {
        var word = text.lowercased()
        var sign = ""
        if let first = word.first, first == "+" || first == "-" {
            sign = first == "-" ? "−" : ""
            word.removeFirst()
        }
        if word.hasPrefix(".") { word.removeFirst() }
        switch word {
        case "nan": return "NaN"
        case "inf", "infinity": return "\(sign)∞"
        default: return nil
        }
    }

    /// A whole number in `minimum … maximum` (default: ``ParameterReader/maximumInteger``).
    func integer(_ node: Node, _ keyPath: String, minimum: Int, maximum: Int = ParameterReader.maximumInteger) throws
        -> Int
    {
        let text = try scalar(node, keyPath, expected: "a whole number ≥ \(minimum)")
        let value = (try? Expression.parse(text).evaluate([:])) ?? .nan
        guard value.isFinite, value.rounded() == value, value >= Double(minimum) else {
            throw fail(node, keyPath, "expected a whole number ≥ \(minimum), found '\(NodeReader.excerpt(text))'")
        }
        guard value <= Double(maximum) else {
            throw fail(node, keyPath, "expected a whole number ≤ \(maximum), found '\(NodeReader.excerpt(text))'")
        }
        return Int(value)
    }

    func flag(_ node: Node, _ keyPath: String) throws -> Bool {
        let text = try scalar(node, keyPath, expected: "true or false")
        switch text {
        case "true": return true
        case "false": return false
        default: throw fail(node, keyPath, "expected true or false, found '\(text)'")
        }
    }

    func mapping(_ node: Node, _ keyPath: String) throws -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw fail(node, keyPath, "expected a mapping of keys, found \(describe(node))")
        }
        return mapping
    }

    func list(_ node: Node, _ keyPath: String) throws -> [Node] {
        guard let sequence = node.sequence else {
            throw fail(node, keyPath, "expected a list, found \(describe(node))")
        }
        guard !sequence.isEmpty else { throw fail(node, keyPath, "empty list") }
        return Array(sequence)
    }

    /// A scalar is one alternative; a list gives several (never empty).
    func alternatives(_ node: Node, _ keyPath: String) throws -> [Node] {
        node.sequence == nil ? [node] : try list(node, keyPath)
    }

    /// At most ``maximumThresholds`` targets, each a finite number > 0.
    func thresholds(_ node: Node, _ keyPath: String) throws -> [Double] {
        let items = try list(node, keyPath)
        guard items.count <= NodeReader.maximumThresholds else {
            throw fail(node, keyPath, "\(items.count) thresholds; at most \(NodeReader.maximumThresholds) are allowed")
        }
        return try items.enumerated().map { index, item in try number(item, "\(keyPath)[\(index)]", positive: true) }
    }

    /// The alternatives of one parameter, read according to its spec. A list-valued parameter
    /// (`.numbers`) takes a flat list as one value and a list of lists as alternatives.
    func templates(_ node: Node, spec: ParameterSpec, _ keyPath: String) throws -> [ParameterTemplate] {
        if case .numbers = spec.kind {
            let items = try list(node, keyPath)
            if items.allSatisfy({ $0.sequence != nil }) {
                return try items.enumerated().map { index, item in try numbers(item, "\(keyPath)[\(index)]") }
            }
            return [try numbers(node, keyPath)]
        }
        let items = try alternatives(node, keyPath)
        return try items.enumerated().map { index, item in
            try template(item, spec: spec, node.sequence == nil ? keyPath : "\(keyPath)[\(index)]")
        }
    }

    func numbers(_ node: Node, _ keyPath: String) throws -> ParameterTemplate {
        let items = try list(node, keyPath)
        var expressions: [Expression] = []
        var texts: [String] = []
        for (index, item) in items.enumerated() {
            let text = try scalar(item, "\(keyPath)[\(index)]", expected: "a number")
            if let word = NodeReader.nonFinite(text) {
                throw fail(item, "\(keyPath)[\(index)]", "expected a finite number, found \(word)")
            }
            do {
                expressions.append(try Expression.parse(text))
            } catch let error as ExpressionError {
                throw fail(item, "\(keyPath)[\(index)]", "'\(NodeReader.excerpt(text))': \(error)")
            }
            texts.append(text)
        }
        return .numbers(expressions, text: "[" + texts.joined(separator: ",") + "]")
    }

    func template(_ node: Node, spec: ParameterSpec, _ keyPath: String) throws -> ParameterTemplate {
        switch spec.kind {
        case .number, .integer:
            let text = try scalar(node, keyPath, expected: "a number or an expression such as 1/L")
            guard !text.isEmpty else { throw fail(node, keyPath, "expected a number, found nothing") }
            if let word = NodeReader.nonFinite(text) {
                throw fail(node, keyPath, "expected a finite number, found \(word)")
            }
            // A kind may document a word as its default (`lr: optimal`, `history: convention`).
            if case .text(let word)? = spec.defaultValue, word == text { return .text(text) }
            do {
                let expression = try Expression.parse(text)
                if expression.constantsUsed.isEmpty {
                    try ParameterReader.check(.number(try expression.evaluate([:])), against: spec)
                }
                return .expression(expression, text: text)
            } catch let error as ExpressionError {
                throw fail(node, keyPath, "'\(NodeReader.excerpt(text))': \(error)")
            } catch let error as ParameterError {
                throw fail(node, keyPath, error.message)
            }
        case .choice(let words):
            let text = try word(node, keyPath)
            // An empty choice list means the kind checks the word itself (e.g. names of other methods).
            guard words.isEmpty || words.contains(text) else {
                throw fail(
                    node, keyPath,
                    "expected one of \(words.joined(separator: ", ")), found "
                        + "'\(NodeReader.excerpt(text))'\(NearestName.hint(for: text, in: words))")
            }
            return .text(text)
        case .flag:
            let text = try scalar(node, keyPath, expected: "true or false")
            switch text {
            case "true": return .flag(true)
            case "false": return .flag(false)
            default: throw fail(node, keyPath, "expected true or false, found '\(NodeReader.excerpt(text))'")
            }
        case .numbers:
            return try numbers(node, keyPath)
        }
    }
}
