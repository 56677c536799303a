import Foundation
import Harness
import TestSupport
import Testing

/// The corpus `Fixtures/malformed/*.yaml`: every file is refused before anything runs, with one
/// message naming the file, the line where one exists, the key path and what is wrong. The
/// expectations below are what a user should read, written by hand with the files.
@Suite struct MalformedSuiteTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        /// The file named in the message, when it is not `file` (an error inside an included file).
        var reported: String? = nil
        var line: Int?
        var keyPath: String
        var phrase: String
        var description: String { file }
    }

    static let directory = FixtureFiles.directory().appendingPathComponent("malformed")

    static let expectations: [Expectation] = [
        .init(
            file: "01-unclosed-bracket.yaml", line: 6, keyPath: "",
            phrase: "not valid YAML: did not find expected ',' or ']'"),
        .init(
            file: "02-tab-indentation.yaml", line: 4, keyPath: "",
            phrase: "not valid YAML: found character that cannot start any token"),
        .init(file: "03-duplicate-key.yaml", line: 3, keyPath: "seed", phrase: "the key appears twice"),
        .init(
            file: "04-repetitions-not-a-number.yaml", line: 3, keyPath: "repetitions",
            phrase: "expected a whole number ≥ 1, found 'three'"),
        .init(file: "05-seed-is-a-list.yaml", line: 2, keyPath: "seed", phrase: "found a list"),
        .init(
            file: "06-hyperparameter-is-a-mapping.yaml", line: 8, keyPath: "optimizers[0].lr", phrase: "found a mapping"
        ),
        .init(
            file: "07-flag-not-boolean.yaml", line: 7, keyPath: "optimizers[0].nesterov",
            phrase: "expected true or false, found 'maybe'"),
        .init(
            file: "08-unknown-problem-kind.yaml", line: 4, keyPath: "problems[0].kind",
            phrase: "did you mean 'quadratic'?"),
        .init(
            file: "09-unknown-optimizer-kind.yaml", line: 6, keyPath: "optimizers[0].kind",
            phrase: "unknown optimizer kind 'adamw2' (did you mean 'adamw'?)"),
        .init(
            file: "10-unknown-schedule-kind.yaml", line: 8, keyPath: "optimizers[0].schedule.kind",
            phrase: "did you mean 'cosine'?"),
        .init(
            file: "11-unknown-top-level-key.yaml", line: 3, keyPath: "repetitons", phrase: "did you mean 'repetitions'?"
        ),
        .init(
            file: "12-unknown-budget-key.yaml", line: 4, keyPath: "budget.max-iteration",
            phrase: "did you mean 'max-iterations'?"),
        .init(
            file: "13-unknown-problem-parameter.yaml", line: 5, keyPath: "problems[0].kapa",
            phrase: "did you mean 'kappa'?"),
        .init(
            file: "14-unknown-hyperparameter.yaml", line: 7, keyPath: "optimizers[0].learning-rate",
            phrase: "unknown hyperparameter of sgd; known: lr,"),
        .init(
            file: "15-negative-learning-rate.yaml", line: 7, keyPath: "optimizers[0].lr",
            phrase: "expected a number > 0, found -0.1"),
        .init(
            file: "16-nan-learning-rate.yaml", line: 7, keyPath: "optimizers[0].lr",
            phrase: "expected a finite number, found NaN"),
        .init(
            file: "17-infinite-learning-rate.yaml", line: 7, keyPath: "optimizers[0].lr",
            phrase: "expected a finite number, found ∞"),
        .init(
            file: "18-nan-in-a-list.yaml", line: 9, keyPath: "optimizers[0].schedule.milestones[1]",
            phrase: "expected a finite number, found NaN"),
        .init(
            file: "19-negative-timeout.yaml", line: 4, keyPath: "budget.timeout",
            phrase: "expected a number > 0, found -5"),
        .init(file: "20-empty-problem-list.yaml", line: 3, keyPath: "problems", phrase: "empty list"),
        .init(file: "21-empty-alternatives.yaml", line: 7, keyPath: "optimizers[0].lr", phrase: "empty list"),
        .init(file: "22-empty-thresholds.yaml", line: 4, keyPath: "targets.thresholds", phrase: "empty list"),
        .init(
            file: "23-grid-over-a-million.yaml", line: 4, keyPath: "problems[0]",
            phrase: "the grid has up to 1100000 runs"),
        .init(
            file: "24-division-by-zero.yaml", line: 7, keyPath: "optimizers[0].lr",
            phrase: "expected a number > 0, found inf (1/(L-L) = inf on quadratic)"),
        .init(
            file: "25-unknown-constant.yaml", line: 7, keyPath: "optimizers[0].lr",
            phrase: "unknown name 'Lipschitz'; known: L, mu, kappa"),
        .init(
            file: "26-zero-dimension.yaml", line: 5, keyPath: "problems[0].d",
            phrase: "expected a whole number ≥ 1, found 0"),
        .init(
            file: "27-negative-dimension.yaml", line: 5, keyPath: "problems[0].d",
            phrase: "expected a whole number ≥ 1, found -3"),
        .init(file: "28-missing-include.yaml", line: 3, keyPath: "include", phrase: "no such file: "),
        .init(file: "29-a-directory.yaml", line: nil, keyPath: "", phrase: "is a directory, not a suite file"),
        .init(
            file: "30-binary-garbage.yaml", line: 1, keyPath: "", phrase: "binary data (a NUL byte at byte offset 7)"),
        .init(file: "31-byte-order-mark.yaml", line: 1, keyPath: "", phrase: "UTF-8 byte-order mark"),
        .init(
            file: "32-include-cycle-a.yaml", reported: "32-include-cycle-b.yaml", line: 1, keyPath: "include",
            phrase: "includes itself (\(directory.path)/32-include-cycle-a.yaml → "
                + "\(directory.path)/32-include-cycle-b.yaml → \(directory.path)/32-include-cycle-a.yaml)"),
        .init(
            file: "33-kappa-below-one.yaml", line: 5, keyPath: "problems[0].kappa",
            phrase: "expected a number ≥ 1, found 0.5"),
        .init(file: "34-missing-kind.yaml", line: 6, keyPath: "optimizers[0]", phrase: "missing 'kind'"),
        .init(file: "35-zero-repetitions.yaml", line: 3, keyPath: "repetitions", phrase: "expected a whole number ≥ 1"),
        .init(file: "36-not-a-mapping.yaml", line: 1, keyPath: "", phrase: "a suite is a mapping of keys"),
        .init(file: "37-empty-file.yaml", line: nil, keyPath: "", phrase: "the file is empty"),
        .init(
            file: "38-overflowing-literal.yaml", line: 7, keyPath: "optimizers[0].lr",
            phrase: "expected a number > 0, found inf"),
        .init(
            file: "39-log-of-zero.yaml", line: 7, keyPath: "optimizers[0].lr",
            phrase: "expected a number > 0, found -inf"),
        .init(
            file: "40-overflowing-product.yaml", line: 6, keyPath: "problems[0].kappa",
            phrase: "kappa·mu to be a finite number"),
        .init(
            file: "41-negative-seed.yaml", line: 2, keyPath: "seed",
            phrase: "expected a whole number 0 … 2⁶⁴−1 (decimal or 0x hex), found '-1'"),
        .init(file: "42-does-not-exist.yaml", line: nil, keyPath: "", phrase: "no such file"),
        .init(file: "43-not-utf8.yaml", line: 3, keyPath: "", phrase: "not UTF-8 text (byte 0xC3 at byte offset 16)"),
        .init(
            file: "44-timeout-overflow.yaml", line: 5, keyPath: "budget.timeout",
            phrase: "expected a number ≤ 1000000, found 1e+300"),
        .init(
            file: "45-lbfgs-history.yaml", line: 10, keyPath: "optimizers[0].history",
            phrase: "lbfgs with history = 1000000000000 on d = 4 needs about 80 TB of memory; a run may use at most"),
        .init(
            file: "46-dimension-beyond-memory.yaml", line: 7, keyPath: "problems[0].d",
            phrase: "rosenbrock with d = 100000000000 needs about 12.8 TB of memory"),
        .init(
            file: "47-name-escapes-out.yaml", line: 1, keyPath: "name",
            phrase: "'../../etc' is not a suite name: only letters"),
        .init(
            file: "48-expression-too-deep.yaml", line: 10, keyPath: "optimizers[0].lr",
            phrase: "(243 characters)': nested too deeply: more than 100 levels"),
        .init(
            file: "49-timing-repeats-overflow.yaml", line: 3, keyPath: "timing-repeats",
            phrase: "expected a whole number ≤ 1000, found '1e10'"),
    ]

    /// Loads, expands and validates as `gdbench validate` does.
    static func refusal(_ path: String) -> (any Error)? {
        do {
            let suite = try SuiteLoader(catalog: .builtIn).load(path: path)
            try SuiteRunner.validate(try RunPlan(suite: suite))
            return nil
        } catch {
            return error
        }
    }

    @Test func theCorpusHasAnExpectationForEveryFile() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter {
            $0.hasSuffix(".yaml")
        }
        let expected = Set(Self.expectations.map(\.file)).union(Self.expectations.compactMap(\.reported))
        #expect(Set(names).subtracting(expected).isEmpty)
        #expect(Self.expectations.count >= 30)
    }

    @Test(arguments: expectations)
    func eachMalformedSuiteIsRefusedWithItsMessage(_ expectation: Expectation) throws {
        let path = Self.directory.appendingPathComponent(expectation.file).path
        let error = try #require(
            Self.refusal(path) as? SuiteError, "\(expectation.file) was accepted or failed with another error")
        #expect(error.file == Self.directory.appendingPathComponent(expectation.reported ?? expectation.file).path)
        #expect(error.line == expectation.line)
        #expect(error.keyPath == expectation.keyPath)
        #expect(error.message.contains(expectation.phrase), "\(error.message)")
        #expect(!error.description.contains("\n"))
    }

    @Test func theGridLimitIsLiftedByForce() throws {
        let path = Self.directory.appendingPathComponent("23-grid-over-a-million.yaml").path
        let suite = try SuiteLoader(catalog: .builtIn, maximumRuns: nil).load(path: path)
        let size = GridSize(problems: suite.problems, optimizers: suite.optimizers, repetitions: suite.repetitions)
        // 11 dimensions × 10 condition numbers × 10 start scales, times 10 × 10 × 10 optimizer settings.
        #expect(size.runs == 11 * 10 * 10 * 1000)
    }

    /// The real executable: exit code 2 and a single line `gdbench: FILE[:LINE]: …` on stderr.
    @Test func theExecutableExitsWithCodeTwoAndOneLine() throws {
        try #require(Subprocess.executable != nil, "gdbench was not built next to the tests")
        let scratch = Subprocess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for expectation in Self.expectations {
            let path = Self.directory.appendingPathComponent(expectation.file).path
            let result = try Subprocess.run(["validate", path], directory: scratch, seconds: 60)
            #expect(result.status == 2, "\(expectation.file): exit \(result.status)")
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.count == 1, "\(expectation.file): \(result.standardError)")
            let reported = Self.directory.appendingPathComponent(expectation.reported ?? expectation.file).path
            #expect(lines.first?.hasPrefix("gdbench: \(reported)") == true, "\(result.standardError)")
            #expect(lines.first?.contains(expectation.phrase) == true, "\(result.standardError)")
        }
    }
}
