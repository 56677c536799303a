import Foundation
import Harness
import Objectives
import Results

/// `gdbench-fuzz`: a seeded mutation fuzzer over the suite loader, the expression parser and
/// `validate` (``SuiteMutator``), run by `scripts/fuzz`.
///
///     gdbench-fuzz [--seconds S] [--iterations N] [--seed X] [--corpus DIR]... [--artifacts DIR] [--run-valid]
///
/// Each input is loaded from text, expanded, validated; with `--run-valid` a suite that validates is
/// also run with a tiny budget (5 iterations, 1 s timeout, one repetition, the first 4 runs). A
/// wrong answer — an error message that is empty, spans lines or lacks the file name, or a run that
/// does not produce one record per run — exits 1 with the input saved. A crash cannot be caught:
/// the input being tried is always in `ARTIFACTS/current.yaml` first, so the script that sees the
/// signal reports it. Exit 0: no finding in the time or iterations given.
@main
struct FuzzMain {
    static func main() {
        var seconds = 10.0, iterations = Int.max, seed: UInt64 = 1, runValid = false
        var corpusDirectories: [String] = [], artifacts = "fuzz-artifacts"
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = arguments.next() {
            switch argument {
            case "--seconds": seconds = Double(arguments.next() ?? "") ?? seconds
            case "--iterations": iterations = Int(arguments.next() ?? "") ?? iterations
            case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
            case "--corpus": corpusDirectories.append(arguments.next() ?? ".")
            case "--artifacts": artifacts = arguments.next() ?? artifacts
            case "--run-valid": runValid = true
            default:
                FileHandle.standardError.write(Data("gdbench-fuzz: unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
        let corpus = corpusDirectories.flatMap(readCorpus)
        guard !corpus.isEmpty else {
            FileHandle.standardError.write(Data("gdbench-fuzz: no corpus (give --corpus DIR with .yaml files)\n".utf8))
            exit(2)
        }
        try? FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        let current = URL(fileURLWithPath: artifacts).appendingPathComponent("current.yaml")
        var mutator = SuiteMutator(seed: seed, corpus: corpus, catalog: .builtIn)
        let start = Date()
        var tried = 0, valid = 0
        while tried < iterations && Date().timeIntervalSince(start) < seconds {
            let text = mutator.next()
            try? Data(text.utf8).write(to: current)
            tried += 1
            switch FuzzCase.check(text, runValid: runValid) {
            case .refused: break
            case .valid: valid += 1
            case .finding(let problem):
                let saved = URL(fileURLWithPath: artifacts).appendingPathComponent("finding-\(seed)-\(tried).yaml")
                try? FileManager.default.moveItem(at: current, to: saved)
                print("gdbench-fuzz: finding after \(tried) inputs: \(problem)\ninput saved to \(saved.path)")
                exit(1)
            }
        }
        try? FileManager.default.removeItem(at: current)
        print(
            "gdbench-fuzz: \(tried) inputs in \(String(format: "%.1f", Date().timeIntervalSince(start))) s, "
                + "\(valid) valid\(runValid ? " and run" : ""), seed \(seed): no finding")
    }

    /// The `.yaml` files of a directory (its own corpus and `suites/`), in name order.
    static func readCorpus(_ directory: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
            $0.hasSuffix(".yaml")
        }.sorted()
        return names.compactMap {
            try? String(contentsOfFile: (directory as NSString).appendingPathComponent($0), encoding: .utf8)
        }
    }
}
