import Foundation
import Harness
import Testing

@testable import GdbenchCommandLine
@testable import SuiteLanguage

/// `gdbench help suite` documents every key the loader accepts, each with an example that validates, and
/// docs/suite-format.md is the same text.
@Suite struct SuiteFormatHelpTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theDocsFileIsTheHelpText() throws {
        let docs = try String(
            contentsOf: Self.repository.appendingPathComponent("docs/suite-format.md"), encoding: .utf8)
        #expect(docs == SuiteFormatHelp.markdown, "docs/suite-format.md differs: write it with `gdbench help suite`")
    }

    @Test func everyKeyHasASection() {
        let text = SuiteFormatHelp.markdown
        for key in SuiteLoader.topKeys { #expect(text.contains("### `\(key)`"), "top-level key \(key)") }
        for key in SuiteLoader.budgetKeys + SuiteLoader.targetKeys {
            #expect(text.contains("- `\(key)`"), "key \(key)")
        }
        for key in ["batch-size", "gradient-noise", "schedule", "only-on"] {
            #expect(text.contains("### `\(key)`"), "key \(key)")
        }
    }

    /// The ```yaml blocks, each completed with the required keys it leaves out.
    static var examples: [String] {
        let blocks = SuiteFormatHelp.markdown.components(separatedBy: "```yaml\n").dropFirst()
        return blocks.map { String($0.components(separatedBy: "```")[0]) }
    }

    @Test func everyExampleValidates() throws {
        let examples = Self.examples
        #expect(examples.count >= 20)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gdbench-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "problems:\n  - kind: booth\n".write(
            to: directory.appendingPathComponent("common.yaml"), atomically: true, encoding: .utf8)
        // The data file of the `file` example.
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        try "length,width,species\n1.4,0.2,1\n4.7,1.4,2\n6.0,2.5,3\n1.3,0.3,1\n"
            .write(to: directory.appendingPathComponent("data/measurements.csv"), atomically: true, encoding: .utf8)
        let base = [
            "name": "name: example\n", "seed": "seed: 1\n",
            "problems": "problems:\n  - kind: quadratic\n    d: 4\n", "optimizers": "optimizers:\n  - kind: sgd\n",
        ]
        for (index, example) in examples.enumerated() {
            var text = example
            for (key, lines) in base.sorted(by: { $0.key < $1.key }) where !example.contains("\(key):") {
                text += lines
            }
            let path = directory.appendingPathComponent("example-\(index).yaml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                let suite = try SuiteLoader(catalog: .builtIn).load(path: path)
                try SuiteRunner.validate(try RunPlan(suite: suite))
            } catch {
                Issue.record("example \(index) does not validate: \(error)\n\(text)")
            }
        }
    }
}
