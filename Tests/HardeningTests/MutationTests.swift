import Foundation
import Randomness
import TestSupport
import Testing

@testable import Harness
@testable import SuiteLanguage

/// A seeded mutation test of the suite loader: thousands of mutants of the shipped suites and of
/// the malformed corpus (bytes deleted, inserted, duplicated, lines swapped, YAML tokens and
/// extreme numbers spliced in) are loaded and expanded. None may crash the process or hang; each
/// is either a suite or a one-line ``SuiteError``. The mutants depend only on the seed; the test
/// stops after a fixed count or a time bound, whichever comes first.
@Suite struct MutationTests {
    static let seed: UInt64 = 0x6764_6265_6e63_6821
    static let maximumMutants = 20_000
    static let timeBoundSeconds = 4.0

    static let tokens = [
        "[", "]", "{", "}", ":", ": ", "- ", "\n", "  ", "\t", "#", "&a ", "*a", "!!binary ", "? ", "|", ">", "'", "\"",
        ".nan", "-.inf", "1e999", "-1", "0", "0x", "1/0", "L/mu", "sqrt(-1)", "log(0)", "99999999999999999999",
        "kind: ", "include: ", "problems", "optimizers", "schedule", "lr", "d", "kappa", "repetitions", "\u{FEFF}",
        "\u{0}", "é",
    ]

    static func bases() throws -> [String] {
        let suites = Subprocess.packageRoot.appendingPathComponent("suites")
        let malformed = FixtureFiles.directory().appendingPathComponent("malformed")
        var texts: [String] = []
        for directory in [suites, malformed] {
            // external.yaml is left out: loading it starts client processes (their handshake), whose time
            // under load is not the parser's (Tests/ExternalTests covers its errors).
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".yaml") && $0 != "external.yaml" }.sorted()
            for name in names {
                if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) {
                    texts.append(String(decoding: data, as: UTF8.self))
                }
            }
        }
        return texts
    }

    static func mutate(_ text: String, _ generator: inout Xoshiro256StarStar) -> String {
        var bytes = Array(text.utf8)
        let rounds = 1 + generator.nextInt(below: 4)
        for _ in 0..<rounds {
            let position = bytes.isEmpty ? 0 : generator.nextInt(below: bytes.count + 1)
            switch generator.nextInt(below: 6) {
            case 0 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + generator.nextInt(below: 12))
                bytes.removeSubrange(min(position, bytes.count)..<end)
            case 1:
                let token = tokens[generator.nextInt(below: tokens.count)]
                bytes.insert(contentsOf: Array(token.utf8), at: position)
            case 2:
                bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
            case 3 where !bytes.isEmpty:
                let start = min(position, bytes.count - 1)
                let end = min(bytes.count, start + 1 + generator.nextInt(below: 40))
                bytes.insert(contentsOf: bytes[start..<end], at: end)
            case 4:
                var lines = String(decoding: bytes, as: UTF8.self).split(
                    separator: "\n", omittingEmptySubsequences: false)
                if lines.count > 1 {
                    let i = generator.nextInt(below: lines.count), j = generator.nextInt(below: lines.count)
                    lines.swapAt(i, j)
                }
                bytes = Array(lines.joined(separator: "\n").utf8)
            default:
                // Replace a digit by a run of digits: numbers grow, lists of values stay lists.
                if let index = bytes.indices.dropFirst(min(position, bytes.count)).first(where: {
                    (48...57).contains(bytes[$0])
                }) {
                    bytes.replaceSubrange(index...index, with: Array(String(generator.next() % 100_000_000).utf8))
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func mutatedSuitesNeverCrashOrHang() throws {
        let bases = try Self.bases()
        try #require(bases.count >= 40)
        var generator = Xoshiro256StarStar(seed: Self.seed)
        // A lower grid limit than the default 10⁶: mutated digits easily make grids of 10⁵ runs, which
        // are legal but take seconds to expand in a debug build; the limit itself is what is tested.
        let loader = SuiteLoader(catalog: .builtIn, maximumRuns: 10_000)
        let started = Date()
        var slowest = 0.0
        var slowestText = ""
        var accepted = 0, refused = 0
        for index in 0..<Self.maximumMutants {
            if Date().timeIntervalSince(started) > Self.timeBoundSeconds { break }
            let text = Self.mutate(bases[generator.nextInt(below: bases.count)], &generator)
            let before = Date()
            do {
                let suite = try loader.load(text: text, file: "mutant-\(index).yaml")
                _ = try RunPlan(suite: suite)
                accepted += 1
            } catch let error as SuiteError {
                refused += 1
                #expect(!error.description.contains("\n"), "mutant \(index): \(error)")
                #expect(error.file == "mutant-\(index).yaml" || error.file.hasSuffix(".yaml"))
            } catch let errors as SuiteErrors {
                refused += 1
                #expect(errors.errors.count > 1)
                for error in errors.errors {
                    #expect(!error.description.contains("\n"), "mutant \(index): \(error)")
                    #expect(error.file == "mutant-\(index).yaml" || error.file.hasSuffix(".yaml"))
                }
            } catch {
                Issue.record("mutant \(index) failed with a \(type(of: error)), not a SuiteError: \(error)")
            }
            let seconds = Date().timeIntervalSince(before)
            if seconds > slowest {
                slowest = seconds
                slowestText = text
            }
        }
        print(
            "mutation test: \(accepted + refused) mutants, \(accepted) accepted, \(refused) refused, slowest "
                + "\(slowest) s")
        #expect(refused > 100)
        #expect(accepted > 0)
        #expect(slowest < 1, "the slowest mutant took \(slowest) s:\n\(slowestText)")
    }
}

/// The UTF-8 check that names the first bad byte of a suite file agrees with the standard
/// library's validating decoder on seeded random byte strings (biased towards multi-byte forms).
@Suite struct UTF8CheckTests {
    @Test func firstInvalidByteAgreesWithTheStandardLibrary() {
        var generator = Xoshiro256StarStar(seed: 0x7574_6638)
        let interesting: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0,
            0x8F, 0x90,
        ]
        for _ in 0..<20_000 {
            let count = generator.nextInt(below: 9)
            let bytes = (0..<count).map { _ in interesting[generator.nextInt(below: interesting.count)] }
            let offset = SuiteText.firstInvalidUTF8(bytes)
            #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let offset {
                // Everything before the reported byte is valid; the byte itself starts no valid sequence.
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }
}
