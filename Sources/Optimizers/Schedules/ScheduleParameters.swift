import Objectives

/// A schedule kind's parameters read against its ``ParameterSpec`` list: the spec gives each key's
/// default and range, so the documented range is the validated range. Every read throws a
/// ``ParameterError`` naming the key; keys the kind does not declare are rejected.
struct ScheduleParameters {
    let kindName: String
    let values: ParameterSet
    let specs: [ParameterSpec]

    /// Rejects any key of `values` that `specs` does not declare.
    init(_ values: ParameterSet, specs: [ParameterSpec], kind kindName: String) throws {
        self.kindName = kindName
        self.values = values
        self.specs = specs
        for key in values.sortedKeys where !specs.contains(where: { $0.name == key }) {
            let known = specs.isEmpty ? "no parameters" : "one of " + specs.map(\.name).joined(separator: ", ")
            throw ParameterError(
                key: key, expected: "\(known) (schedule \(kindName))", found: "an unknown parameter")
        }
    }

    func number(_ key: String) throws -> Double {
        let spec = try self.spec(key)
        let value = try resolved(key, spec).number(key)
        guard case .number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen) = spec.kind else {
            return value
        }
        let aboveMinimum = minimum.map { minimumIsOpen ? value > $0 : value >= $0 } ?? true
        let belowMaximum = maximum.map { maximumIsOpen ? value < $0 : value <= $0 } ?? true
        let inRange = value.isFinite && aboveMinimum && belowMaximum
        guard inRange else {
            throw ParameterError(key: key, expected: spec.kind.expectation, found: ParameterValue.number(value).summary)
        }
        return value
    }

    func integer(_ key: String) throws -> Int {
        let spec = try self.spec(key)
        let value = try resolved(key, spec).integer(key)
        if case .integer(let minimum) = spec.kind, value < minimum {
            throw ParameterError(key: key, expected: spec.kind.expectation, found: "\(value)")
        }
        return value
    }

    func choice(_ key: String) throws -> String {
        let spec = try self.spec(key)
        let value = try resolved(key, spec).text(key)
        if case .choice(let words) = spec.kind, !words.contains(value) {
            throw ParameterError(key: key, expected: spec.kind.expectation, found: value)
        }
        return value
    }

    func flag(_ key: String) throws -> Bool {
        let spec = try self.spec(key)
        return try resolved(key, spec).flag(key, default: false)
    }

    func numbers(_ key: String) throws -> [Double] {
        let spec = try self.spec(key)
        return try resolved(key, spec).numbers(key)
    }

    /// The given value, or the spec's default when the key is absent (a required key stays absent,
    /// so the typed read reports it as missing).
    private func resolved(_ key: String, _ spec: ParameterSpec) -> ParameterSet {
        guard values[key] == nil, let fallback = spec.defaultValue else { return values }
        var withDefault = values
        withDefault[key] = fallback
        return withDefault
    }

    private func spec(_ key: String) throws -> ParameterSpec {
        guard let spec = specs.first(where: { $0.name == key }) else {
            throw ParameterError(key: key, expected: "a parameter of schedule \(kindName)", found: "an undeclared key")
        }
        return spec
    }
}

extension ParameterSpec.Kind {
    /// What a value of this kind must be, as error messages and `gdbench describe` say it.
    var expectation: String {
        switch self {
        case .number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen):
            let low = minimum.map(ParameterValue.format)
            let high = maximum.map(ParameterValue.format)
            switch (low, high) {
            case (let low?, let high?):
                return "a number in \(minimumIsOpen ? "(" : "[")\(low), \(high)\(maximumIsOpen ? ")" : "]")"
            case (let low?, nil): return "a number \(minimumIsOpen ? ">" : "≥") \(low)"
            case (nil, let high?): return "a number \(maximumIsOpen ? "<" : "≤") \(high)"
            case (nil, nil): return "a finite number"
            }
        case .integer(let minimum): return "a whole number ≥ \(minimum)"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .flag: return "true or false"
        case .numbers: return "a list of numbers"
        }
    }
}
