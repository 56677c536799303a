extension Array where Element == Double {
    /// Runs `body` on this array's storage after its copy-on-write uniqueness check. A closed-form
    /// gradient written this way reads x only after that check's call; x read before it would be stored
    /// and reloaded around the call, a delay on every step's dependency chain (docs/performance.md,
    /// "Closed-form gradients"). Traps when the array holds fewer than `count` entries, as indexing would.
    @inlinable @inline(__always)
    public mutating func writeGradient<Result>(
        count: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Result
    ) -> Result {
        withUnsafeMutableBufferPointer { buffer in
            precondition(buffer.count >= count, "a gradient buffer of \(buffer.count) entries for \(count)")
            return body(buffer)
        }
    }
}
