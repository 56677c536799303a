/// Reads a ``ParameterSet`` against a kind's ``ParameterSpec`` list — the one validator of every
/// problem, optimizer and schedule kind. `init` checks every given key: it must be declared, of the
/// declared type and inside the declared range (fails on the first bad key in sorted order); the typed
/// reads fill in each spec's default. Every failure is a ``ParameterError`` naming the key, what was
/// expected and what was found (e.g. `beta1: expected a number in [0, 1), found 1`).
///
/// A number or whole-number spec whose default is a word (`optimal`, `auto`, `convention`,
/// `dimension`: "derived at run time") also accepts that word; ``optionalNumber(_:)`` and
/// ``optionalInteger(_:)`` read it as nil.
public struct ParameterReader: Sendable {
    /// The largest whole-number parameter (10¹²): exact in a Double, far below Int.max, and more
    /// iterations or steps than any run can take. Sizes that allocate are bounded further by memory
    /// (`RunMemory`).
    public static let maximumInteger = 1_000_000_000_000

    public let parameters: ParameterSet
    public let specs: [ParameterSpec]

    /// - Parameters:
    ///   - kind: the kind's name, for the unknown-key message.
    ///   - nestedPrefixes: keys `prefix.<key>` are accepted unchecked: they are the inner parameters of
    ///     a wrapper kind (`first.lr` of `switch`), read through ``nested(_:)`` and checked by the inner kind.
    public init(_ parameters: ParameterSet, specs: [ParameterSpec], kind: String? = nil, nestedPrefixes: [String] = [])
        throws
    {
        for key in parameters.sortedKeys {
            guard let spec = specs.first(where: { $0.name == key }) else {
                if nestedPrefixes.contains(where: { key.hasPrefix($0 + ".") }) { continue }
                let known = specs.map(\.name).joined(separator: ", ")
                let owner = kind.map { " of \($0)" } ?? ""
                throw ParameterError(
                    key: key,
                    expected: known.isEmpty ? "no parameters\(owner)" : "one of the parameters\(owner): \(known)",
                    found: "an unknown parameter")
            }
            if let value = parameters[key] { try Self.check(value, against: spec) }
        }
        self.parameters = parameters
        self.specs = specs
    }

    /// A finite number inside the spec's bounds.
    public func number(_ key: String) throws -> Double {
        let (spec, value) = try resolved(key)
        guard case .number(let number) = value else { throw Self.mismatch(spec, value) }
        return number
    }

    /// A number inside the spec's bounds and inside `bounds`, a range that depends on other parameters
    /// (e.g. c₂ ∈ (c₁, 1)); the message states `bounds`.
    public func number(_ key: String, within bounds: ParameterSpec.Kind) throws -> Double {
        let value = try number(key)
        try Self.check(.number(value), against: ParameterSpec(key, bounds, ""))
        return value
    }

    /// A whole number ≥ the spec's minimum.
    public func integer(_ key: String) throws -> Int {
        let (spec, value) = try resolved(key)
        guard case .number(let number) = value else { throw Self.mismatch(spec, value) }
        return Int(number)
    }

    /// One of the spec's words.
    public func choice(_ key: String) throws -> String {
        let (spec, value) = try resolved(key)
        guard case .text(let word) = value else { throw Self.mismatch(spec, value) }
        return word
    }

    public func flag(_ key: String) throws -> Bool {
        let (spec, value) = try resolved(key)
        guard case .flag(let flag) = value else { throw Self.mismatch(spec, value) }
        return flag
    }

    /// A list of finite numbers (a single number reads as a one-element list).
    public func numbers(_ key: String) throws -> [Double] {
        let (spec, value) = try resolved(key)
        switch value {
        case .numbers(let numbers): return numbers
        case .number(let number): return [number]
        default: throw Self.mismatch(spec, value)
        }
    }

    /// The number, or nil when the value is the spec's default word (`optimal`, `auto`).
    public func optionalNumber(_ key: String) throws -> Double? {
        let (spec, value) = try resolved(key)
        if Self.isDefaultWord(value, of: spec) { return nil }
        return try number(key)
    }

    /// The whole number, or nil when the value is the spec's default word (`convention`, `dimension`).
    public func optionalInteger(_ key: String) throws -> Int? {
        let (spec, value) = try resolved(key)
        if Self.isDefaultWord(value, of: spec) { return nil }
        return try integer(key)
    }

