import Objectives

/// Typed, range-checked reads of a method kind's parameters for ``MethodCatalog``: every failure is
/// a ``ParameterError`` naming the key, what was expected and what was found.
///
/// Some defaults are words standing for "derived at run time" (`optimal`, `auto`, `convention`,
/// `dimension`): for those keys a missing value or that word reads as nil.
struct MethodParameterReader {
    let parameters: ParameterSet

    init(_ parameters: ParameterSet) { self.parameters = parameters }

    private func found(_ key: String) -> String { parameters[key]?.summary ?? "nothing" }

    /// A number in the interval; `open` bounds exclude the end point.
    func number(
        _ key: String, default fallback: Double, above lower: Double? = nil, atLeast minimum: Double? = nil,
        below upper: Double? = nil, atMost maximum: Double? = nil
    ) throws -> Double {
        let value = try parameters.number(key, default: fallback)
        var ok = value.isFinite
        var words: [String] = []
        if let lower { ok = ok && value > lower; words.append("> \(ParameterValue.format(lower))") }
        if let minimum { ok = ok && value >= minimum; words.append("≥ \(ParameterValue.format(minimum))") }
        if let upper { ok = ok && value < upper; words.append("< \(ParameterValue.format(upper))") }
        if let maximum { ok = ok && value <= maximum; words.append("≤ \(ParameterValue.format(maximum))") }
        guard ok else {
            throw ParameterError(key: key, expected: "a finite number" + (words.isEmpty ? "" : " " + words.joined(separator: " and ")), found: found(key))
        }
        return value
    }

    /// A number > 0, or nil when absent or the word `sentinel`.
    func optionalPositive(_ key: String, sentinel: String) throws -> Double? {
        if parameters[key] == nil || parameters[key] == .text(sentinel) { return nil }
        guard case .number(let value)? = parameters[key], value > 0, value.isFinite else {
            throw ParameterError(key: key, expected: "a finite number > 0 or \(sentinel)", found: found(key))
        }
        return value
    }

    /// A number in [0, 1), or nil when absent or the word `sentinel`.
    func optionalFraction(_ key: String, sentinel: String) throws -> Double? {
        if parameters[key] == nil || parameters[key] == .text(sentinel) { return nil }
        guard case .number(let value)? = parameters[key], value >= 0, value < 1 else {
            throw ParameterError(key: key, expected: "a number ≥ 0 and < 1 or \(sentinel)", found: found(key))
        }
        return value
    }

    /// A whole number ≥ minimum.
    func integer(_ key: String, default fallback: Int, atLeast minimum: Int) throws -> Int {
        guard parameters[key] != nil else { return fallback }
        guard case .number(let value)? = parameters[key], value.rounded() == value, value >= Double(minimum), value < 1e15 else {
            throw ParameterError(key: key, expected: "a whole number ≥ \(minimum)", found: found(key))
        }
        return Int(value)
    }

    /// A whole number ≥ minimum, or nil when absent or the word `sentinel`.
    func optionalInteger(_ key: String, atLeast minimum: Int, sentinel: String) throws -> Int? {
        if parameters[key] == nil || parameters[key] == .text(sentinel) { return nil }
        guard case .number(let value)? = parameters[key], value.rounded() == value, value >= Double(minimum), value < 1e15 else {
            throw ParameterError(key: key, expected: "a whole number ≥ \(minimum) or \(sentinel)", found: found(key))
        }
        return Int(value)
    }

    /// One of the listed words.
    func choice(_ key: String, default fallback: String, among words: [String]) throws -> String {
        guard parameters[key] != nil else { return fallback }
        guard case .text(let value)? = parameters[key], words.contains(value) else {
            throw ParameterError(key: key, expected: "one of " + words.joined(separator: ", "), found: found(key))
        }
        return value
    }

    func flag(_ key: String, default fallback: Bool) throws -> Bool {
        try parameters.flag(key, default: fallback)
    }

    /// The parameters whose keys start with `prefix` + ".", with the prefix removed, in a new set
    /// (for the inner methods of `switch` and `random-restarts`).
    func nested(_ prefix: String) -> ParameterSet {
        var inner = ParameterSet()
        let lead = prefix + "."
        for key in parameters.sortedKeys where key.hasPrefix(lead) {
            inner[String(key.dropFirst(lead.count))] = parameters[key]
        }
        return inner
    }
}
