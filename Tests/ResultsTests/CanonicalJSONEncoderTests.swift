import Foundation
import Results
import Testing

/// ``CanonicalJSONEncoder`` against Foundation's `JSONEncoder` (configured by `RecordCoding`) on
/// adversarial records and on types that use every part of the `Encoder` protocol.
@Suite struct CanonicalJSONEncoderTests {
    /// Every byte below 0x20, U+007F, quotes, backslashes, slashes and non-ASCII (2-, 3- and 4-byte
    /// UTF-8, a combining accent).
    static let awkwardText =
        "quote \" backslash \\ slash / tab \t newline \n return \r "
        + String(decoding: (0x01...0x1F).map { UInt8($0) }, as: UTF8.self) + " nul \u{0} del \u{7F} "
        + "× − ≤ é e\u{301} 😀 \\n \\u0041 </script>"

    static let awkwardDoubles: [Double] = [
        0, -0.0, 1, -1, 1e-5, 1e-300, 5e-324, 1.7976931348623157e308, 0.1, 1.0 / 3.0, 9_007_199_254_740_992,
        9_007_199_254_740_994, 1e16, 1e21, 123_456_789_012_345_680_000, .nan, .infinity, -.infinity,
        2.2250738585072014e-308, 2.225073858507201e-308, 1e15, 1e17, 0.0001, 0.00001, 100, 12345678.9,
        -1.5e-7, 4.9406564584124654e-324, 1e22, 1e23, -9_007_199_254_740_993, 0.30000000000000004,
    ]

    static func checkpoint(_ value: Double) -> Checkpoint {
        Checkpoint(
            iteration: Int.max, gradientEvaluations: Int.min, functionEvaluations: 0, hessianVectorProducts: -1,
            hessianEvaluations: 7, epochs: value, seconds: -value)
    }

    /// A record with every optional present, the awkward text in every string and the awkward
    /// doubles in every double field.
    static func adversarialRecord() -> RunRecord {
        let doubles = awkwardDoubles
        let text = awkwardText
        let parameters = [
            "lr": "1/L", "LR": text, "l": "", "lr2": "0.1", "": "empty key", "a\"": "q", "a!": "b", "a#": "h",
            "é": "e", "Z": "z", "10": "ten", "9": "nine", "\u{1}": "control key",
        ]
        let trace = doubles.enumerated().map { index, value in
            TracePoint(
                iteration: index, gradientEvaluations: index, functionEvaluations: -index, epochs: value,
                seconds: doubles[(index + 1) % doubles.count], value: value, gap: -value, gradientNorm: value,
                learningRate: doubles[(index + 5) % doubles.count], fingerprint: text)
        }
        return RunRecord(
            id: text, suite: "suite/with/slashes",
            problem: ProblemIdentity(
                id: text, kind: "k\"", parameters: parameters, batchSize: Int.min, gradientNoise: -0.0,
                dimension: Int.max, sampleCount: 0, smoothness: 5e-324, strongConvexity: .nan,
                conditionNumber: .infinity),
            optimizer: OptimizerIdentity(
                id: "o", kind: text, parameters: parameters,
                schedule: ScheduleIdentity(kind: text, parameters: parameters)),
            repetition: -3, problemSeed: RunRecord.hex(0), runSeed: RunRecord.hex(.max), status: .error, message: text,
            targets: TargetResults(
                measure: .gradientNorm, ladder: doubles.map { TargetHit(threshold: $0, hit: checkpoint($0)) }),
            milestones: doubles.map { MilestoneResult(name: text, valueThreshold: $0, hit: checkpoint(-$0)) },
            initialValue: 1e21, optimalValue: -0.0,
            final: FinalState(
                progress: checkpoint(.nan), value: 1.7976931348623157e308, gap: 1e-5, relativeGap: 1.0 / 3.0,
                gradientNorm: -.infinity, distance: 2.2250738585072014e-308, heldOutAccuracy: 0.1),
            wallTime: WallTime(medianSeconds: 1e16, repeats: doubles), trace: trace, finalFingerprint: text)
    }

