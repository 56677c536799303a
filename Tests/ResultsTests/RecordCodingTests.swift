import Foundation
import Results
import Testing

@Suite struct RecordCodingTests {
    /// A record whose doubles exercise the round trip: shortest forms, subnormals, extremes, NaN, ±∞.
    static func record(id: String = "p[x=1]/o[lr=0.1]/rep=0", value: Double = 0.1 + 0.2) -> RunRecord {
        let checkpoint = Checkpoint(
            iteration: 3, gradientEvaluations: 3, functionEvaluations: 1, hessianVectorProducts: 0,
            hessianEvaluations: 0, epochs: 1.0 / 3.0, seconds: 1e-7)
        return RunRecord(
            id: id, suite: "s",
            problem: ProblemIdentity(
                id: "p[x=1]", kind: "p", parameters: ["x": "1", "a": "b"], batchSize: nil,
                gradientNoise: 0, dimension: 2, sampleCount: nil),
            optimizer: OptimizerIdentity(
                id: "o[lr=0.1]", kind: "o", parameters: ["lr": "0.1"],
                schedule: ScheduleIdentity(kind: "cosine", parameters: [:])),
            repetition: 0, problemSeed: RunRecord.hex(0xDEAD_BEEF_0000_0001), runSeed: RunRecord.hex(UInt64.max),
            status: .diverged,
            message: "line \"quoted\", comma",
            targets: TargetResults(
                measure: .relativeGap,
                ladder: [
                    TargetHit(threshold: 0.1, hit: checkpoint), TargetHit(threshold: 1e-8, hit: nil),
                ]),
            milestones: [MilestoneResult(name: "escaped", valueThreshold: -0.001, hit: nil)],
            initialValue: value, optimalValue: -0.0,
            final: FinalState(
                progress: checkpoint, value: .nan, gap: .infinity, relativeGap: -.infinity,
                gradientNorm: Double.leastNonzeroMagnitude, distance: Double.greatestFiniteMagnitude,
                heldOutAccuracy: nil),
            wallTime: WallTime(medianSeconds: 2.5e-9, repeats: [2.5e-9]),
            trace: [
                TracePoint(
                    iteration: 0, gradientEvaluations: 0, functionEvaluations: 0, epochs: nil, seconds: 0,
                    value: 1 / 3, gap: nil, gradientNorm: 5e-324, learningRate: nil,
                    fingerprint: RunRecord.hex(1))
            ],
            finalFingerprint: RunRecord.hex(0xFFFF))
    }

    func bitPatterns(_ r: RunRecord) -> [UInt64] {
        [
            r.initialValue, r.optimalValue ?? 1, r.final.value, r.final.gap ?? 1, r.final.relativeGap ?? 1,
            r.final.gradientNorm,
            r.final.distance ?? 1, r.wallTime.medianSeconds, r.trace[0].value, r.trace[0].gradientNorm,
            r.final.progress.epochs ?? 1,
        ].map(\.bitPattern)
    }

    @Test func jsonLinesRoundTripToTheSameBits() throws {
        let records = [Self.record(), Self.record(id: "z", value: 1e300)]
        let text = try RecordCoding.jsonLines(records)
        #expect(text.split(separator: "\n").count == 2)
        let decoded = try RecordCoding.records(fromJSONLines: text)
        #expect(zip(records, decoded).allSatisfy { bitPatterns($0) == bitPatterns($1) })
        #expect(decoded[0].problemSeed == "deadbeef00000001")
        #expect(decoded[0].runSeed == "ffffffffffffffff")
        #expect(try RecordCoding.jsonLines(decoded) == text)
        #expect(text.contains("\"value\":\"nan\""))
        #expect(text.contains("\"parameters\":{\"a\":\"b\",\"x\":\"1\"}"))
    }

    @Test func aTornLastLineIsToleratedOnlyWhenAsked() throws {
        let text = try RecordCoding.jsonLines([Self.record()]) + "{\"schemaVersion\":1,\"id\":"
        #expect(try RecordCoding.records(fromJSONLines: text, toleratingTruncatedTail: true).count == 1)
        #expect(throws: ResultsError.self) { try RecordCoding.records(fromJSONLines: text) }
    }

    @Test func summaryQuotesFieldsPerRFC4180() {
        let csv = SummaryTable.csv([Self.record()])
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines[0].hasPrefix(
                "id,problem,problem_kind,optimizer,optimizer_kind,schedule,repetition,status,iterations@0.1,"))
        #expect(lines[1].hasSuffix(",\"line \"\"quoted\"\", comma\""))
        #expect(lines[1].contains(",diverged,3,3,1e-07,,,,"))
    }

    @Test func atomicWritesReplaceWholeFilesAndLeaveNoTemporaries() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gdbench-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("f.txt")
        try AtomicFile.write("first", to: url)
        try AtomicFile.write("second", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["f.txt"])
        #expect(throws: (any Error).self) {
            try AtomicFile.write("x", to: directory.appendingPathComponent("missing/f.txt"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["f.txt"])
    }
}