    /// The parameters whose keys start with `prefix` + ".", with the prefix removed (the inner
    /// parameters of a wrapper kind).
    public func nested(_ prefix: String) -> ParameterSet {
        var inner = ParameterSet()
        let lead = prefix + "."
        for key in parameters.sortedKeys where key.hasPrefix(lead) {
            inner[String(key.dropFirst(lead.count))] = parameters[key]
        }
        return inner
    }

    /// The spec of `key` and its given value, else its default; a required key without a value throws.
    func resolved(_ key: String) throws -> (ParameterSpec, ParameterValue) {
        guard let spec = specs.first(where: { $0.name == key }) else {
            throw ParameterError(key: key, expected: "a declared parameter", found: "an undeclared key")
        }
        guard let value = parameters[key] ?? spec.defaultValue else {
            throw ParameterError(
                key: key, expected: Self.expectation(spec), found: "nothing (the parameter is required)")
        }
        try Self.check(value, against: spec)
        return (spec, value)
    }

    /// Throws unless `value` has the spec's type and lies inside its range: the one rule, used here, by
    /// the suite loader on literal values and by the harness on values computed from expressions.
    public static func check(_ value: ParameterValue, against spec: ParameterSpec) throws {
        if isDefaultWord(value, of: spec) { return }
        let accepted: Bool
        switch (spec.kind, value) {
        case (.number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen), .number(let x)):
            let aboveMinimum = minimum.map { minimumIsOpen ? x > $0 : x >= $0 } ?? true
            let belowMaximum = maximum.map { maximumIsOpen ? x < $0 : x <= $0 } ?? true
            accepted = x.isFinite && aboveMinimum && belowMaximum
        case (.integer(let minimum), .number(let x)):
            guard x.isFinite, x.rounded() == x, x >= Double(minimum) else { throw mismatch(spec, value) }
            guard x <= Double(maximumInteger) else {
                throw ParameterError(
                    key: spec.name, expected: "a whole number ≤ \(maximumInteger)", found: value.summary)
            }
            accepted = true
        case (.choice(let words), .text(let word)):
            accepted = words.isEmpty || words.contains(word) // an empty list: any word (names, paths, formulas)
        case (.flag, .flag):
            accepted = true
        case (.numbers, .number(let x)):
            accepted = x.isFinite
        case (.numbers, .numbers(let xs)):
            accepted = xs.allSatisfy(\.isFinite)
        default:
            accepted = false
        }
        if !accepted { throw mismatch(spec, value) }
    }

    static func mismatch(_ spec: ParameterSpec, _ value: ParameterValue) -> ParameterError {
        ParameterError(key: spec.name, expected: expectation(spec), found: value.summary)
    }

    /// A word default of a number or whole-number spec ("derived at run time"), given or defaulted.
    static func isDefaultWord(_ value: ParameterValue, of spec: ParameterSpec) -> Bool {
        guard case .text = value, value == spec.defaultValue else { return false }
        switch spec.kind {
        case .number, .integer, .numbers: return true
        case .choice, .flag: return false
        }
    }

    /// What the spec accepts, with its default word if it has one: "a number > 0 or optimal".
    static func expectation(_ spec: ParameterSpec) -> String {
        switch (spec.kind, spec.defaultValue) {
        case (.number, .text(let word)?), (.integer, .text(let word)?), (.numbers, .text(let word)?):
            return describe(spec.kind) + " or " + word
        default:
            return describe(spec.kind)
        }
    }

    /// What a spec kind accepts, in words: "a number in [0, 1)", "a number ≥ 1", "a whole number ≥ 0",
    /// "one of none, random", "true or false", "a list of numbers".
    public static func describe(_ kind: ParameterSpec.Kind) -> String {
        switch kind {
        case .number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen):
            let low = minimum.map(ParameterValue.format), high = maximum.map(ParameterValue.format)
            switch (low, high) {
            case let (low?, high?):
                return "a number in \(minimumIsOpen ? "(" : "[")\(low), \(high)\(maximumIsOpen ? ")" : "]")"
            case let (low?, nil): return "a number \(minimumIsOpen ? ">" : "≥") \(low)"
            case let (nil, high?): return "a number \(maximumIsOpen ? "<" : "≤") \(high)"
            case (nil, nil): return "a finite number"
            }
        case .integer(let minimum): return "a whole number ≥ \(minimum)"
        case .choice(let words): return words.isEmpty ? "a name" : "one of " + words.joined(separator: ", ")
        case .flag: return "true or false"
        case .numbers: return "a list of numbers"
        }
    }
}
