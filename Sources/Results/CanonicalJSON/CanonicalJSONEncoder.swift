/// Writes a value's JSON exactly as `RecordCoding.encoder()` (Foundation's `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` and non-finite doubles as `"nan"`, `"inf"`, `"-inf"`)
/// writes it, byte for byte, at a fraction of the cost: it is an `Encoder` that writes straight into
/// one byte buffer instead of building a tree of boxed values and serializing that.
///
/// The output follows swift-foundation's `JSONEncoder.swift` and `JSONWriter.swift`
/// (FoundationEssentials/JSON, the implementation on Linux):
/// - Object keys sorted by `key.utf8.lexicographicallyPrecedes` (byte order: `"B" < "a"`,
///   `"a" < "aB" < "a_" < "ab"`); a key encoded twice keeps its last value.
/// - Strings: `"` and `\` escaped, `\b \f \n \r \t` for those controls, `\u00xx` (lower-case hex) for
///   the other bytes below 0x20; `/`, U+007F and non-ASCII written as they are (UTF-8).
/// - Doubles and floats: `description` with a trailing `.0` removed (`1`, `-0`, `1e-05`, `1e+16`,
///   `0.1`, `5e-324`, `1.7976931348623157e+308`); integers and bools as `description`.
/// - `encodeIfPresent` with nil writes nothing; `encodeNil` writes `null`; a nested value that
///   encodes nothing writes `{}`; a top-level value that encodes nothing is an error.
///
/// Types that use `nestedContainer`, `nestedUnkeyedContainer` or `superEncoder` must finish with
/// such a container before writing the next member or element of its parent (what hand-written
/// `encode(to:)` methods do); a container written to later throws rather than writing out of
/// place. Tests/ResultsTests/CanonicalJSON*Tests.swift compare its output with Foundation's on
/// the committed baselines, on adversarial records and types, and on seeded random records and trees.
public enum CanonicalJSONEncoder {
    /// The UTF-8 bytes of `value`'s canonical JSON.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try CanonicalJSONWriter().document(value)
    }
}
