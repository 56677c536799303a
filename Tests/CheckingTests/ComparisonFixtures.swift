import Checking
import Foundation
import Results

/// Small hand-built records for the comparison tests. Records are decoded from JSON written here
/// (the documented schema), then edited field by field, so every expected outcome in a test
/// follows from the edit it makes.
enum ComparisonFixtures {
    /// Trace checkpoints of the base record (log-spaced, plus the end at 100).
    static let traceIterations = [0, 1, 2, 4, 8, 16, 32, 40, 63, 100]

    /// A converged run: targets 1e-2, 1e-4, 1e-6, 1e-8 first hit at iterations 10, 20, 40, 100 (one
    /// gradient per iteration, one function evaluation per two), where it stops with gap 5e-9;
    /// median wall time 1 ms; a distinct fingerprint at every checkpoint.
    static func record(_ id: String = "quadratic[d=2]/gd[lr=0.1]/rep=0", suite: String = "smoke") throws -> RunRecord {
        func checkpoint(_ iteration: Int) -> String {
            """
            {"iteration":\(iteration),"gradientEvaluations":\(iteration),"functionEvaluations":\(iteration / 2),\
            "hessianVectorProducts":0,"hessianEvaluations":0,"seconds":\(Double(iteration) * 1e-5)}
            """
        }
        let trace = traceIterations.map { iteration in
            """
            {"iteration":\(iteration),"gradientEvaluations":\(iteration),"functionEvaluations":\(iteration / 2),\
            "value":\(1.0 / Double(iteration + 1)),"gap":\(1.0 / Double(iteration + 1)),"gradientNorm":1,\
            "fingerprint":"\(fingerprint(iteration))"}
            """
        }.joined(separator: ",")
        let json = """
            {"schemaVersion":1,"id":"\(id)","suite":"\(suite)",\
            "problem":{"id":"quadratic[d=2]","kind":"quadratic","parameters":{"d":"2"},\
            "gradientNoise":0,"dimension":2},\
            "optimizer":{"id":"gd[lr=0.1]","kind":"gd","parameters":{"lr":"0.1"}},\
            "repetition":0,"problemSeed":"0000000000000001","runSeed":"0000000000000002","status":"converged",\
            "targets":{"measure":"relative-gap","ladder":[\
            {"threshold":0.01,"hit":\(checkpoint(10))},{"threshold":0.0001,"hit":\(checkpoint(20))},\
            {"threshold":1e-06,"hit":\(checkpoint(40))},{"threshold":1e-08,"hit":\(checkpoint(100))}]},\
            "milestones":[],"initialValue":1,"optimalValue":0,\
            "final":{"progress":\(checkpoint(100)),"value":5e-09,"gap":5e-09,"relativeGap":5e-09,"gradientNorm":1e-04},\
            "wallTime":{"medianSeconds":0.001,"repeats":[0.001]},\
            "trace":[\(trace)],"finalFingerprint":"\(fingerprint(100))"}
            """
        return try RecordCoding.decoder().decode(RunRecord.self, from: Data(json.utf8))
    }

    static func fingerprint(_ iteration: Int, variant: Int = 0) -> String {
        RunRecord.hex(UInt64(iteration) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(variant))
    }

    /// The trajectory changes from `iteration` on: every checkpoint at or after it, and the final
    /// iterate, get another fingerprint.
    static func diverge(_ record: inout RunRecord, from iteration: Int) {
        for index in record.trace.indices where record.trace[index].iteration >= iteration {
            record.trace[index].fingerprint = fingerprint(record.trace[index].iteration, variant: 1)
        }
        record.finalFingerprint = fingerprint(record.final.progress.iteration, variant: 1)
    }

    /// A `manifest.json` as the harness writes it (only the keys `check` reads matter).
    static func manifest(
        operatingSystem: String = "Linux 6.8.0-45-generic x86_64 (Ubuntu 24.04.1 LTS)",
        swiftVersion: String = "Swift 6.3", suite: String = "smoke",
        buildConfiguration: String = "release", gitCommit: String = "1a2b3c4d5e6f7a8b9c0d"
    ) -> Data {
        Data(
            """
            {"schemaVersion":1,"gdbenchVersion":"0.1.0","gitCommit":"\(gitCommit)","swiftVersion":"\(swiftVersion)",\
            "operatingSystem":"\(operatingSystem)","cpu":"Some CPU","cpuCount":2,\
            "buildConfiguration":"\(buildConfiguration)",\
            "suite":"\(suite)","suiteFile":"suites/\(suite).yaml","suiteDigest":"ab","seed":"0000000000000001",\
            "commandLine":["gdbench","run","\(suite)"],\
            "startTime":"2026-11-23T15:00:00.000Z","endTime":"2026-11-23T15:01:00.000Z",\
            "selectedRuns":1,"plannedRuns":1}
            """.utf8)
    }

    static func provenance(
        operatingSystem: String = "Linux 6.8.0-45-generic x86_64 (Ubuntu 24.04.1 LTS)",
        swiftVersion: String = "Swift 6.3"
    ) throws -> RunProvenance {
        try RunProvenance(
            manifestData: manifest(operatingSystem: operatingSystem, swiftVersion: swiftVersion), file: "manifest.json")
    }

    /// Compares two record lists; a provenance left out is the same Linux x86_64 machine on both
    /// sides, `.some(nil)` is "no manifest".
    static func compare(
        _ baseline: [RunRecord], _ current: [RunRecord], policy: ComparisonPolicy = ComparisonPolicy(),
        allowed: AllowedDifferences? = nil, baselineProvenance: RunProvenance?? = nil,
        currentProvenance: RunProvenance?? = nil
    ) throws -> ComparisonReport {
        let sameMachine = try provenance()
        return try BaselineComparison.compare(
            baseline: BaselineComparison.Side(
                records: baseline, label: "results/baseline/smoke.jsonl",
                provenance: baselineProvenance ?? sameMachine),
            current: BaselineComparison.Side(
                records: current, label: "results/smoke/20261123T150000Z",
                provenance: currentProvenance ?? sameMachine),
            suite: "smoke", policy: policy, allowed: allowed)
    }

    /// A fresh empty directory under the temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "gdbench-check-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
