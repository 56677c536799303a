import Foundation
import Objectives

/// What a client declares in its `HELO` frame: the protocol version, its name and version, and its
/// hyperparameters (names, types, defaults, ranges), which a suite is checked against like a
/// built-in kind's. The payload is UTF-8 JSON (docs/protocol.md, "Handshake").
public struct ClientHello: Sendable, Equatable {
    public var protocolVersion: Int
    public var name: String
    public var version: String
    public var parameters: [ParameterSpec]
    /// `optimizer` (the default) or `objective` (a process serving f, ∇f and Hessian-vector products).
    public var role: String

    /// At most this many hyperparameters, names of at most 64 characters, texts of at most 1 000.
    static let maximumParameters = 200

    /// Parses and checks a `HELO` payload.
    public init(json payload: [UInt8]) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(payload), options: [])
        } catch {
            throw ProtocolViolation("the HELO payload is not JSON: \(error.localizedDescription)")
        }
        guard let root = object as? [String: Any] else {
            throw ProtocolViolation("the HELO payload is not a JSON object")
        }
        for key in root.keys where !["protocol", "name", "version", "parameters", "role"].contains(key) {
            throw ProtocolViolation(
                "HELO has an unknown key '\(key)' (known: protocol, name, version, parameters, role)")
        }
        role = (root["role"] as? String) ?? "optimizer"
        guard role == "optimizer" || role == "objective" else {
            throw ProtocolViolation("HELO.role must be optimizer or objective, found '\(role)'")
        }
        guard let version = root["protocol"] as? Int else {
            throw ProtocolViolation("HELO.protocol must be an integer")
        }
        guard version == WireFormat.version else {
            throw ProtocolViolation(
                "the client speaks protocol version \(version); this gdbench speaks version \(WireFormat.version)")
        }
        protocolVersion = version
        name = try Self.text(root["name"], "HELO.name")
        self.version = try Self.text(root["version"], "HELO.version")
        guard let list = (root["parameters"] ?? [Any]()) as? [Any] else {
            throw ProtocolViolation("HELO.parameters must be a list")
        }
        guard list.count <= Self.maximumParameters else {
            throw ProtocolViolation("HELO.parameters has \(list.count) entries (at most \(Self.maximumParameters))")
        }
        parameters = try list.enumerated().map { index, item in try Self.spec(item, "HELO.parameters[\(index)]") }
        var seen = Set<String>()
        for spec in parameters where !seen.insert(spec.name).inserted {
            throw ProtocolViolation("HELO.parameters names '\(spec.name)' twice")
        }
    }

    static func text(_ value: Any?, _ path: String, limit: Int = 1000) throws -> String {
        guard let text = value as? String, !text.isEmpty, text.count <= limit else {
            throw ProtocolViolation("\(path) must be a non-empty string of at most \(limit) characters")
        }
        return text
    }

    static func number(_ value: Any?, _ path: String) throws -> Double? {
        guard let value, !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber else {
            throw ProtocolViolation("\(path) must be a number or null")
        }
        return number.doubleValue
    }

    static func spec(_ item: Any, _ path: String) throws -> ParameterSpec {
        guard let entry = item as? [String: Any] else { throw ProtocolViolation("\(path) must be an object") }
        let known = [
            "name", "type", "default", "minimum", "maximum", "minimum-open", "maximum-open", "choices", "summary",
        ]
        for key in entry.keys where !known.contains(key) {
            throw ProtocolViolation("\(path) has an unknown key '\(key)' (known: \(known.joined(separator: ", ")))")
        }
        let name = try text(entry["name"], "\(path).name", limit: 64)
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
            !["kind", "name", "command", "deadline", "schedule", "only-on"].contains(name)
        else {
            throw ProtocolViolation("\(path).name '\(name)' must be letters, digits, - and _, and not a suite key")
        }
        let summary = (entry["summary"] as? String) ?? "(declared by the client)"
        let type = try text(entry["type"], "\(path).type", limit: 16)
        let fallback = entry["default"]
        let kind: ParameterSpec.Kind
        var defaultValue: ParameterValue?
        switch type {
        case "number":
            kind = .number(
                minimum: try number(entry["minimum"], "\(path).minimum"),
                maximum: try number(entry["maximum"], "\(path).maximum"),
                minimumIsOpen: entry["minimum-open"] as? Bool ?? false,
                maximumIsOpen: entry["maximum-open"] as? Bool ?? false)
            defaultValue = try number(fallback, "\(path).default").map(ParameterValue.number)
        case "integer":
            let minimum = try number(entry["minimum"], "\(path).minimum") ?? Double(Int32.min)
            kind = .integer(minimum: Int(minimum))
            defaultValue = try number(fallback, "\(path).default").map(ParameterValue.number)
        case "flag":
            kind = .flag
            if let fallback, !(fallback is NSNull) {
                guard let flag = fallback as? Bool else {
                    throw ProtocolViolation("\(path).default must be true or false")
                }
                defaultValue = .flag(flag)
            }
        case "choice":
            guard let choices = entry["choices"] as? [String], !choices.isEmpty else {
                throw ProtocolViolation("\(path).choices must be a non-empty list of strings")
            }
            kind = .choice(choices)
            if let fallback, !(fallback is NSNull) {
                guard let word = fallback as? String, choices.contains(word) else {
                    throw ProtocolViolation("\(path).default must be one of the choices")
                }
                defaultValue = .text(word)
            }
        case "numbers":
            kind = .numbers
            if let fallback, !(fallback is NSNull) {
                guard let list = fallback as? [NSNumber] else {
                    throw ProtocolViolation("\(path).default must be a list of numbers")
                }
                defaultValue = .numbers(list.map(\.doubleValue))
            }
        default:
            throw ProtocolViolation("\(path).type '\(type)' is not one of number, integer, flag, choice, numbers")
        }
        return ParameterSpec(name, kind, default: defaultValue, summary)
    }

    public static func == (a: ClientHello, b: ClientHello) -> Bool {
        a.protocolVersion == b.protocolVersion && a.role == b.role && a.name == b.name && a.version == b.version
            && a.parameters.map(\.name) == b.parameters.map(\.name)
            && a.parameters.map(\.kind) == b.parameters.map(\.kind)
            && a.parameters.map(\.defaultValue) == b.parameters.map(\.defaultValue)
    }
}
