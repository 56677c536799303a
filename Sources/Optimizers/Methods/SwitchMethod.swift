import Objectives

/// Runs method A for `switchAt` iterations, then method B from where A stopped (`switch`; e.g.
/// the "Adam, then SGD" recipe of Keskar & Socher 2017, "Improving generalization performance by
/// switching from Adam to SGD", with a fixed switch point).
///
/// A is prepared at the start; B is prepared at the switch point, so its `prepare` evaluations are
/// counted there. If A reports that it is stalled before `switchAt`, the switch happens at the next
/// iteration. Evaluations: those of A, then those of B.
public struct SwitchMethod<First: Method, Second: Method>: Method {
    public var first: First
    public var second: Second
    public var switchAt: Int
    @usableFromInline var iterations = 0
    @usableFromInline var switched = false
    @usableFromInline var firstStalled = false

    public init(first: First, second: Second, switchAt: Int) {
        self.first = first
        self.second = second
        self.switchAt = switchAt
    }

    /// True once B runs.
    public var hasSwitched: Bool { switched }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        iterations = 0
        switched = false
        firstStalled = false
        if switchAt > 0 {
            try first.prepare(at: x, oracle: &oracle)
        }
    }

    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        defer { iterations += 1 }
        if !switched && (iterations >= switchAt || firstStalled) {
            try second.prepare(at: x, oracle: &oracle)
            switched = true
        }
        if switched { return try second.iterate(&x, oracle: &oracle) }
        var report = try first.iterate(&x, oracle: &oracle)
        if report.isStalled {
            firstStalled = true
            report.isStalled = false
        }
        return report
    }
}
