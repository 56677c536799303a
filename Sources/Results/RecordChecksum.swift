/// The checksum that guards each line of `runs.jsonl`, `journal.jsonl` and baseline files:
/// 64-bit FNV-1a (Fowler, Noll, Vo; offset basis 0xcbf29ce484222325, prime 0x100000001b3) of the
/// UTF-8 bytes of the record's canonical JSON line, as 16 lower-case hex digits. The line is written
/// as `{"checksum":"<hex>",` followed by the canonical line without its opening brace, so a reader
/// recovers the hashed bytes exactly. It detects accidental damage (a flipped byte, an edited
/// number, a truncated line), not tampering.
public enum RecordChecksum {
    static let prefix = "{\"checksum\":\""

    public static func fnv1a64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// `{"checksum":"…",` + the canonical line (UTF-8 bytes of one JSON object) without its `{`.
    static func seal(_ canonical: [UInt8]) -> String {
        var line = Array(prefix.utf8)
        line.reserveCapacity(line.count + 18 + canonical.count)
        line.append(contentsOf: hex(fnv1a64(canonical)).utf8)
        line.append(contentsOf: "\",".utf8)
        line.append(contentsOf: canonical.dropFirst())
        return String(decoding: line, as: UTF8.self)
    }

    /// The outcome of checking one line.
    enum Verdict: Equatable {
        /// The line carries a checksum and it matches.
        case valid
        /// A line written before checksums (accepted as is).
        case absent
        case mismatch(expected: String, found: String)
    }

    static func verify(_ line: Substring) -> Verdict {
        guard line.hasPrefix(prefix) else { return .absent }
        let start = line.index(line.startIndex, offsetBy: prefix.count)
        guard let end = line.index(start, offsetBy: 16, limitedBy: line.endIndex), line[end...].hasPrefix("\",") else {
            return .mismatch(expected: "16 hex digits", found: String(line[start...].prefix(16)))
        }
        let stored = String(line[start..<end])
        let canonical = "{" + line[line.index(end, offsetBy: 2)...]
        let computed = hex(fnv1a64(canonical.utf8))
        return stored == computed ? .valid : .mismatch(expected: computed, found: stored)
    }
}