    /// A record with every optional absent and every collection empty.
    static func sparseRecord() -> RunRecord {
        RunRecord(
            id: "", suite: "",
            problem: ProblemIdentity(
                id: "", kind: "", parameters: [:], batchSize: nil, gradientNoise: 0,
                dimension: 0, sampleCount: nil),
            optimizer: OptimizerIdentity(id: "", kind: "", parameters: [:], schedule: nil), repetition: 0,
            problemSeed: "",
            runSeed: "", status: .converged, message: nil, targets: TargetResults(measure: .distance, ladder: []),
            milestones: [], initialValue: 0, optimalValue: nil,
            final: FinalState(
                progress: Checkpoint(
                    iteration: 0, gradientEvaluations: 0, functionEvaluations: 0,
                    hessianVectorProducts: 0, hessianEvaluations: 0, epochs: nil, seconds: nil),
                value: 0, gap: nil, relativeGap: nil, gradientNorm: 0, distance: nil, heldOutAccuracy: nil),
            wallTime: WallTime(medianSeconds: 0, repeats: []), trace: [], finalFingerprint: "")
    }

    @Test func adversarialRecordsAreWrittenAsFoundationWritesThem() throws {
        var withEmptyOptionals = Self.sparseRecord()
        withEmptyOptionals.message = ""
        withEmptyOptionals.optimizer.schedule = ScheduleIdentity(kind: "", parameters: [:])
        withEmptyOptionals.targets.ladder = [TargetHit(threshold: 1, hit: nil)]
        withEmptyOptionals.milestones = [MilestoneResult(name: "m", valueThreshold: -1, hit: nil)]
        var manyPoints = Self.adversarialRecord()
        manyPoints.trace = (0..<5000).map { index in
            let value = 1 / Double(index + 1)
            return TracePoint(
                iteration: index, gradientEvaluations: 2 * index, functionEvaluations: index / 3,
                epochs: index % 3 == 0 ? nil : value, seconds: index % 5 == 0 ? nil : value * 1e-6, value: value,
                gap: index % 2 == 0 ? nil : -value, gradientNorm: value * value,
                learningRate: index % 7 == 0 ? nil : 1e-3,
                fingerprint: RunRecord.hex(UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        }
        for record in [Self.adversarialRecord(), Self.sparseRecord(), withEmptyOptionals, manyPoints] {
            let line = try RecordCoding.line(record)
            #expect(line == (try FoundationJSON.line(record)))
            #expect(try RecordCoding.records(fromJSONLines: line + "\n").count == 1)
        }
        let text = try FoundationJSON.text(Self.adversarialRecord())
        // The reference really exercises what the record claims to: raw non-ASCII, escapes, key order.
        #expect(text.contains("× − ≤ é e\u{301} 😀") && text.contains("\\u0001\\u0002") && text.contains("\\u001f"))
        #expect(
            text.contains("\\b\\t\\n\\u000b\\f\\r") && text.contains("\u{7F}") && text.contains("suite/with/slashes"))
        #expect(text.contains("{\"\":\"empty key\",\"\\u0001\":\"control key\",\"10\":\"ten\",\"9\":\"nine\",\"LR\":"))
    }

    @Test(arguments: awkwardDoubles)
    func doublesAreWrittenAsFoundationWritesThem(value: Double) throws {
        let ours = String(decoding: try CanonicalJSONEncoder.encode(value), as: UTF8.self)
        let reference = try FoundationJSON.text(value)
        #expect(ours == reference)
        #expect(try CanonicalJSONEncoder.encode([value]) == (try FoundationJSON.bytes([value])))
        #expect(try CanonicalJSONEncoder.encode(["x": value]) == (try FoundationJSON.bytes(["x": value])))
        let single = Float(value)
        #expect(try CanonicalJSONEncoder.encode([single]) == (try FoundationJSON.bytes([single])))
    }

    /// Keys that differ only in case, by a prefix, by a character that JSON escapes, or in UTF-8
    /// encoding: Foundation orders them by their UTF-8 bytes before escaping.
    @Test func keysAreOrderedAsFoundationOrdersThem() throws {
        let keys = [
            "b", "B", "a", "A", "ab", "aB", "a_", "a", "aa", "", " ", "é", "e\u{301}", "z", "Z", "10", "9", "1",
            "a\"", "a!", "a#", "a\\", "a\u{1}", "a\u{7F}", "a/", "😀", "\u{FFFF}", "ä", "a0", "a00", "A_",
        ]
        var dictionary: [String: Int] = [:]
        for (index, key) in keys.enumerated() { dictionary[key] = index }
        let ours = try CanonicalJSONEncoder.encode(dictionary)
        #expect(ours == (try FoundationJSON.bytes(dictionary)))
        // Byte order, checked against a plain reading of the output.
        let text = String(decoding: ours, as: UTF8.self)
        #expect(text.hasPrefix("{\"\":"))
        #expect(text.range(of: "\"B\":")!.lowerBound < text.range(of: "\"a\":")!.lowerBound)
        #expect(text.range(of: "\"aB\":")!.lowerBound < text.range(of: "\"a_\":")!.lowerBound)
        #expect(text.range(of: "\"a!\":")!.lowerBound < text.range(of: "\"a\\\"\":")!.lowerBound)
    }

    struct Scalars: Encodable {
        var int8 = Int8.min, int16 = Int16.max, int32 = Int32.min, int64 = Int64.min, int = Int.max
        var uint = UInt.max, uint8 = UInt8.max, uint16 = UInt16.max, uint32 = UInt32.max, uint64 = UInt64.max
        var floats: [Float] = [0.1, 1e-45, -0.0, 16_777_216, 3.4028235e38, .nan, -.infinity, 1.0 / 3.0]
        var bools = [true, false]
        var optionals: [Int?] = [1, nil, 3]
        var nested: [[String: [Double?]]] = [[:], ["k": []], ["b": [nil, 1.5], "a": [2, -0.0]]]
        var absent: Double? = nil
        var present: Double? = 2
        var character = "\u{0}"
    }

    @Test func scalarsAndFragmentsAreWrittenAsFoundationWritesThem() throws {
        #expect(try CanonicalJSONEncoder.encode(Scalars()) == (try FoundationJSON.bytes(Scalars())))
        #expect(try CanonicalJSONEncoder.encode(Self.awkwardText) == (try FoundationJSON.bytes(Self.awkwardText)))
        #expect(try CanonicalJSONEncoder.encode([Double]()) == (try FoundationJSON.bytes([Double]())))
        #expect(try CanonicalJSONEncoder.encode([String: String]()) == (try FoundationJSON.bytes([String: String]())))
        #expect(try CanonicalJSONEncoder.encode(Int8(-7)) == (try FoundationJSON.bytes(Int8(-7))))
        #expect(try CanonicalJSONEncoder.encode(Optional<Int>.none) == (try FoundationJSON.bytes(Optional<Int>.none)))
        #expect(try CanonicalJSONEncoder.encode(RunStatus.timeout) == (try FoundationJSON.bytes(RunStatus.timeout)))
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    /// Writes its coding path as a string, so the output shows the path each encoder reports.
    struct PathProbe: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(
                encoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "."))
        }
    }

    /// A path probe, or a constant where Foundation's coding paths are wrong (inside containers from
    /// `nestedContainer`/`nestedUnkeyedContainer`, its paths leave out the nested container's key).
    struct MaybeProbe: Encodable {
        var probes: Bool
        func encode(to encoder: any Encoder) throws {
            if probes { try PathProbe().encode(to: encoder) } else { try "p".encode(to: encoder) }
        }
    }

    /// A hand-written `encode(to:)` using nested containers, super encoders, a key written twice,
    /// a container asked for twice, and values that encode nothing.
    struct Handwritten: Encodable {
        enum Key: String, CodingKey { case zeta, alpha, nested, list, parent, empty, probe, again, mid }
        var probes = false

        func encode(to encoder: any Encoder) throws {
            let probe = MaybeProbe(probes: probes)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: .zeta)
            try container.encode("first", forKey: .alpha)
            var nested = container.nestedContainer(keyedBy: Key.self, forKey: .nested)
            try nested.encode(probe, forKey: .probe)
            try nested.encode(Nothing(), forKey: .empty)
            try nested.encodeNil(forKey: .alpha)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(probe)
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode([probe, probe], forKey: .probe)
            var innerList = list.nestedUnkeyedContainer()
            try innerList.encode(true)
            try innerList.encode(["x": probe])
            var superOfList = list.superEncoder().singleValueContainer()
            try superOfList.encode(-0.0)
            _ = list.superEncoder()
            try list.encode(Nothing())
            try list.encode(Optional<Int>.none)
            try list.encodeNil()
            let parent = container.superEncoder()
            var parentContainer = parent.container(keyedBy: Key.self)
            try parentContainer.encode(PathProbe(), forKey: .probe)
            _ = container.superEncoder(forKey: .empty)
            try container.encode("second", forKey: .alpha)
            var again = encoder.container(keyedBy: Key.self)
            try again.encode(PathProbe(), forKey: .again)
            try again.encodeIfPresent(Optional<String>.none, forKey: .mid)
        }
    }

    @Test func nestedContainersAndSuperEncodersAreWrittenAsFoundationWritesThem() throws {
        let value = [Handwritten(), Handwritten()]
        #expect(try CanonicalJSONEncoder.encode(value) == (try FoundationJSON.bytes(value)))
        let probes = [
            "b": [[:]], "a": [["x": PathProbe()], ["y": PathProbe(), "z": PathProbe()]], "c": [["d": PathProbe()]],
        ]
        #expect(try CanonicalJSONEncoder.encode(probes) == (try FoundationJSON.bytes(probes)))
        #expect(try CanonicalJSONEncoder.encode([Nothing()]) == (try FoundationJSON.bytes([Nothing()])))
        // Inside nested containers the path names every key and index taken to reach the value.
        let paths = String(decoding: try CanonicalJSONEncoder.encode([Handwritten(probes: true)]), as: UTF8.self)
        for path in [
            "[0].nested.probe", "[0].list.[0]", "[0].list.[1].probe.[1]", "[0].list.[2].[1].x", "[0].super.probe",
            "[0].again",
        ] {
            #expect(paths.contains("\"\(path)\""), "\(path)")
        }
    }

    @Test func aTopLevelValueThatEncodesNothingIsAnErrorAsInFoundation() {
        #expect(throws: EncodingError.self) { try FoundationJSON.bytes(Nothing()) }
        #expect(throws: EncodingError.self) { try CanonicalJSONEncoder.encode(Nothing()) }
    }

    /// A nested container written to after its parent moved on: Foundation's reference-based
    /// containers still place the value; the byte writer refuses rather than write it out of place.
    struct LateWriter: Encodable {
        enum Key: String, CodingKey { case a, b, c }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var nested = container.nestedContainer(keyedBy: Key.self, forKey: .a)
            try container.encode(2, forKey: .b)
            try nested.encode(1, forKey: .c)
        }
    }

    struct DoubleSingleValue: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(1)
            try container.encode(2)
        }
    }

    @Test func containersWrittenOutOfOrderAreRefused() throws {
        #expect(try FoundationJSON.text(LateWriter()) == "{\"a\":{\"c\":1},\"b\":2}")
        #expect(throws: EncodingError.self) { try CanonicalJSONEncoder.encode(LateWriter()) }
        #expect(throws: EncodingError.self) { try CanonicalJSONEncoder.encode([DoubleSingleValue()]) }
    }
}
