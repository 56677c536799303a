import Foundation
import Objectives

/// Problem instances built by ``SuiteRunner/validate(_:cache:)`` and handed to the run, so that the
/// instance of repetition 0 is built once per process, not once to validate and again to run.
///
/// Bounded: an instance is kept only while the estimated bytes of all kept instances stay within
/// ``capacityBytes``; an entry is removed when the run takes it (each (instance, repetition) is run
/// by one group, once). Keys are the instance id and the problem seed, so a cached instance is
/// exactly the one the run would build. Thread-safe.
public final class InstanceCache: @unchecked Sendable {
    /// The default bound: 1 GB of estimated instance storage.
    public static let defaultCapacityBytes = 1e9

    public let capacityBytes: Double
    private let lock = NSLock()
    private var entries: [String: (instance: ProblemInstance, bytes: Double)] = [:]
    private var heldBytes = 0.0

    public init(capacityBytes: Double = defaultCapacityBytes) {
        self.capacityBytes = capacityBytes
    }

    static func key(instanceID: String, problemSeed: UInt64) -> String { "\(instanceID)@\(problemSeed)" }

    /// Keeps `instance` when it fits within the bound; returns whether it was kept.
    @discardableResult
    public func insert(_ instance: ProblemInstance, instanceID: String, problemSeed: UInt64) -> Bool {
        let bytes = Self.estimatedBytes(instance.objective)
        let key = Self.key(instanceID: instanceID, problemSeed: problemSeed)
        lock.lock()
        defer { lock.unlock() }
        guard entries[key] == nil, heldBytes + bytes <= capacityBytes else { return false }
        entries[key] = (instance, bytes)
        heldBytes += bytes
        return true
    }

    /// The kept instance for the key, removed from the cache; nil when none is kept.
    public func take(instanceID: String, problemSeed: UInt64) -> ProblemInstance? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries.removeValue(forKey: Self.key(instanceID: instanceID, problemSeed: problemSeed))
        else { return nil }
        heldBytes -= entry.bytes
        return entry.instance
    }

    /// How many instances are kept.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// A bound on an objective's storage: d² doubles for the dense problems, n·d for finite sums, d
    /// otherwise (plus a kilobyte).
    static func estimatedBytes(_ objective: any Objective) -> Double {
        let d = Double(objective.dimension)
        var doubles = d
        if objective is DenseQuadratic || objective is IndexSaddle { doubles += d * d }
        if let n = objective.sampleCount { doubles += Double(n) * d }
        return 1024 + 8 * doubles
    }
}
