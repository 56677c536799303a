import Foundation
import Results

/// The independent reference for ``CanonicalJSONEncoder``: Foundation's `JSONEncoder` as
/// `RecordCoding.encoder()` configures it, and the checksum line built from its output as
/// `RecordChecksum` documents it (`{"checksum":"<16 hex of FNV-1a>",` + the JSON without its `{`).
enum FoundationJSON {
    static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try RecordCoding.encoder().encode(value))
    }

    static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    static func line(_ record: RunRecord) throws -> String {
        let json = try bytes(record)
        let digits = String(RecordChecksum.fnv1a64(json), radix: 16)
        let checksum = String(repeating: "0", count: 16 - digits.count) + digits
        return "{\"checksum\":\"\(checksum)\"," + String(decoding: json.dropFirst(), as: UTF8.self)
    }

    /// `line` without its checksum (`{"checksum":"…",` becomes `{`), as lines written before
    /// checksums were added are stored.
    static func unsealed(_ line: String) -> String {
        line.hasPrefix("{\"checksum\":\"") ? "{" + line.dropFirst(31) : line
    }

    /// The repository's `results/baseline/NAME`, read through `#filePath`.
    static func baseline(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("results/baseline/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }
}
