import Foundation
import Objectives
import TestSupport
import Testing

/// The memory caps end to end: `gdbench validate` on a suite file, with the machine's memory set by
/// `GDBENCH_MEMORY` so the outcome does not depend on the machine that runs the test.
@Suite struct MemoryLimitTests {
    static let suite = """
        name: memory
        seed: 1
        budget:
          max-iterations: 2
        problems:
          - kind: logistic
            n: 10000
            d: 10000
        optimizers:
          - kind: sgd
            lr: 0.1

        """

    func validate(_ text: String, memory: String) throws -> Subprocess.Result {
        let directory = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(text.utf8).write(to: directory.appendingPathComponent("memory.yaml"))
        return try Subprocess.run(
            ["validate", "memory.yaml"], directory: directory, environment: ["GDBENCH_MEMORY": memory])
    }

    @Test func aFiniteSumBeyondTheMemoryIsRefusedWithTheBytesItNeeds() throws {
        // n·d = 10⁸ is within the language's caps; building it takes 3 copies of the data and 4 d×d
        // matrices, 5.6 GB (InstanceLimits.finiteSumBytes), more than ¾ of 2 GB.
        let result = try validate(Self.suite, memory: "2GB")
        #expect(result.status == 2, "\(result.standardError)")
        let message = result.standardError
        #expect(message.contains("memory.yaml:7: problems[0].n"), "\(message)")
        #expect(message.contains("needs 5.6 GB to build") && message.contains("at most 1.5 GB"), "\(message)")
        #expect(message.contains("the 2.0 GB of GDBENCH_MEMORY"), "\(message)")
    }

    @Test func aRotatedQuadraticBeyondTheMemoryIsRefusedWithTheBytesItNeeds() throws {
        // d = 8192 with rotation random holds two d×d matrices in a run: 1.07 GB, more than half of 2 GB.
        let text = Self.suite.replacingOccurrences(
            of: "kind: logistic\n    n: 10000\n    d: 10000",
            with: "kind: quadratic\n    rotation: random\n    d: 8192")
        let result = try validate(text, memory: "2e9")
        #expect(result.status == 2, "\(result.standardError)")
        let message = result.standardError
        #expect(message.contains("memory.yaml:8: problems[0].d"), "\(message)")
        #expect(message.contains("needs about 1.07 GB of memory") && message.contains("at most 1 GB"), "\(message)")
    }

    @Test func theSameSuitesAreAcceptedWhereTheMemorySuffices() throws {
        // Sizes the test can afford to build, under the same 2 GB: accepted (exit 0).
        let small = Self.suite.replacingOccurrences(of: "n: 10000\n    d: 10000", with: "n: 2000\n    d: 50")
        let result = try validate(small, memory: "2GB")
        #expect(result.status == 0, "\(result.standardError)")
        let bad = try validate(small, memory: "lots")
        #expect(bad.status == 0 && bad.standardError.contains("GDBENCH_MEMORY: expected bytes"), "\(bad.standardError)")
    }

    @Test func memorySizesParseInDecimalUnits() {
        #expect(InstanceLimits.parseBytes("4e9") == 4e9)
        #expect(InstanceLimits.parseBytes("512MB") == 5.12e8)
        #expect(InstanceLimits.parseBytes("1.5 TB") == 1.5e12)
        #expect(InstanceLimits.parseBytes("2g") == 2e9)
        #expect(InstanceLimits.parseBytes("100") == 100)
        for bad in ["", "lots", "-1GB", "0", "1e400", "GB"] { #expect(InstanceLimits.parseBytes(bad) == nil, "\(bad)") }
    }
}
