import Objectives

/// An optimizer's parameters checked against its ``ParameterSpec`` list: every given key must be a
/// declared parameter, of the declared type and inside the declared range; missing keys take the
/// declared default. Every failure is a ``ParameterError`` naming the key, what was expected and what
/// was found (e.g. `beta1: expected a number in [0, 1), found 1`).
struct ValidatedParameters {
    let optimizer: String
    let values: ParameterSet
    let specs: [ParameterSpec]

    init(_ values: ParameterSet, specs: [ParameterSpec], optimizer: String) throws {
        self.optimizer = optimizer
        self.values = values
        self.specs = specs
        for key in values.sortedKeys {
            guard let spec = specs.first(where: { $0.name == key }) else {
                let names = specs.map(\.name).joined(separator: ", ")
                throw ParameterError(
                    key: key, expected: "a parameter of \(optimizer) (\(names))", found: "an unknown parameter")
            }
            try Self.check(values[key], against: spec)
        }
    }

    func number(_ key: String) throws -> Double {
        switch resolved(key) {
        case .number(let value)?: return value
        default: throw ParameterError(key: key, expected: "a number", found: "nothing (the parameter is required)")
        }
    }

    func flag(_ key: String) throws -> Bool {
        switch resolved(key) {
        case .flag(let value)?: return value
        default: throw ParameterError(key: key, expected: "true or false", found: "nothing (the parameter is required)")
        }
    }

    /// The given value, else the declared default.
    private func resolved(_ key: String) -> ParameterValue? {
        values[key] ?? specs.first(where: { $0.name == key })?.defaultValue
    }

    private static func check(_ value: ParameterValue?, against spec: ParameterSpec) throws {
        guard let value else { return }
        switch spec.kind {
        case .number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen):
            let expected = describeRange(minimum, maximum, minimumIsOpen, maximumIsOpen)
            guard case .number(let x) = value else {
                throw ParameterError(key: spec.name, expected: expected, found: value.summary)
            }
            var isInside = x.isFinite
            if let minimum { isInside = isInside && (minimumIsOpen ? x > minimum : x >= minimum) }
            if let maximum { isInside = isInside && (maximumIsOpen ? x < maximum : x <= maximum) }
            guard isInside else { throw ParameterError(key: spec.name, expected: expected, found: value.summary) }
        case .flag:
            guard case .flag = value else {
                throw ParameterError(key: spec.name, expected: "true or false", found: value.summary)
            }
        case .integer(let minimum):
            let expected = "a whole number ≥ \(minimum)"
            guard case .number(let x) = value, x.rounded() == x, x >= Double(minimum), abs(x) < 1e15 else {
                throw ParameterError(key: spec.name, expected: expected, found: value.summary)
            }
        case .choice(let words):
            guard case .text(let word) = value, words.contains(word) else {
                throw ParameterError(key: spec.name, expected: "one of " + words.joined(separator: ", "), found: value.summary)
            }
        case .numbers:
            switch value {
            case .number(let x) where x.isFinite: return
            case .numbers(let xs) where xs.allSatisfy(\.isFinite): return
            default: throw ParameterError(key: spec.name, expected: "a list of numbers", found: value.summary)
            }
        }
    }

    private static func describeRange(_ minimum: Double?, _ maximum: Double?, _ minimumIsOpen: Bool, _ maximumIsOpen: Bool)
        -> String
    {
        let low = minimum.map(ParameterValue.format), high = maximum.map(ParameterValue.format)
        switch (low, high) {
        case let (low?, high?):
            return "a number in \(minimumIsOpen ? "(" : "[")\(low), \(high)\(maximumIsOpen ? ")" : "]")"
        case let (low?, nil): return "a number \(minimumIsOpen ? ">" : "≥") \(low)"
        case let (nil, high?): return "a number \(maximumIsOpen ? "<" : "≤") \(high)"
        case (nil, nil): return "a finite number"
        }
    }
}
