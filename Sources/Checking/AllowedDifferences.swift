import Foundation
import Results

/// An allowed-differences file: per-suite or per-cell tolerances, each with the reason it is
/// allowed, keyed by a run-id glob.
///
/// The file is **JSON**, not YAML: the `Results` module reads it and depends on nothing but
/// Foundation (analysis and figures build on it too), Foundation's JSON parser is exact about
/// numbers and reports the position of a syntax error, and the file is small and often written
/// by tools. Unknown keys are errors (a misspelt `count` must not silently allow nothing).
///
/// ```json
/// {
///   "schemaVersion": 1,
///   "allowed": [
///     { "runs": "*", "suite": "smoke", "counts": "2%",
///       "reason": "smoke runs on shared CI machines with -Ounchecked; see #41" },
///     { "runs": "rosenbrock[*]/adam[*]/rep=*", "counts": "5%,2", "finalGap": 1e-6, "fingerprints": false,
///       "reason": "Adam's bias correction now uses pow; equal to 1 ulp per step" }
///   ]
/// }
/// ```
/// Keys of an entry: `runs` (glob, required), `reason` (required), `suite` (only for this suite),
/// `counts` (a ``CountTolerance`` text), `finalGap` (relative, ≥ 0), `fingerprints` (`false`: not
/// compared). Entries apply in file order; a later matching entry overrides the keys it sets.
/// An entry that matches no run of the checked suite is reported as unused.
public struct AllowedDifferences: Sendable, Equatable {
    public static let currentSchemaVersion = 1

    /// The path as given, for messages.
    public var file: String
    public var entries: [AllowedDifference]

    public init(file: String, entries: [AllowedDifference]) {
        self.file = file
        self.entries = entries
    }

    public static func load(from url: URL) throws -> AllowedDifferences {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ResultsError("\(url.path): no such allowed-differences file")
        }
        return try AllowedDifferences(parsing: data, file: url.path)
    }

    /// Parses the JSON text; errors name the file and the key path (`allowed[1].reason`).
    public init(parsing data: Data, file: String) throws {
        do {
            let body = try JSONDecoder().decode(Body.self, from: data)
            self.init(
                file: file,
                entries: body.allowed.enumerated().map { index, entry in
                    AllowedDifference(
                        index: index, runs: GlobPattern(entry.runs), reason: entry.reason, suite: entry.suite,
                        counts: entry.counts, finalGap: entry.finalGap, fingerprints: entry.fingerprints)
                })
        } catch let error as DecodingError {
            throw ResultsError("\(file): \(Self.describe(error))")
        }
    }

    /// The entries that may apply when checking `suite`.
    public func entries(forSuite suite: String) -> [AllowedDifference] {
        entries.filter { $0.suite == nil || $0.suite == suite }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "top level" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing (required)"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "not valid JSON (\(underlying ?? context.debugDescription))"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Entry].Type: return "an array of entries"
        default: return "an object"
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func rejectUnknownKeys(in container: KeyedDecodingContainer<Key>, known: [String]) throws {
        for key in container.allKeys where !known.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath + [key],
                    debugDescription: "unknown key (known: \(known.joined(separator: ", ")))"))
        }
    }

    struct Body: Decodable {
        var allowed: [Entry]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            try rejectUnknownKeys(in: container, known: ["schemaVersion", "allowed"])
            if let version = try container.decodeIfPresent(Int.self, forKey: Key("schemaVersion")),
                version != AllowedDifferences.currentSchemaVersion
            {
                throw DecodingError.dataCorruptedError(
                    forKey: Key("schemaVersion"), in: container,
                    debugDescription: "expected \(AllowedDifferences.currentSchemaVersion), found \(version)")
            }
            allowed = try container.decode([Entry].self, forKey: Key("allowed"))
        }
    }

    struct Entry: Decodable {
        var runs: String
        var reason: String
        var suite: String?
        var counts: CountTolerance?
        var finalGap: Double?
        var fingerprints: Bool?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            try rejectUnknownKeys(
                in: container, known: ["runs", "reason", "suite", "counts", "finalGap", "fingerprints"])
            runs = try container.decode(String.self, forKey: Key("runs"))
            if runs.isEmpty {
                throw DecodingError.dataCorruptedError(
                    forKey: Key("runs"), in: container,
                    debugDescription: "expected a run-id glob, found an empty string")
            }
            reason = try container.decode(String.self, forKey: Key("reason"))
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw DecodingError.dataCorruptedError(
                    forKey: Key("reason"), in: container,
                    debugDescription: "expected the reason this difference is allowed, found an empty string")
            }
            suite = try container.decodeIfPresent(String.self, forKey: Key("suite"))
            if let text = try container.decodeIfPresent(String.self, forKey: Key("counts")) {
                guard let tolerance = CountTolerance.parse(text) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: Key("counts"), in: container,
                        debugDescription: "expected \(CountTolerance.expectation), found '\(text)'")
                }
                counts = tolerance
            }
            finalGap = try container.decodeIfPresent(Double.self, forKey: Key("finalGap"))
            if let finalGap, !(finalGap.isFinite && finalGap >= 0) {
                throw DecodingError.dataCorruptedError(
                    forKey: Key("finalGap"), in: container,
                    debugDescription: "expected a relative tolerance ≥ 0, found \(finalGap)")
            }
            fingerprints = try container.decodeIfPresent(Bool.self, forKey: Key("fingerprints"))
        }
    }
}
