import Diagnostics

/// `--shard i/n`: the runs at positions i, i+n, i+2n, … of the sorted run list (1-based i), a
/// deterministic 1/n of the cells that depends only on the suite (and filter), never on the machine.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 1, index <= count else {
            throw ShardError("a shard is i/n with 1 ≤ i ≤ n, found \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `i/n`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw ShardError("a shard is written i/n (e.g. 2/8), found '\(text)'")
        }
        try self.init(index: i, count: n)
    }

    /// Whether the run at `position` (0-based) of the sorted list belongs to this shard.
    public func contains(position: Int) -> Bool { position % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}

/// A malformed `--shard`.
public struct ShardError: GdbenchError {
    public var message: String
    init(_ message: String) { self.message = message }
    public var location: ErrorLocation? { ErrorLocation(file: "--shard") }
}
