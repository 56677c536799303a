
/// Checks a resolved value against its ``ParameterSpec``: type, range (inclusive or open bounds),
/// whole numbers, finiteness, allowed words.
public enum ParameterCheck {
    /// The largest whole-number parameter (10¹²): exact in a Double, far below Int.max, and more
    /// iterations or steps than any run can take. Sizes that allocate are bounded further by memory
    /// (``RunMemory``).
    public static let maximumInteger = 1_000_000_000_000

    public static func check(_ value: ParameterValue, against spec: ParameterSpec) throws {
        if case .text(let word) = value, case .text(let documented)? = spec.defaultValue, word == documented { return }
        switch (spec.kind, value) {
        case (.number(let minimum, let maximum, let minimumIsOpen, let maximumIsOpen), .number(let x)):
            let low = minimum.map { (minimumIsOpen ? "> " : "≥ ") + ParameterValue.format($0) }
            let high = maximum.map { (maximumIsOpen ? "< " : "≤ ") + ParameterValue.format($0) }
            let expected: String
            switch (low, high) {
            case let (low?, high?): expected = "a number \(low) and \(high)"
            case let (low?, nil): expected = "a number \(low)"
            case let (nil, high?): expected = "a number \(high)"
            case (nil, nil): expected = "a finite number"
            }
            var ok = x.isFinite
            if let minimum { ok = ok && (minimumIsOpen ? x > minimum : x >= minimum) }
            if let maximum { ok = ok && (maximumIsOpen ? x < maximum : x <= maximum) }
            if !ok { throw ParameterError(key: spec.name, expected: expected, found: value.summary) }
        case (.integer(let minimum), .number(let x)):
            guard x.isFinite, x.rounded() == x, x >= Double(minimum) else {
                throw ParameterError(key: spec.name, expected: "a whole number ≥ \(minimum)", found: value.summary)
            }
            guard x <= Double(maximumInteger) else {
                throw ParameterError(key: spec.name, expected: "a whole number ≤ \(maximumInteger)", found: value.summary)
            }
        case (.choice(let words), .text(let word)):
            guard words.isEmpty || words.contains(word) else {
                throw ParameterError(key: spec.name, expected: "one of \(words.joined(separator: ", "))", found: word)
            }
        case (.flag, .flag): break
        case (.numbers, .numbers(let values)):
            guard values.allSatisfy(\.isFinite) else {
                throw ParameterError(key: spec.name, expected: "a list of finite numbers", found: value.summary)
            }
        default:
            throw ParameterError(key: spec.name, expected: expectedText(spec.kind), found: value.summary)
        }
    }

    static func expectedText(_ kind: ParameterSpec.Kind) -> String {
        switch kind {
        case .number: return "a number"
        case .integer: return "a whole number"
        case .choice(let words): return "one of \(words.joined(separator: ", "))"
        case .flag: return "true or false"
        case .numbers: return "a list of numbers"
        }
    }
}
