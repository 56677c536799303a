import Foundation
import Harness
import Results
import TestSupport
import Testing

/// Hostile sizes and depths (issue "hostile input, round two"): each one validated and then crashed
/// (stack overflow, trap, allocation abort) or exhausted memory before; each must now be refused by
/// `validate` with one line naming the file, line and key and the bound.
@Suite struct BoundsTests {
    static func suite(
        optimizer: String = "kind: sgd\n    lr: 0.1", problem: String = "kind: quadratic\n    d: 4",
        top: String = "", budget: String = ""
    ) -> String {
        """
        name: hostile
        seed: 1
        \(top)
        budget:
          max-iterations: 5
          \(budget)
        problems:
          - \(problem)
        optimizers:
          - \(optimizer)

        """
    }

    /// The message of the refusal of `text` (nil: it validates).
    static func refusal(_ text: String) -> String? {
        do {
            let suite = try SuiteLoader(catalog: .builtIn).load(text: text, file: "hostile.yaml")
            try SuiteRunner.validate(try RunPlan(suite: suite))
            return nil
        } catch {
            return "\(error)"
        }
    }

    static func expectRefused(
        _ text: String, _ phrases: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let message = refusal(text) else {
            Issue.record("validated", sourceLocation: sourceLocation)
            return
        }
        #expect(message.hasPrefix("hostile.yaml"), "\(message)", sourceLocation: sourceLocation)
        #expect(
            !message.contains("\n") && message.count < 600, "\(message.prefix(300))", sourceLocation: sourceLocation)
        for phrase in phrases {
            #expect(message.contains(phrase), "\(message) lacks \(phrase)", sourceLocation: sourceLocation)
        }
    }

    @Test func deepAndLongExpressionsAreRefused() {
        let deep = String(repeating: "(", count: 30_000) + "1" + String(repeating: ")", count: 30_000)
        Self.expectRefused(
            Self.suite(optimizer: "kind: sgd\n    lr: \"\(deep)\""), "optimizers[0].lr", "too long: 60001 characters",
            "at most 1000")
        let sum = Array(repeating: "0.001", count: 100_000).joined(separator: "+")
        Self.expectRefused(Self.suite(optimizer: "kind: sgd\n    lr: \"\(sum)\""), "too long")
        let signs = String(repeating: "-", count: 100_000) + "1"
        Self.expectRefused(Self.suite(optimizer: "kind: sgd\n    lr: \"\(signs)\""), "too long")
        // Within the length, the depth bound: 101 parentheses (203 characters) are refused, 100 are not.
        let nested = { (depth: Int) in
            String(repeating: "(", count: depth) + "0.1" + String(repeating: ")", count: depth)
        }
        Self.expectRefused(
            Self.suite(optimizer: "kind: sgd\n    lr: \"\(nested(101))\""), "nested too deeply", "100 levels")
        #expect(Self.refusal(Self.suite(optimizer: "kind: sgd\n    lr: \"\(nested(99))\"")) == nil)
        Self.expectRefused(
            Self.suite(optimizer: "kind: sgd\n    lr: \"\(String(repeating: "-", count: 150))1\""), "nested too deeply")
        let chain = Array(repeating: "0.001", count: 150).joined(separator: "+")
        Self.expectRefused(Self.suite(optimizer: "kind: sgd\n    lr: \"\(chain)\""), "nested too deeply")
    }

    @Test func expressionBoundsHoldInTheParserItself() throws {
        #expect(throws: ExpressionError.self) {
            try Expression.parse(String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500))
        }
        #expect(throws: ExpressionError.self) {
            try Expression.parse(String(repeating: "1", count: Expression.maximumLength + 1))
        }
        let atBound = String(repeating: "-", count: Expression.maximumDepth) + "2"
        #expect(try Expression.parse(atBound).evaluate([:]) == 2) // an even number of minus signs
    }

    @Test func budgetsHaveFiniteRanges() {
        Self.expectRefused(Self.suite(budget: "timeout: 1e300"), "budget.timeout", "≤ 1000000")
        Self.expectRefused(Self.suite(budget: "max-epochs: 1e19"), "budget.max-epochs", "≤ 1000000000")
        Self.expectRefused(Self.suite(budget: "max-gradient-evaluations: 1e13"), "≤ 1000000000000")
        Self.expectRefused(Self.suite(top: "timing-repeats: 1e10"), "timing-repeats", "≤ 1000")
        Self.expectRefused(Self.suite(top: "repetitions: 1e7"), "repetitions", "≤ 1000000")
        #expect(Self.refusal(Self.suite(top: "timing-repeats: 1000", budget: "timeout: 1e6")) == nil)
    }

    @Test func sizesAreBoundedByTheMemoryOfTheMachine() {
        Self.expectRefused(
            Self.suite(optimizer: "kind: lbfgs\n    history: 1e10"), "optimizers[0].history", "needs about",
            "of memory", "at most \(RunMemory.format(RunMemory.limit))")
        Self.expectRefused(
            Self.suite(optimizer: "kind: barzilai-borwein\n    memory: 1e10"), "optimizers[0].memory",
            "needs about 80 GB")
        Self.expectRefused(
            Self.suite(problem: "kind: quadratic\n    d: 1e9"), "problems[0].d", "quadratic with d = 1000000000",
            "needs about 128 GB")
        Self.expectRefused(Self.suite(problem: "kind: rosenbrock\n    d: 1e9"), "problems[0].d", "needs about")
        Self.expectRefused(
            Self.suite(optimizer: "kind: bfgs", problem: "kind: quadratic\n    d: 1e6"), "bfgs on d = 1000000")
        Self.expectRefused(Self.suite(problem: "kind: quadratic\n    d: 1e13"), "problems[0].d", "≤ 1000000000000")
    }

    @Test func budgetsBuiltInCodeBeyondTheRangesRunWithoutTrapping() throws {
        let text = Self.suite(problem: "kind: logistic\n    n: 40\n    d: 3\n    batch-size: 4")
        var suite = try SuiteLoader(catalog: .builtIn).load(text: text, file: "hostile.yaml")
        suite.budget = Budget(maxIterations: 3, timeoutSeconds: 1e300, maxEpochs: 1e19)
        let records = try SuiteRunner.records(try RunPlan(suite: suite))
        #expect(records.count == 1)
        #expect(records.first?.status == .budget)
    }

    @Test func suiteNamesAreIdentifiers() {
        for name in [
            "../../etc", "..", ".", "/tmp/x", "a/b", "\"a\\nb\"", "\"tab\\there\"", "\"\"",
            String(repeating: "x", count: 101),
        ] {
            #expect(
                Self.refusal(Self.suite().replacingOccurrences(of: "name: hostile", with: "name: \(name)")) != nil,
                "\(name)")
        }
        #expect(Self.refusal(Self.suite().replacingOccurrences(of: "name: hostile", with: "name: smoke-2.v1_x")) == nil)
        #expect(throws: ResultsError.self) {
            try RunDirectory.create(root: FileManager.default.temporaryDirectory, suite: "../escape", date: Date())
        }
    }

    @Test func theYAMLReaderSpeaksTheUsersLanguage() {
        let nested =
            Self.suite() + "description: " + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
        Self.expectRefused(nested, "nested more than 1000 levels")
        #expect(!(Self.refusal(nested) ?? "").contains("yaml_set_max_nest_level"))
    }

    @Test func filesAreBoundedBeforeTheyAreParsed() throws {
        let huge = Self.suite(
            optimizer: "kind: sgd\n    lr: [" + Array(repeating: "0.1", count: 300_000).joined(separator: ",") + "]")
        Self.expectRefused(huge, "too large", "at most 1048576 bytes")
        let directory = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("device.yaml")
        try Data(Self.suite(top: "include: /dev/zero").utf8).write(to: file)
        do {
            _ = try SuiteLoader(catalog: .builtIn).load(path: file.path)
            Issue.record("/dev/zero was read as a suite")
        } catch {
            #expect("\(error)".contains("/dev/zero: not a regular file"))
        }
        let many = directory.appendingPathComponent("many.yaml")
        try Data(
            Self.suite(top: "include: [" + Array(repeating: "\"part.yaml\"", count: 100).joined(separator: ", ") + "]")
                .utf8
        ).write(to: many)
        try Data("description: a part\n".utf8).write(to: directory.appendingPathComponent("part.yaml"))
        do {
            _ = try SuiteLoader(catalog: .builtIn).load(path: many.path)
            Issue.record("100 includes were read")
        } catch {
            #expect("\(error)".contains("more than 64 files"))
        }
    }

    /// 300 kB that read as 3.6·10⁹ values: a list of aliases of a long anchored list.
    @Test func anAliasBombIsRefusedBeforeItIsRead() {
        let long = Array(repeating: "1", count: 60_000).joined(separator: ",")
        let aliases = Array(repeating: "*m", count: 60_000).joined(separator: ",")
        let schedule =
            "kind: sgd\n    lr: 0.1\n    schedule:\n      kind: multi-step\n      milestones: [&m [\(long)], "
            + "\(aliases)]"
        Self.expectRefused(Self.suite(optimizer: schedule), "expands to more than 1000000 values", "YAML aliases")
        let small = "kind: sgd\n    lr: &rates [0.1, 0.2]\n  - kind: adam\n    lr: *rates"
        #expect(Self.refusal(Self.suite(optimizer: small)) == nil)
    }

    @Test func duplicateIdsNameTheAlternativesThatClash() {
        Self.expectRefused(
            Self.suite(optimizer: "kind: sgd\n    lr: [0.1, 0.2, 1e-1]"),
            "optimizers[0].lr[0] and optimizers[0].lr[2] give the same id sgd[lr=0.1]")
        let two = Self.suite() + "  - kind: sgd\n    lr: 0.1\n"
        Self.expectRefused(two, "optimizers[0] and optimizers[1] give the same id")
    }
}
