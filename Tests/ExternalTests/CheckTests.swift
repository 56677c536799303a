import Foundation
import Testing

/// `gdbench check` works unchanged on external optimizers: a baseline of suites/external.yaml checks
/// clean against a second run, and changing one constant in a client (Adam's β₂ default in
/// examples/adam.py) makes it fail with exit 1, naming the runs and the iteration where the
/// trajectories part.
@Suite(.serialized) struct CheckTests {
    @Test(.enabled(if: ExternalSupport.hasPython, "python3 is not installed"))
    func changingOneConstantInAClientFailsCheck() throws {
        let scratch = ExternalSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: scratch.appendingPathComponent("suites"), withIntermediateDirectories: true)
        try fileManager.createDirectory(
            at: scratch.appendingPathComponent("clients"), withIntermediateDirectories: true)
        try fileManager.copyItem(
            at: ExternalSupport.pythonClients, to: scratch.appendingPathComponent("clients/python"))
        try fileManager.copyItem(
            at: ExternalSupport.packageRoot.appendingPathComponent("suites/external.yaml"),
            to: scratch.appendingPathComponent("suites/external.yaml"))
        let check = [
            "check", "--suite", "external", "--suites-dir", "suites", "--out", "out", "--baseline", "base.jsonl",
            "--jobs", "2",
        ]
        let baseline = try ExternalSupport.gdbench(check + ["--update-baseline"], in: scratch)
        #expect(baseline.status == 0, "\(baseline.output)")
        let clean = try ExternalSupport.gdbench(check, in: scratch)
        #expect(clean.status == 0, "a second run of the same clients must check clean: \(clean.output)")

        let client = scratch.appendingPathComponent("clients/python/examples/adam.py")
        let source = try String(contentsOf: client, encoding: .utf8)
        let changed = source.replacingOccurrences(
            of: "Parameter(\"beta2\", default=0.999,", with: "Parameter(\"beta2\", default=0.998,")
        #expect(changed != source)
        try changed.write(to: client, atomically: true, encoding: .utf8)
        let failing = try ExternalSupport.gdbench(check, in: scratch)
        #expect(failing.status == 1, "\(failing.output)")
        #expect(
            failing.output.contains("quadratic[d=10,kappa=10,rotation=random]/py-adam[lr=0.01]/rep=0"),
            "\(failing.output)")
        #expect(failing.output.contains("first differs between iteration"), "\(failing.output)")
        #expect(failing.output.contains("8 unchanged"), "the 8 runs of the unchanged GD client pass: \(failing.output)")
    }
}
