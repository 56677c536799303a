import Objectives

/// A method with its type erased in the one place where it is concrete: the catalog's instantiation
/// (``OptimizerKind/make``) boxes every method it builds. `init` is generic and inlinable, so it is
/// specialised for the method's type where it is called, and the step loop it stores
/// (``iterate(_:oracle:limit:)``: up to `limit` iterations, then back to the runner) is compiled for
/// that type, with the method's whole step inlined into it. The runner and the wrapper methods
/// (`switch`, `random-restarts`) hold boxes, so no step runs as unspecialised generic code; the
/// objective is reached through the ``Oracle``'s one erasure (docs/performance.md, "Where per-step
/// code is specialised").
///
/// A box has value semantics, like the method in it: a copy shares the method until one of them
/// steps (copy on write, as `random-restarts` restarts a fresh copy of its inner method).
public struct MethodBox: Method {
    @usableFromInline var storage: MethodStorage

    /// Boxes `method`; a box is not boxed again.
    @inlinable
    public init<M: Method>(_ method: M) {
        if let box = method as? MethodBox {
            self = box
        } else {
            storage = MethodCell(method)
        }
    }

    /// The method in the box (a copy), for inspection (`box.base as? ExternalMethod`).
    public var base: any Method { storage.base }

    @inlinable
    mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        unique()
        try storage.prepare(at: x, oracle: &oracle)
    }

    /// One iteration.
    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        unique()
        let run = storage.iterate(&x, oracle: &oracle, limit: 1)
        if let failure = run.failure { throw failure }
        return run.last
    }

    /// Up to `limit` ≥ 1 iterations in the loop compiled for the method's type: fewer when an
    /// iteration reports that the method is stalled or throws (``StepRun``).
    @inlinable
    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle, limit: Int) -> StepRun {
        unique()
        return storage.iterate(&x, oracle: &oracle, limit: limit)
    }

    public mutating func finish(reason: String) {
        unique()
        storage.finish(reason: reason)
    }
}

/// The reference type behind a ``MethodBox``: the method's address and the step loop compiled for its
/// type (non-generic fields, so the runner reaches them without asking for any metadata);
/// ``MethodCell`` is the only subclass.
@usableFromInline
class MethodStorage: @unchecked Sendable {
    /// The method (an `M` of the ``MethodCell``).
    @usableFromInline let method: UnsafeMutableRawPointer
    /// Up to `limit` iterations of the method at `method`, compiled for its type.
    @usableFromInline let steps: (UnsafeMutableRawPointer, inout [Double], inout Oracle, Int) -> StepRun

    @usableFromInline
    init(
        method: UnsafeMutableRawPointer,
        steps: @escaping (UnsafeMutableRawPointer, inout [Double], inout Oracle, Int) -> StepRun
    ) {
        self.method = method
        self.steps = steps
    }

    @inlinable
    final func iterate(_ x: inout [Double], oracle: inout Oracle, limit: Int) -> StepRun {
        steps(method, &x, &oracle, limit)
    }

    var base: any Method { fatalError("MethodStorage is abstract") }
    @usableFromInline func copy() -> MethodStorage { fatalError("MethodStorage is abstract") }
    func prepare(at x: [Double], oracle: inout Oracle) throws { fatalError("MethodStorage is abstract") }
    func finish(reason: String) { fatalError("MethodStorage is abstract") }
}

/// Owns a method of type `M` at a fixed address (no exclusivity check per access). Its step loop is a
/// closure formed in `init`, which runs specialised for `M` (it is reached only from
/// ``MethodBox/init(_:)``, inlined where `M` is concrete), so the loop is compiled for `M`; the class's
/// own methods are shared by every `M`, unspecialised, and serve only the calls made once per run.
@usableFromInline
final class MethodCell<M: Method>: MethodStorage, @unchecked Sendable {
    @usableFromInline let duplicate: (M) -> MethodStorage

    @inlinable
    init(_ method: M) {
        let pointer = UnsafeMutablePointer<M>.allocate(capacity: 1)
        pointer.initialize(to: method)
        duplicate = { MethodCell($0) }
        super.init(method: UnsafeMutableRawPointer(pointer)) { raw, x, oracle, limit in
            let method = raw.assumingMemoryBound(to: M.self)
            var last = IterationReport()
            var done = 0
            while done < limit {
                do {
                    last = try method.pointee.iterate(&x, oracle: &oracle)
                } catch {
                    return StepRun(iterations: done + 1, last: last, failure: error)
                }
                done += 1
                if last.isStalled { break }
            }
            return StepRun(iterations: done, last: last, failure: nil)
        }
    }

    var typed: UnsafeMutablePointer<M> { method.assumingMemoryBound(to: M.self) }

    deinit {
        typed.deinitialize(count: 1)
        typed.deallocate()
    }

    override var base: any Method { typed.pointee }
    @usableFromInline override func copy() -> MethodStorage { duplicate(typed.pointee) }
    override func prepare(at x: [Double], oracle: inout Oracle) throws {
        try typed.pointee.prepare(at: x, oracle: &oracle)
    }
    override func finish(reason: String) { typed.pointee.finish(reason: reason) }
}
