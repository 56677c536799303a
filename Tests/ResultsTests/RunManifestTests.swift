import Foundation
import Results
import Testing

/// `vectorKernels` was added to the manifest later: manifests without it still read, and it is
/// written when known.
@Suite struct RunManifestTests {
    func manifest(vectorKernels: String?) -> RunManifest {
        RunManifest(
            gdbenchVersion: "0.1.0", gitCommit: "abc", swiftVersion: "Swift 6.3", operatingSystem: "Linux", cpu: "cpu",
            cpuCount: 2, buildConfiguration: "release", suite: "s", suiteFile: "s.yaml", suiteDigest: "d",
            seed: "0000000000000001",
            commandLine: [], startTime: "2026-11-23T00:00:00Z", endTime: nil, filter: nil, shard: nil, selectedRuns: 1,
            plannedRuns: 1, vectorKernels: vectorKernels)
    }

    @Test func theKernelPathRoundTripsAndMayBeAbsent() throws {
        let written = try RecordCoding.encoder().encode(manifest(vectorKernels: "avx"))
        #expect(String(decoding: written, as: UTF8.self).contains(#""vectorKernels":"avx""#))
        #expect(try RecordCoding.decoder().decode(RunManifest.self, from: written).vectorKernels == "avx")
        let older = try RecordCoding.encoder().encode(manifest(vectorKernels: nil))
        #expect(!String(decoding: older, as: UTF8.self).contains("vectorKernels"))
        #expect(try RecordCoding.decoder().decode(RunManifest.self, from: older) == manifest(vectorKernels: nil))
    }
}
