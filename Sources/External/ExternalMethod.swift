import Diagnostics
import Objectives
import Optimizers

/// A method that runs in a client process (docs/protocol.md): `prepare` leases a process and sends
/// `RUN `; each `iterate` answers the client's `EVAL` requests through the ``Oracle`` (so every
/// evaluation is counted by gdbench) until the client's `ITER` carries the new iterate; the next
/// `iterate` sends `CONT`, and `finish` sends `STOP` with the reason. Any fault (crash, exit,
/// garbage, a protocol violation, a non-finite iterate the oracle did not cause, silence past the
/// deadline) kills the process and throws, so the run's status is `error`; the next run starts a
/// fresh process.
public struct ExternalMethod: Method {
    let pool: ClientPool
    let parameters: ParameterSet
    let seed: UInt64
    let context: ExternalRunContext?
    /// Shared by copies of this value, so the runner can read it after a pass.
    public let timing = ExternalTiming()
    private let session = Session()

    /// `parameters` must hold every declared hyperparameter (defaults filled in).
    public init(pool: ClientPool, parameters: ParameterSet, seed: UInt64, context: ExternalRunContext?) {
        self.pool = pool
        self.parameters = parameters
        self.seed = seed
        self.context = context
    }

    /// The lease and buffers of one pass.
    final class Session: @unchecked Sendable {
        var process: ClientProcess?
        var inRun = false
        var awaitingAnswer = false
        var iteration = 0
        var oracleWentNonFinite = false
        var writer = FrameWriter()
        var payload = UnsafeRawBufferPointer(start: nil, count: 0)
        var point: [Double] = []
        var direction: [Double] = []
        var result: [Double] = []

        deinit { process?.terminate() }
    }

    var clientName: String { pool.configuration.name }

    public mutating func prepare(at x: [Double], oracle: inout Oracle) throws {
        timing.reset()
        let process: ClientProcess
        do {
            process = try pool.lease()
        } catch {
            throw MethodError("external client \(clientName) could not start: \(error)")
        }
        session.process = process
        session.iteration = 0
        session.oracleWentNonFinite = false
        let d = x.count
        var w = FrameWriter()
        swap(&w, &session.writer)
        w.begin(WireFormat.run)
        w.append(UInt64(d))
        w.append(seed)
        w.append(UInt64(context?.maxIterations ?? 0))
        w.append(Int64(context?.maxGradientEvaluations ?? -1))
        w.append(context?.timeoutSeconds ?? .nan)
        w.append(UInt32(oracle.isStochastic ? 1 : 0))
        w.append(UInt32(parameters.values.count))
        w.appendVector(x)
        w.append(text: context?.runID ?? "")
        w.appendParameters(parameters)
        w.end()
        session.writer = w
        try guarded { try process.send(session.writer.bytes) }
        session.inRun = true
        session.awaitingAnswer = false
    }

    public mutating func iterate(_ x: inout [Double], oracle: inout Oracle) throws -> IterationReport {
        guard let process = session.process, session.inRun else {
            throw MethodError("external client \(clientName): the run already ended")
        }
        return try guarded {
            if session.awaitingAnswer {
                session.writer.begin(WireFormat.proceed)
                session.writer.end()
                try process.send(session.writer.bytes)
                session.awaitingAnswer = false
            }
            let d = x.count
            while true {
                let deadline = ClientProcess.now() + UInt64(pool.configuration.deadlineSeconds * 1e9)
                let (tag, payload) = try process.receive(
                    deadline: deadline,
                    waitingFor: "iteration \(session.iteration + 1) (EVAL or ITER)")
                session.payload = payload
                switch tag {
                case WireFormat.evaluate:
                    try answer(process, dimension: d, oracle: &oracle)
                case WireFormat.iterationEnd:
                    return try iterationEnd(&x)
                case WireFormat.failure:
                    session.inRun = false
                    throw ClientReportedFailure(message: String(decoding: session.payload, as: UTF8.self))
                default:
                    throw ProtocolViolation("expected EVAL, ITER or FAIL during a run, found \(tag)")
                }
            }
        }
    }

