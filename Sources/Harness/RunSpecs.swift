import Objectives
import Randomness

/// The runs of a ``RunPlan`` in id order, computed from their position on access: memory holds the
/// cells and a few integers per problem cell, never one entry per run, so `--force` can enumerate a
/// grid of any size.
///
/// Layout: problem cells sorted by `id/`, then for each problem the optimizer cells that apply to it
/// (sorted by `id/`), then the repetitions in the order of their text (`rep=0`, `rep=1`, `rep=10`,
/// `rep=2`, …). Because no key is a prefix of another, this is exactly the order of the run ids
/// `problem/optimizer/rep=N` as strings. Optimizers restricted by `only-on` apply to a problem by
/// their entry; problems are grouped by the set of entries that apply, and each group keeps the
/// list of its optimizer cells.
public struct RunSpecs: RandomAccessCollection, Sendable {
    public let problems: [ProblemCell]
    public let optimizers: [OptimizerCell]
    let seed: UInt64
    let repetitions: Int
    /// The repetitions in the order of their text.
    let repetitionOrder: [Int]
    /// The position of each repetition in ``repetitionOrder``.
    let repetitionRank: [Int]
    /// For each problem, its group in ``applying``.
    let group: [Int]
    /// For each group, the indices in ``optimizers`` of the cells that apply, in order.
    let applying: [[Int]]
    /// The position of each problem's first run, and the count at the end.
    let offsets: [Int]

    init(suite: Suite, problems: [ProblemCell], optimizers: [OptimizerCell]) throws {
        self.problems = problems
        self.optimizers = optimizers
        seed = suite.seed
        repetitions = suite.repetitions
        repetitionOrder = (0..<suite.repetitions).sorted { "\($0)" < "\($1)" }
        var rank = [Int](repeating: 0, count: suite.repetitions)
        for (position, repetition) in repetitionOrder.enumerated() { rank[repetition] = position }
        repetitionRank = rank
        var groupOfMask: [[Bool]: Int] = [:]
        var groups: [[Int]] = []
        var masks: [[Bool]] = []
        var group: [Int] = []
        group.reserveCapacity(problems.count)
        for problem in problems {
            let mask = suite.optimizers.map { entry in entry.onlyOn?.contains { $0.matches(problem.id) } ?? true }
            if let index = groupOfMask[mask] {
                group.append(index)
                continue
            }
            groupOfMask[mask] = groups.count
            group.append(groups.count)
            masks.append(mask)
            groups.append(optimizers.indices.filter { mask[optimizers[$0].entry] })
        }
        self.group = group
        applying = groups
        var offsets = [0]
        offsets.reserveCapacity(problems.count + 1)
        for problem in problems.indices {
            let (sum, overflow) = offsets[problem].addingReportingOverflow(
                groups[group[problem]].count * suite.repetitions)
            guard !overflow else {
                throw SuiteError(
                    file: suite.file, line: nil, keyPath: "", message: "the grid has too many runs to count")
            }
            offsets.append(sum)
        }
        self.offsets = offsets
        try RunSpecs.checkUnique(problems, file: suite.file) { index in !groups[group[index]].isEmpty }
        try RunSpecs.checkUnique(optimizers, file: suite.file) { _ in
            true
        } pairs: { first, second in
            masks.contains { $0[optimizers[first].entry] && $0[optimizers[second].entry] }
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets[offsets.count - 1] }

    /// The problem, the optimizer's index in ``optimizers`` and the repetition of the run at `position`.
    public func coordinates(of position: Int) -> (problem: Int, optimizer: Int, repetition: Int) {
        var low = 0, high = problems.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if offsets[middle] <= position { low = middle } else { high = middle - 1 }
        }
        let within = position - offsets[low]
        let list = applying[group[low]]
        return (low, list[within / repetitions], repetitionOrder[within % repetitions])
    }

    /// The position of the run of problem `problem`, the `ordinal`-th optimizer that applies to it
    /// and repetition `repetition`.
    public func position(problem: Int, ordinal: Int, repetition: Int) -> Int {
        offsets[problem] + ordinal * repetitions + repetitionRank[repetition]
    }

    /// The indices in ``optimizers`` of the cells that run on problem `problem`, in id order.
    public func optimizers(of problem: Int) -> [Int] { applying[group[problem]] }

