/// Reads a ``ParameterSet`` against a kind's ``ParameterSpec`` list: rejects keys the kind does not
/// declare, fills in each spec's default, and checks the value against the spec's kind (range,
/// whole-number minimum, allowed words). Every failure is a ``ParameterError`` naming the key.
public struct ParameterReader: Sendable {
    public let parameters: ParameterSet
    public let specs: [ParameterSpec]

    /// Fails on the first key (in sorted order) that no spec declares.
    public init(_ parameters: ParameterSet, specs: [ParameterSpec]) throws {
        for key in parameters.sortedKeys where !specs.contains(where: { $0.name == key }) {
            let known = specs.map(\.name).joined(separator: ", ")
            throw ParameterError(
                key: key, expected: known.isEmpty ? "no parameters" : "one of the parameters \(known)",
                found: "an unknown parameter")
        }
        self.parameters = parameters
        self.specs = specs
    }

    /// The value given for `key`, or the spec's default.
    func resolved(_ key: String) throws -> (ParameterSpec, ParameterSet) {
        guard let spec = specs.first(where: { $0.name == key }) else {
            throw ParameterError(key: key, expected: "a declared parameter", found: "an undeclared key")
        }
        var effective = ParameterSet()
        effective[key] = parameters[key] ?? spec.defaultValue
        return (spec, effective)
    }

    /// A real number inside the spec's bounds.
    public func number(_ key: String) throws -> Double {
        let (spec, effective) = try resolved(key)
        let value = try effective.number(key)
        guard value.isFinite else {
            throw ParameterError(key: key, expected: "a finite number", found: ParameterValue.number(value).summary)
        }
        if case .number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen) = spec.kind {
            let belowMinimum = minimum.map { minimumIsOpen ? value <= $0 : value < $0 } ?? false
            let aboveMaximum = maximum.map { maximumIsOpen ? value >= $0 : value > $0 } ?? false
            if belowMinimum || aboveMaximum {
                throw ParameterError(key: key, expected: ParameterReader.describe(spec.kind), found: ParameterValue.number(value).summary)
            }
        }
        return value
    }

    /// A whole number ≥ the spec's minimum.
    public func integer(_ key: String) throws -> Int {
        let (spec, effective) = try resolved(key)
        let value = try effective.integer(key)
        if case .integer(let minimum) = spec.kind, value < minimum {
            throw ParameterError(key: key, expected: ParameterReader.describe(spec.kind), found: String(value))
        }
        return value
    }

    /// One of the spec's words.
    public func choice(_ key: String) throws -> String {
        let (spec, effective) = try resolved(key)
        let value = try effective.text(key)
        if case .choice(let words) = spec.kind, !words.contains(value) {
            throw ParameterError(key: key, expected: ParameterReader.describe(spec.kind), found: value)
        }
        return value
    }

    /// What a spec kind accepts, in words, e.g. "a number ≥ 1" or "one of none, random".
    public static func describe(_ kind: ParameterSpec.Kind) -> String {
        switch kind {
        case .number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen):
            let low = minimum.map { (minimumIsOpen ? "> " : "≥ ") + ParameterValue.format($0) }
            let high = maximum.map { (maximumIsOpen ? "< " : "≤ ") + ParameterValue.format($0) }
            switch (low, high) {
            case let (low?, high?): return "a number \(low) and \(high)"
            case let (low?, nil): return "a number \(low)"
            case let (nil, high?): return "a number \(high)"
            case (nil, nil): return "a number"
            }
        case .integer(let minimum): return "a whole number ≥ \(minimum)"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .flag: return "true or false"
        case .numbers: return "a list of numbers"
        }
    }
}