    private func iterationEnd(_ x: inout [Double]) throws -> IterationReport {
        let d = x.count
        guard session.payload.count == 24 + 8 * d else {
            throw ProtocolViolation("ITER must carry 24 + 8·d = \(24 + 8 * d) bytes, found \(session.payload.count)")
        }
        var reader = PayloadReader(session.payload)
        let flags = try reader.integer(UInt8.self, "ITER flags")
        try reader.skip(7)
        let learningRate = try reader.double("ITER learning rate")
        let seconds = try reader.double("ITER seconds")
        try reader.doubles(d, into: &x, "ITER iterate")
        session.iteration += 1
        session.awaitingAnswer = true
        if seconds.isFinite && seconds >= 0 {
            timing.optimizerSeconds += seconds
        } else {
            timing.clientReportsTime = false
        }
        if !session.oracleWentNonFinite, let bad = x.firstIndex(where: { !$0.isFinite }) {
            throw ProtocolViolation(
                "the client reported a non-finite iterate (x[\(bad)] = \(x[bad])) at iteration \(session.iteration), "
                    + "though every value gdbench sent it was finite"
            )
        }
        return IterationReport(valueAtNewIterate: nil, learningRate: learningRate, isStalled: flags & 1 != 0)
    }

    private func answer(_ process: ClientProcess, dimension d: Int, oracle: inout Oracle) throws {
        var reader = PayloadReader(session.payload)
        let code = try reader.integer(UInt8.self, "EVAL request")
        guard let request = WireFormat.Request(rawValue: code) else {
            throw ProtocolViolation(
                "EVAL asks for request \(code); known: 1 value, 2 gradient, 3 value and gradient, "
                    + "4 Hessian-vector product"
            )
        }
        let vectors = request == .hessianVectorProduct ? 2 : 1
        guard session.payload.count == 8 + 8 * d * vectors else {
            throw ProtocolViolation(
                "EVAL \(request) must carry \(8 + 8 * d * vectors) bytes at d = \(d), found \(session.payload.count)")
        }
        try reader.skip(7)
        try reader.doubles(d, into: &session.point, "EVAL point")
        if session.result.count != d { session.result = [Double](repeating: 0, count: d) }
        // Taken out of the session (not copied): a copy would make the next append copy the buffer.
        var w = FrameWriter()
        swap(&w, &session.writer)
        w.begin(WireFormat.values)
        let start = ClientProcess.now()
        var scalar = Double.nan
        switch request {
        case .value:
            scalar = oracle.value(at: session.point)
        case .gradient:
            scalar = oracle.gradient(at: session.point, into: &session.result)
        case .valueAndGradient:
            scalar = oracle.valueAndGradient(at: session.point, into: &session.result)
        case .hessianVectorProduct:
            try reader.doubles(d, into: &session.direction, "EVAL vector")
            oracle.hessianVectorProduct(at: session.point, vector: session.direction, result: &session.result)
        }
        timing.oracleNanoseconds &+= ClientProcess.now() &- start
        if request != .hessianVectorProduct { w.append(scalar) }
        if request != .value { w.appendVector(session.result) }
        w.end()
        session.writer = w
        if request == .value || request == .valueAndGradient, !scalar.isFinite { session.oracleWentNonFinite = true }
        if request != .value && !session.oracleWentNonFinite {
            var sum = 0.0
            for value in session.result { sum += value * 0 }
            if !sum.isFinite { session.oracleWentNonFinite = true }
        }
        try process.send(session.writer.bytes)
    }

    public mutating func finish(reason: String) {
        guard let process = session.process else { return }
        session.process = nil
        if session.inRun {
            session.inRun = false
            session.writer.begin(WireFormat.stop)
            session.writer.appendRaw(text: reason)
            session.writer.end()
            do {
                try process.send(session.writer.bytes)
            } catch {
                process.terminate()
                return
            }
        }
        pool.giveBack(process)
    }

    /// Runs `body`; on a fault kills the process (it is never reused) and rethrows as a MethodError.
    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as ClientReportedFailure {
            throw MethodError("external client \(clientName) failed: \(failure.message)")
        } catch {
            session.process?.terminate()
            session.process = nil
            session.inRun = false
            throw MethodError("external client \(clientName): \(error)")
        }
    }
}

/// A `FAIL` frame: the client could not go on with this run but is ready for the next.
struct ClientReportedFailure: GdbenchError {
    var message: String
}