    public subscript(position: Int) -> RunSpec {
        let (p, o, repetition) = coordinates(of: position)
        return spec(problem: p, optimizer: o, repetition: repetition)
    }

    /// The run of problem cell `p`, optimizer cell `o`, repetition `repetition`.
    public func spec(problem p: Int, optimizer o: Int, repetition: Int) -> RunSpec {
        let problem = problems[p], optimizer = optimizers[o]
        let problemSeed = SeedDerivation.derive(seed, "\(problem.instanceID)/rep=\(repetition)")
        return RunSpec(
            id: "\(problem.id)/\(optimizer.id)/rep=\(repetition)", problem: problem, optimizer: optimizer,
            repetition: repetition, problemSeed: problemSeed,
            runSeed: SeedDerivation.derive(problemSeed, optimizer.id))
    }

    /// Calls `body` with the position and id of every run, in order (one pass, no search, no seeds).
    public func forEachID(_ body: (Int, String) -> Void) {
        let suffixes = repetitionOrder.map { "/rep=\($0)" }
        var position = 0
        for (p, problem) in problems.enumerated() {
            let head = problem.id + "/"
            for o in applying[group[p]] {
                let stem = head + optimizers[o].id
                for suffix in suffixes {
                    body(position, stem + suffix)
                    position += 1
                }
            }
        }
    }

    /// The id of the run at `position`, without deriving its seeds.
    public func id(at position: Int) -> String {
        let (p, o, repetition) = coordinates(of: position)
        return "\(problems[p].id)/\(optimizers[o].id)/rep=\(repetition)"
    }

    /// The position of the run with this id, if the plan has it (a binary search: ids are sorted).
    public func position(of id: String) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self.id(at: middle) < id { low = middle + 1 } else { high = middle }
        }
        return low < count && self.id(at: low) == id ? low : nil
    }

    /// Two cells with the same id whose runs would meet (`clash`) are an error naming both and the
    /// alternatives that give the same text; a key that is a prefix of another (`a/` and `a/b/`,
    /// possible only with a `/` in a word) would break the order and is refused as well.
    static func checkUnique<Cell: PlanCell>(
        _ cells: [Cell], file: String, used: (Int) -> Bool,
        pairs clash: (Int, Int) -> Bool = { _, _ in true }
    ) throws {
        for index in cells.indices.dropFirst() {
            let first = cells[index - 1], second = cells[index]
            if first.id == second.id {
                guard used(index - 1) && clash(index - 1, index) else { continue }
                throw SuiteError(
                    file: file, line: second.location.line, keyPath: second.location.keyPath,
                    message: "\(first.describeClash(with: second)) give the same id \(second.id), so their runs "
                        + "would have the same ids; remove one of them")
            }
            if (second.id + "/").hasPrefix(first.id + "/") {
                throw SuiteError(
                    file: file, line: second.location.line, keyPath: second.location.keyPath,
                    message: "the id \(second.id) starts with the id \(first.id) and '/': a '/' in a value "
                        + "makes run ids ambiguous")
            }
        }
    }
}

/// What ``RunSpecs/checkUnique(_:file:used:pairs:)`` needs of a cell.
protocol PlanCell {
    var id: String { get }
    var location: SourceLocation { get }
    var choices: [String: Int] { get }
}

extension PlanCell {
    /// `optimizers[0].lr[0] and optimizers[0].lr[1]` (same entry: the alternatives that differ) or
    /// `optimizers[0] and optimizers[2]` (two entries).
    func describeClash(with other: Self) -> String {
        guard location.keyPath == other.location.keyPath else {
            return "\(location.keyPath) and \(other.location.keyPath)"
        }
        let keys = Set(choices.keys).union(other.choices.keys).sorted().filter { choices[$0] != other.choices[$0] }
        let mine = keys.map { "\(location.keyPath).\($0)[\(choices[$0] ?? 0)]" }
        let theirs = keys.map { "\(location.keyPath).\($0)[\(other.choices[$0] ?? 0)]" }
        return "\(mine.joined(separator: ", ")) and \(theirs.joined(separator: ", "))"
    }
}

extension ProblemCell: PlanCell {}
extension OptimizerCell: PlanCell {}
