import Foundation

/// The one JSON configuration used for every result file: keys sorted, no escaped slashes,
/// non-finite doubles as `"nan"`, `"inf"`, `"-inf"`. Foundation writes doubles in shortest
/// round-trip form, so a decoded record has the same bits as the one encoded.
public enum RecordCoding {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
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

    /// One record as a single JSON line (without the newline).
    public static func line(_ record: RunRecord) throws -> String {
        String(decoding: try encoder().encode(record), as: UTF8.self)
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

    /// Parses JSON Lines; blank lines are skipped. A truncated last line (an interrupted append) is
    /// dropped when `toleratingTruncatedTail` is set, else it is an error.
    public static func records(fromJSONLines text: String, toleratingTruncatedTail: Bool = false) throws -> [RunRecord] {
        let decoder = decoder()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        var records: [RunRecord] = []
        for (index, line) in lines.enumerated() {
            do {
                let record = try decoder.decode(RunRecord.self, from: Data(line.utf8))
                guard record.schemaVersion <= RunRecord.currentSchemaVersion else {
                    throw ResultsError("line \(index + 1): schema version \(record.schemaVersion) is newer than this gdbench reads (\(RunRecord.currentSchemaVersion))")
                }
                records.append(record)
            } catch let error as ResultsError {
                throw error
            } catch {
                if toleratingTruncatedTail && index == lines.count - 1 && !text.hasSuffix("\n") { break }
                throw ResultsError("line \(index + 1): not a run record (\(error))")
            }
        }
        return records
    }
}
