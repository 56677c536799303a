import Diagnostics

/// A parameter value as written in a suite file after expressions are resolved.
public enum ParameterValue: Sendable, Hashable {
    case number(Double)
    case text(String)
    case flag(Bool)
    case numbers([Double])
}

/// What a parameter accepts, for validation, `gdbench list` and `gdbench describe`.
public struct ParameterSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A real number in [minimum, maximum] (bounds inclusive unless marked open).
        case number(minimum: Double?, maximum: Double?, minimumIsOpen: Bool = false, maximumIsOpen: Bool = false)
        /// A whole number ≥ minimum.
        case integer(minimum: Int)
        /// One of the listed words; an empty list accepts any word and leaves the check to the kind (the
        /// name of another kind, checked against the catalog when the kind is bound to one).
        case choice([String])
        case flag
        /// A list of numbers (e.g. milestones, a custom spectrum).
        case numbers
    }

    public var name: String
    public var kind: Kind
    /// nil: required.
    public var defaultValue: ParameterValue?
    public var summary: String

    public init(_ name: String, _ kind: Kind, default defaultValue: ParameterValue? = nil, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// A problem's, optimizer's or schedule's resolved parameters, read with typed accessors that
/// throw ``ParameterError`` naming the key and what was expected.
public struct ParameterSet: Sendable, Hashable {
    public private(set) var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue] = [:]) {
        self.values = values
    }

    public subscript(key: String) -> ParameterValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Keys in sorted order (never dictionary order).
    public var sortedKeys: [String] { values.keys.sorted() }

    public func number(_ key: String) throws -> Double {
        switch values[key] {
        case .number(let value)?: return value
        case nil: throw ParameterError(key: key, expected: "a number", found: "nothing (the parameter is required)")
        case let other?: throw ParameterError(key: key, expected: "a number", found: other.summary)
        }
    }

    public func number(_ key: String, default fallback: Double) throws -> Double {
        values[key] == nil ? fallback : try number(key)
    }

    public func integer(_ key: String) throws -> Int {
        let value = try number(key)
        guard value.rounded() == value, abs(value) < 1e15 else {
            throw ParameterError(key: key, expected: "a whole number", found: ParameterValue.number(value).summary)
        }
        return Int(value)
    }

    public func integer(_ key: String, default fallback: Int) throws -> Int {
        values[key] == nil ? fallback : try integer(key)
    }

    public func text(_ key: String, default fallback: String? = nil) throws -> String {
        switch values[key] {
        case .text(let value)?: return value
        case nil:
            if let fallback { return fallback }
            throw ParameterError(key: key, expected: "a word", found: "nothing (the parameter is required)")
        case let other?: throw ParameterError(key: key, expected: "a word", found: other.summary)
        }
    }

    public func flag(_ key: String, default fallback: Bool) throws -> Bool {
        switch values[key] {
        case .flag(let value)?: return value
        case nil: return fallback
        case let other?: throw ParameterError(key: key, expected: "true or false", found: other.summary)
        }
    }

    public func numbers(_ key: String, default fallback: [Double]? = nil) throws -> [Double] {
        switch values[key] {
        case .numbers(let value)?: return value
        case .number(let value)?: return [value]
        case nil:
            if let fallback { return fallback }
            throw ParameterError(key: key, expected: "a list of numbers", found: "nothing (the parameter is required)")
        case let other?: throw ParameterError(key: key, expected: "a list of numbers", found: other.summary)
        }
    }
}

/// A parameter that is missing, of the wrong type or out of range: `key: expected …, found …`. The
/// suite language places it in the file (``location`` of the error it becomes names file and line).
public struct ParameterError: GdbenchError, Equatable {
    public var key: String
    public var expected: String
    public var found: String

    public init(key: String, expected: String, found: String) {
        self.key = key
        self.expected = expected
        self.found = found
    }

    /// `expected …, found …`.
    public var message: String { "expected \(expected), found \(found)" }
    public var location: ErrorLocation? { ErrorLocation(keyPath: key) }
}

extension ParameterValue {
    /// A short human-readable form for messages and ids: numbers in shortest round-trip form
    /// without a trailing ".0" (`0.01`, `10000`, `1e-05`).
    public var summary: String {
        switch self {
        case .number(let value): return ParameterValue.format(value)
        case .text(let value): return value
        case .flag(let value): return value ? "true" : "false"
        case .numbers(let values): return "[" + values.map(ParameterValue.format).joined(separator: ",") + "]"
        }
    }

    /// Shortest round-trip decimal form of a double, without a trailing ".0".
    public static func format(_ value: Double) -> String {
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
