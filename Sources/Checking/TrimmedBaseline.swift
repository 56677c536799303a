import Foundation
import Results

/// The trimmed form of a baseline, for suites whose full `runs.jsonl` would weigh megabytes in the
/// repository (`gdbench check --update-baseline --trim-baseline`).
///
/// Each line is the run's record with its `trace` emptied and one extra key, `baselineTrace`: a
/// string of space-separated `iteration:fingerprint:value` triples, one per trace point, e.g.
/// `"0:3ff0000000000000:5.5 1:3fe8000000000000:0.405"` (value in shortest round-trip form, `nan`
/// and `inf` allowed). That is everything the comparison reads from a trace: ``TraceDivergence``
/// matches checkpoints by iteration and compares fingerprints; the value says where f stood.
/// Everything else of the record (status, targets, milestones, final state, fingerprints, times)
/// is kept, so every check that does not need the trace is exactly as with a full baseline.
///
/// Reading restores trace points with iteration, fingerprint and value; their other fields are
/// placeholders (0 counts, NaN gradient norm, nil gap/epochs/seconds/learning rate) — a trimmed
/// baseline is for `gdbench check`, not for figures or reports. Plain readers of JSON Lines see an
/// ordinary record with an empty trace (unknown keys are ignored).
public enum TrimmedBaseline {
    public static let key = "baselineTrace"

    /// The trimmed line of a record.
    public static func line(_ record: RunRecord) throws -> String {
        var trimmed = record
        trimmed.trace = []
        let json = try RecordCoding.line(trimmed)
        let triples = record.trace.map { "\($0.iteration):\($0.fingerprint):\($0.value)" }.joined(separator: " ")
        guard json.hasSuffix("}") else { throw ResultsError("cannot trim record \(record.id): unexpected JSON") }
        return String(json.dropLast()) + ",\"\(key)\":\"\(triples)\"}"
    }

    /// True when `text` (a baseline's JSON Lines) is in the trimmed form.
    public static func isTrimmed(_ text: String) -> Bool {
        text.contains("\"\(key)\":")
    }

    /// Parses a trimmed baseline; `source` names it in errors.
    public static func records(fromJSONLines text: String, source: String) throws -> [RunRecord] {
        let decoder = RecordCoding.decoder()
        var records: [RunRecord] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let data = Data(line.utf8)
            do {
                var record = try decoder.decode(RunRecord.self, from: data)
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                guard let triples = object?[key] as? String else {
                    throw ResultsError("\(source):\(index + 1): no \(key) (a trimmed baseline needs it on every line)")
                }
                record.trace = try triples.split(separator: " ").map { triple in
                    let fields = triple.split(separator: ":", omittingEmptySubsequences: false)
                    guard fields.count == 3, let iteration = Int(fields[0]), let value = SidecarNumber.parse(fields[2])
                    else {
                        throw ResultsError(
                            "\(source):\(index + 1): expected iteration:fingerprint:value, found `\(triple)`")
                    }
                    return TracePoint(
                        iteration: iteration, gradientEvaluations: 0, functionEvaluations: 0, epochs: nil,
                        seconds: nil, value: value, gap: nil, gradientNorm: .nan, learningRate: nil,
                        fingerprint: String(fields[1]))
                }
                records.append(record)
            } catch let error as ResultsError {
                throw error
            } catch {
                throw ResultsError("\(source):\(index + 1): not a run record (\(error))")
            }
        }
        return records
    }
}
