import Results

/// The runs of a plan that `--filter` and `--shard` select, as positions in ``RunPlan/specs`` in id
/// order: one bit per run when a filter is given (the shard then counts the filtered runs), nothing
/// per run otherwise.
public struct RunSelection: Sequence, Sendable {
    /// Runs in the plan.
    public let total: Int
    /// Runs selected.
    public let count: Int
    /// Runs the filter matches (all runs without a filter), before the shard takes its part.
    public let filteredCount: Int
    let shard: Shard?
    /// Bit `p` set: run `p` is selected (nil: no filter, the shard alone decides).
    let bits: [UInt64]?

    public init(_ plan: RunPlan, filter: GlobPattern?, shard: Shard?) {
        let specs = plan.specs
        let total = specs.count
        self.total = total
        self.shard = shard
        guard let filter else {
            bits = nil
            filteredCount = total
            count = shard.map { shard in total / shard.count + (total % shard.count >= shard.index ? 1 : 0) } ?? total
            return
        }
        var bits = [UInt64](repeating: 0, count: (total + 63) / 64)
        var filtered = 0
        var selected = 0
        specs.forEachID { position, id in
            guard filter.matches(id) else { return }
            if shard?.contains(position: filtered) ?? true {
                bits[position >> 6] |= 1 << UInt64(position & 63)
                selected += 1
            }
            filtered += 1
        }
        self.bits = bits
        count = selected
        filteredCount = filtered
    }

    /// Whether the run at `position` is selected.
    public func contains(_ position: Int) -> Bool {
        if let bits { return bits[position >> 6] & (1 << UInt64(position & 63)) != 0 }
        return shard?.contains(position: position) ?? true
    }

    public func makeIterator() -> AnyIterator<Int> {
        var position = 0
        return AnyIterator {
            while position < total {
                defer { position += 1 }
                if contains(position) { return position }
            }
            return nil
        }
    }

    public var underestimatedCount: Int { count }
}
