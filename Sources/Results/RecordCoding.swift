import Foundation

/// The one JSON configuration used for every result file: keys sorted, no escaped slashes,
/// non-finite doubles as `"nan"`, `"inf"`, `"-inf"`. Foundation writes doubles in shortest
/// round-trip form, so a decoded record has the same bits as the one encoded.
public enum RecordCoding {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// One record as a single JSON line (without the newline), sealed with its ``RecordChecksum``.
    /// Written by ``CanonicalJSONEncoder``: the bytes `encoder()` writes, in about a third of the time.
    public static func line(_ record: RunRecord) throws -> String {
        RecordChecksum.seal(try CanonicalJSONEncoder.encode(record))
    }

    /// Records as JSON Lines, in the given order, each line `\n`-terminated.
    public static func jsonLines(_ records: [RunRecord]) throws -> String {
        var text = ""
        for record in records {
            text += try line(record)
            text += "\n"
        }
        return text
    }

    /// Parses JSON Lines; blank lines are skipped. Every line is validated: its checksum when it has
    /// one (lines written before checksums have none), then the record's fields and schema version.
    /// Errors name the 1-based line number. A truncated last line (an interrupted append: no final
    /// newline) is dropped when `toleratingTruncatedTail` is set, else it is an error.
    public static func records(fromJSONLines text: String, toleratingTruncatedTail: Bool = false) throws -> [RunRecord]
    {
        let decoder = decoder()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWhole = text.isEmpty || text.hasSuffix("\n")
        var records: [RunRecord] = []
        for (index, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            let number = index + 1
            let isTornTail = index == lines.count - 1 && !endsWhole
            do {
                if case .mismatch(let expected, let found) = RecordChecksum.verify(line) {
                    throw ResultsError(
                        "line \(number): checksum \(found) does not match the record (\(expected)); the line was "
                            + "changed or damaged")
                }
                let record = try decoder.decode(RunRecord.self, from: Data(line.utf8))
                guard record.schemaVersion >= 1, record.schemaVersion <= RunRecord.currentSchemaVersion else {
                    throw ResultsError(
                        "line \(number): schema version \(record.schemaVersion) is not one this gdbench reads (1 … "
                            + "\(RunRecord.currentSchemaVersion))")
                }
                records.append(record)
            } catch {
                if isTornTail && toleratingTruncatedTail { break }
                if isTornTail {
                    throw ResultsError(
                        "line \(number): truncated (the file ends inside a record; was the write interrupted?)")
                }
                if let error = error as? ResultsError { throw error }
                throw ResultsError("line \(number): not a run record (\(describe(error)))")
            }
        }
        return records
    }

    /// A one-line account of a decoding error.
    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }
                .description
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "not valid JSON"
        case .dataCorrupted(let context): return "bad value at \(path(context))"
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field \(parent.isEmpty ? "" : parent + ".")\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
