import Foundation
import Objectives

/// An objective served by another process (docs/protocol.md, "Objectives from another process"): every
/// f, ∇f and Hessian-vector product is an `EVAL` answered by the server. gdbench's ``Oracle`` counts
/// the method's calls as for any objective; monitoring calls reach the server too but are not counted.
///
/// The ``Objective`` methods cannot throw, so a fault (crash, exit, garbage, protocol violation, a
/// wrong length, silence past the deadline) makes every call return NaN until the runner collects it
/// with ``takeFault()`` and gives the run status `error`; the next call after that starts a fresh
/// server, which is sent the same `PROB` and must answer the same `SHAP`.
public struct ExternalObjective: Objective {
    public let connection: ObjectiveConnection

    public var dimension: Int { connection.shape.dimension }
    public var constants: ObjectiveConstants {
        ObjectiveConstants(optimalValue: connection.shape.optimalValue, minimizer: connection.shape.minimizer)
    }
    public var startingPoint: [Double] { connection.shape.start }

    /// Starts (or reuses) a server of `pool`, sends it the seed and parameters, and reads the problem's shape.
    public init(pool: ClientPool, parameters: ParameterSet, seed: UInt64) throws {
        connection = try ObjectiveConnection(pool: pool, parameters: parameters, seed: seed)
    }

    public func value(at x: [Double]) -> Double {
        var unused: [Double] = []
        return connection.call(.value, x, nil, into: &unused)
    }

    public func evaluate(at x: [Double], gradient: inout [Double]) -> Double {
        connection.call(.valueAndGradient, x, nil, into: &gradient)
    }

    public func gradient(at x: [Double], into gradient: inout [Double]) {
        _ = connection.call(.gradient, x, nil, into: &gradient)
    }

    public func hessianVectorProduct(at x: [Double], vector v: [Double], result: inout [Double]) {
        _ = connection.call(.hessianVectorProduct, x, v, into: &result)
    }

    /// The fault of the run so far, if any (cleared: the next call restarts the server).
    public func takeFault() -> String? { connection.takeFault() }
}

/// What a server says about its problem in `SHAP`.
public struct ObjectiveShape: Sendable {
    public var dimension: Int
    public var optimalValue: Double?
    public var minimizer: [Double]?
    public var start: [Double]
}

/// The lease of one server process by one problem instance (used by one worker thread at a time).
public final class ObjectiveConnection: @unchecked Sendable {
    let pool: ClientPool
    let parameters: ParameterSet
    let seed: UInt64
    public private(set) var shape: ObjectiveShape
    private var process: ClientProcess?
    private var fault: String?
    private var writer = FrameWriter()
    private let lock = NSLock()

    init(pool: ClientPool, parameters: ParameterSet, seed: UInt64) throws {
        self.pool = pool
        self.parameters = parameters
        self.seed = seed
        let process = try pool.lease()
        do {
            shape = try Self.open(process, pool: pool, parameters: parameters, seed: seed)
        } catch {
            process.terminate()
            throw error
        }
        self.process = process
    }

    deinit {
        if let process { pool.giveBack(process) }
    }

