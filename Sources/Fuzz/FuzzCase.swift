import Foundation
import Harness
import Objectives
import Results

/// One fuzz input through the loader, the expression parser, the plan and `validate` (and, when
/// asked, a tiny run), judged by what a user would read.
enum FuzzCase {
    enum Verdict {
        /// Refused with a proper message.
        case refused
        /// Validated (and ran, with `runValid`).
        case valid
        /// A wrong answer: what is wrong.
        case finding(String)
    }

    static let file = "fuzz.yaml"

    static func check(_ text: String, runValid: Bool) -> Verdict {
        // Every scalar of the text is also tried as an expression on its own.
        for line in text.split(separator: "\n").prefix(64) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if let expression = try? Expression.parse(value) {
                _ = try? expression.evaluate(["L": 2, "mu": 1, "kappa": 2, "d": 3, "n": 4, "b": 2])
            }
        }
        let plan: RunPlan
        do {
            let suite = try SuiteLoader(catalog: .builtIn).load(text: text, file: file)
            plan = try RunPlan(suite: suite)
            try SuiteRunner.validate(plan)
        } catch let error as SuiteError {
            return judge("\(error)")
        } catch let errors as SuiteErrors {
            // Every error of the file, each judged as one message.
            for error in errors.errors {
                if case .finding(let finding) = judge("\(error)") { return .finding(finding) }
            }
            return .refused
        } catch {
            return .finding("an error that is not a SuiteError: \(type(of: error)): \(error)")
        }
        guard runValid else { return .valid }
        return run(plan)
    }

    /// A message must be one non-empty line that names the file.
    static func judge(_ message: String) -> Verdict {
        if message.contains("\n") { return .finding("a message of several lines: \(message.debugDescription)") }
        if !message.hasPrefix(file) { return .finding("a message that does not name the file: \(message)") }
        if message.count < file.count + 8 { return .finding("an empty message: \(message)") }
        return .refused
    }

    /// Runs about four runs of a valid plan (every n-th) with a tiny budget; each must give a record.
    static func run(_ plan: RunPlan) -> Verdict {
        var suite = plan.suite
        suite.budget = Budget(maxIterations: 5, maxGradientEvaluations: 50, timeoutSeconds: 1, maxEpochs: 1)
        suite.repetitions = 1
        suite.timingRepeats = 1
        do {
            let small = try RunPlan(suite: suite)
            let shard = try Shard(index: 1, count: max(1, small.specs.count / 4))
            let expected = SuiteRunner.select(small, filter: nil, shard: shard).count
            let records = try SuiteRunner.records(
                small, options: SuiteRunOptions(jobs: 1, shard: shard, validate: false))
            if records.count != expected { return .finding("\(records.count) records for \(expected) selected runs") }
            return .valid
        } catch {
            return .finding("a valid suite failed to run: \(error)")
        }
    }
}
