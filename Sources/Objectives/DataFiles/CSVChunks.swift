import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The data lines of a CSV file cut at line ends into stretches read in parallel (``CSVParser``), each
/// into its own rows of one preallocated output, then closed up in file order: the table is the same,
/// bit for bit, whatever the number of stretches. A stretch that fails sends the whole file back to the
/// sequential read, which names the first problem in file order with its exact line.
struct CSVChunks: @unchecked Sendable {
    /// Smallest stretch worth a thread (1 MiB).
    static let minimumBytes = 1 << 20

    struct Chunk {
        var start: Int, end: Int
        /// Most rows the stretch can hold, and the output row where its rows go.
        var rowBound = 0, rowOffset = 0
        /// Rows read, lines passed (rows and blank lines), file lines of the rows counted from the line
        /// before the stretch (nil: no blank line, rows on consecutive lines).
        var rows = 0, lines = 0
        var rowLines: [Int]? = nil
        var failed = false
    }

    let reader: CSVRowReader
    let chunks: UnsafeMutableBufferPointer<Chunk>
    var features: UnsafeMutablePointer<Double>? = nil
    var targets: UnsafeMutablePointer<Double>? = nil

    /// Stretches for the data lines `[start, end)`: `count` of them (nil: one per processor, each at
    /// least ``minimumBytes``), each ending just after a LF, the last at `end`.
    static func boundaries(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, count: Int?) -> [Int] {
        let processors = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let wanted = max(1, count ?? min(processors, (end - start) / minimumBytes))
        var cuts = [start]
        for part in 1..<max(wanted, 1) {
            let target = max(start + (end - start) * part / wanted, cuts.last!)
            guard target < end, let found = memchr(base + target, Int32(UInt8(ascii: "\n")), end - target) else {
                break
            }
            let cut = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
            if cut < end, cut > cuts.last! { cuts.append(cut) }
        }
        cuts.append(end)
        return cuts
    }

    /// Row bounds of every stretch (in parallel), then their output offsets; returns the total.
    func measure(_ bytes: [UInt8], width: Int) -> Int {
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let chunk = chunks[index]
            // A stretch other than the last ends with a LF: its lines are its line ends.
            let last = index == chunks.count - 1
            let lines = CSVParser.lineCount(bytes, from: chunk.start, to: chunk.end) - (last ? 0 : 1)
            chunks[index].rowBound = min(lines, (chunk.end - chunk.start) / width + 1)
        }
        var total = 0
        for index in chunks.indices {
            chunks[index].rowOffset = total
            total += chunks[index].rowBound
        }
        return total
    }

    /// Reads every stretch into its rows (in parallel); false if one failed.
    func read(featureCount: Int) -> Bool {
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let chunk = chunks[index]
            do {
                let result = try CSVParser.readRows(
                    reader, from: chunk.start, to: chunk.end, lineBefore: 0,
                    features: features! + chunk.rowOffset * featureCount, targets: targets! + chunk.rowOffset)
                chunks[index].rows = result.rows
                chunks[index].lines = result.lines
                chunks[index].rowLines = result.rowLines
            } catch {
                chunks[index].failed = true
            }
        }
        return !chunks.contains { $0.failed }
    }

    /// Closes the gaps between the stretches' rows; returns the row count and the rows' file lines
    /// (nil when no stretch met a blank line).
    func compact(featureCount: Int) -> (rows: Int, rowLines: [Int]?) {
        var rows = 0
        var lineBefore = 1
        let blanks = chunks.contains { $0.rowLines != nil }
        var rowLines: [Int]? = blanks ? [] : nil
        for chunk in chunks {
            if rows != chunk.rowOffset {
                let size = MemoryLayout<Double>.stride
                memmove(
                    features! + rows * featureCount, features! + chunk.rowOffset * featureCount,
                    chunk.rows * featureCount * size)
                memmove(targets! + rows, targets! + chunk.rowOffset, chunk.rows * size)
            }
            if blanks {
                let local = chunk.rowLines ?? (0..<chunk.rows).map { $0 + 1 }
                rowLines!.append(contentsOf: local.map { $0 + lineBefore })
            }
            rows += chunk.rows
            lineBefore += chunk.lines
        }
        return (rows, rowLines)
    }
}