    /// Sends `PROB` and reads `SHAP`.
    static func open(_ process: ClientProcess, pool: ClientPool, parameters: ParameterSet, seed: UInt64) throws
        -> ObjectiveShape
    {
        var w = FrameWriter()
        w.begin(WireFormat.problem)
        w.append(seed)
        w.append(UInt32(parameters.values.count))
        w.append(UInt32(0))
        w.appendParameters(parameters)
        w.end()
        try process.send(w.bytes)
        let deadline = ClientProcess.now() + UInt64(pool.configuration.deadlineSeconds * 1e9)
        let (tag, payload) = try process.receive(deadline: deadline, waitingFor: "the problem's shape (SHAP)")
        guard tag == WireFormat.shape else { throw ProtocolViolation("expected SHAP after PROB, found \(tag)") }
        var reader = PayloadReader(payload)
        let d = Int(try reader.integer(UInt64.self, "SHAP dimension"))
        guard d >= 1, d <= WireFormat.maximumPayload / 16 else {
            throw ProtocolViolation("SHAP dimension \(d) out of range")
        }
        let flags = try reader.integer(UInt8.self, "SHAP flags")
        try reader.skip(7)
        let optimal = try reader.double("SHAP f*")
        var start: [Double] = []
        try reader.doubles(d, into: &start, "SHAP start point")
        var minimizer: [Double]? = nil
        if flags & 2 != 0 {
            var point: [Double] = []
            try reader.doubles(d, into: &point, "SHAP minimizer")
            minimizer = point
        }
        guard reader.remaining == 0 else { throw ProtocolViolation("SHAP has \(reader.remaining) bytes too many") }
        guard start.allSatisfy(\.isFinite) else { throw ProtocolViolation("SHAP start point is not finite") }
        return ObjectiveShape(
            dimension: d, optimalValue: flags & 1 != 0 ? optimal : nil, minimizer: minimizer, start: start)
    }

    func takeFault() -> String? {
        lock.lock()
        defer { lock.unlock() }
        let taken = fault
        fault = nil
        return taken
    }

    /// One request; NaN (and NaN in `output`) after a fault.
    func call(_ request: WireFormat.Request, _ x: [Double], _ v: [Double]?, into output: inout [Double]) -> Double {
        lock.lock()
        defer { lock.unlock() }
        let d = shape.dimension
        func failed(_ message: String) -> Double {
            if fault == nil { fault = "external objective \(pool.configuration.name): \(message)" }
            process?.terminate()
            process = nil
            for i in output.indices { output[i] = .nan }
            return .nan
        }
        if fault != nil { return failed("") }
        do {
            if process == nil {
                let fresh = try pool.lease()
                let again = try Self.open(fresh, pool: pool, parameters: parameters, seed: seed)
                guard again.dimension == d, again.start == shape.start else {
                    fresh.terminate()
                    return failed("a restarted server described a different problem")
                }
                process = fresh
            }
            guard let process else { return .nan }
            writer.begin(WireFormat.evaluate)
            writer.append(request.rawValue)
            for _ in 0..<7 { writer.append(UInt8(0)) }
            writer.appendVector(x)
            if let v { writer.appendVector(v) }
            writer.end()
            try process.send(writer.bytes)
            let deadline = ClientProcess.now() + UInt64(pool.configuration.deadlineSeconds * 1e9)
            let (tag, payload) = try process.receive(deadline: deadline, waitingFor: "the answer to EVAL \(request)")
            if tag == WireFormat.failure {
                return failed("the server failed: " + String(decoding: payload, as: UTF8.self))
            }
            guard tag == WireFormat.values else { throw ProtocolViolation("expected VALS, found \(tag)") }
            let expected = (request == .hessianVectorProduct ? 0 : 8) + (request == .value ? 0 : 8 * d)
            guard payload.count == expected else {
                throw ProtocolViolation(
                    "VALS for \(request) must carry \(expected) bytes at d = \(d), found \(payload.count)")
            }
            var reader = PayloadReader(payload)
            let scalar = request == .hessianVectorProduct ? Double.nan : try reader.double("VALS value")
            if request != .value { try reader.doubles(d, into: &output, "VALS vector") }
            return scalar
        } catch {
            return failed("\(error)")
        }
    }
}

extension FrameWriter {
    /// The typed parameter entries of `RUN ` and `PROB`, sorted by name.
    mutating func appendParameters(_ parameters: ParameterSet) {
        for key in parameters.sortedKeys {
            append(text: key)
            switch parameters[key] {
            case .number(let value)?:
                append(UInt8(0))
                append(value)
            case .text(let value)?:
                append(UInt8(1))
                append(text: value)
            case .flag(let value)?:
                append(UInt8(2))
                append(UInt8(value ? 1 : 0))
            case .numbers(let values)?:
                append(UInt8(3))
                append(UInt32(values.count))
                append(values)
            case nil:
                break
            }
        }
    }
}
