import Foundation
import Randomness
import Testing

@testable import Objectives

/// The CSV rows read in parallel stretches (``CSVChunks``) equal the sequential read bit for bit,
/// and a problem in a later stretch names its exact line.
@Suite struct CSVParallelParseTests {
    /// A generated file: numbers of varied spellings and lengths, CRLF, lone CR and LF line ends, and
    /// (when `blanks`) blank lines, so that stretch cuts land at odd places.
    /// `badCells`: row → text of its second cell.
    static func generatedFile(
        rows: Int, seed: UInt64, blanks: Bool, badCells: [Int: String] = [:]
    ) -> (text: String, lines: [Int]) {
        var generator = Xoshiro256StarStar(seed: seed)
        var text = "a,b,c,label\n"
        var line = 1
        var lines: [Int] = []
        for row in 0..<rows {
            if blanks, generator.next() % 7 == 0 {
                // After a lone CR a bare LF would join it into one CRLF line end.
                text += generator.next() % 2 == 0 && !text.hasSuffix("\r") ? "\n" : "  \r\n"
                line += 1
            }
            var cells = (0..<4).map { _ -> String in
                let value = (Double(generator.next() % 2_000_001) - 1e6) / Double(1 << (generator.next() % 20))
                switch generator.next() % 3 {
                case 0: return String(value)
                case 1: return String(format: "%.3e", value)
                default: return " \(Int(value)) "
                }
            }
            if let bad = badCells[row] { cells[1] = bad }
            let ends = ["\n", "\r\n", "\r"]
            text += cells.joined(separator: ",") + ends[Int(generator.next() % 3)]
            line += 1
            lines.append(line)
        }
        return (text, lines)
    }

    @Test func parallelReadEqualsSequentialWhateverTheStretches() throws {
        for blanks in [false, true] {
            let (text, lines) = Self.generatedFile(rows: 3_001, seed: blanks ? 5 : 6, blanks: blanks)
            let bytes = Array(text.utf8) + [0]
            let sequential = try CSVParser.parse(bytes, path: "generated.csv", label: nil, chunkCount: 1)
            #expect(sequential.rowCount == 3_001)
            #expect(sequential.source.lineOfRow(3_000) == lines.last)
            guard case .dense(let expected) = sequential.storage else {
                Issue.record("not dense")
                return
            }
            for chunkCount in [2, 3, 5, 7, 64, 5_000] {
                let parallel = try CSVParser.parse(bytes, path: "generated.csv", label: "b", chunkCount: chunkCount)
                let reordered = try CSVParser.parse(bytes, path: "generated.csv", label: "b", chunkCount: 1)
                guard case .dense(let features) = parallel.storage, case .dense(let reference) = reordered.storage
                else {
                    Issue.record("not dense")
                    return
                }
                #expect(features.map(\.bitPattern) == reference.map(\.bitPattern), "\(chunkCount) stretches")
                #expect(parallel.targets.map(\.bitPattern) == reordered.targets.map(\.bitPattern))
                #expect(parallel.source == reordered.source && parallel.rowCount == reordered.rowCount)
                #expect((0..<parallel.rowCount).map { parallel.source.lineOfRow($0) } == lines)
                #expect((parallel.source.rowLines != nil) == blanks)
                let sameLabel = try CSVParser.parse(bytes, path: "generated.csv", label: nil, chunkCount: chunkCount)
                guard case .dense(let sameFeatures) = sameLabel.storage else { return }
                #expect(sameFeatures.map(\.bitPattern) == expected.map(\.bitPattern))
                #expect(sameLabel.targets.map(\.bitPattern) == sequential.targets.map(\.bitPattern))
            }
        }
    }

    /// A bad cell near the end (and a second one further on) is reported at its own line and column,
    /// the first in file order, whatever the number of stretches.
    @Test func problemInALaterStretchNamesItsLine() throws {
        let badRow = 1_700
        let (text, lines) = Self.generatedFile(
            rows: 2_000, seed: 8, blanks: true, badCells: [badRow: "1.5x", 1_900: "nan"])
        let bytes = Array(text.utf8) + [0]
        var messages: [String] = []
        for chunkCount in [1, 2, 3, 9] {
            do {
                _ = try CSVParser.parse(bytes, path: "bad.csv", label: nil, chunkCount: chunkCount)
                Issue.record("\(chunkCount) stretches: no error")
            } catch let error as DataFileError {
                messages.append("\(error)")
                #expect(error.line == lines[badRow] && error.line! > badRow + 2)
                #expect(error.column == 2)
                #expect(error.message.contains("1.5x"))
            }
        }
        #expect(Set(messages).count == 1)
    }
}
