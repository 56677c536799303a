import Diagnostics

/// The frames of the gdbench external protocol (docs/protocol.md, version ``version``).
///
/// Every message is a frame: a 4-byte ASCII tag, the payload length as a little-endian `u32`, then
/// the payload. Numbers are little-endian; doubles are raw IEEE-754 binary64, never decimal text.
/// Vectors start at payload offsets that are multiples of 8, so a client may map them in place.
public enum WireFormat {
    /// The protocol version this build speaks.
    public static let version = 1
    /// The largest payload either side accepts (1 GiB: a d = 6.7·10⁷ vector).
    public static let maximumPayload = 1 << 30

    /// Client → gdbench.
    public static let hello = Tag("HELO")
    public static let evaluate = Tag("EVAL")
    public static let iterationEnd = Tag("ITER")
    public static let failure = Tag("FAIL")
    /// gdbench → client.
    public static let run = Tag("RUN ")
    public static let values = Tag("VALS")
    public static let proceed = Tag("CONT")
    public static let stop = Tag("STOP")
    /// Objectives served by another process: gdbench → server `PROB` (seed, parameters), server → `SHAP`.
    public static let problem = Tag("PROB")
    public static let shape = Tag("SHAP")

    /// Every tag of the protocol (a frame with another tag is garbage).
    static let knownTags = [hello, evaluate, iterationEnd, failure, run, values, proceed, stop, problem, shape]

    /// What an `EVAL` asks for (its first payload byte).
    public enum Request: UInt8, Sendable {
        /// f(x): one function evaluation. Answer: f.
        case value = 1
        /// The gradient a first-order method sees (a mini-batch or noisy estimate in stochastic runs):
        /// one gradient evaluation. Answer: the batch loss (NaN in full-batch runs), then ∇f.
        case gradient = 2
        /// Exact f(x) and ∇f(x): one function and one gradient evaluation. Answer: f, then ∇f.
        case valueAndGradient = 3
        /// ∇²f(x)·v: one Hessian-vector product. Answer: the product.
        case hessianVectorProduct = 4
    }

    /// A 4-byte message tag.
    public struct Tag: Equatable, Sendable, CustomStringConvertible {
        public let raw: UInt32
        public init(_ text: StaticString) {
            precondition(text.utf8CodeUnitCount == 4)
            let p = text.utf8Start
            raw = UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24
        }
        public init(raw: UInt32) { self.raw = raw }

        /// The tag as text, or its bytes in hex when they are not printable ASCII.
        public var description: String {
            let bytes = (0..<4).map { UInt8(truncatingIfNeeded: raw >> (8 * $0)) }
            if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) {
                return "'" + String(decoding: bytes, as: UTF8.self) + "'"
            }
            return "0x"
                + bytes.map { byte in
                    let hex = String(byte, radix: 16)
                    return hex.count == 1 ? "0" + hex : hex
                }.joined()
        }
    }
}

/// Appends little-endian fields to a reusable byte buffer.
struct FrameWriter {
    var bytes: [UInt8] = []

    mutating func begin(_ tag: WireFormat.Tag) {
        bytes.removeAll(keepingCapacity: true)
        append(tag.raw)
        append(UInt32(0))
    }

    /// Writes the payload length into the header.
    mutating func end() {
        let length = UInt32(bytes.count - 8)
        for k in 0..<4 { bytes[4 + k] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(k))) }
    }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Double) { append(value.bitPattern) }

    mutating func append(_ values: [Double]) {
        values.withUnsafeBufferPointer { buffer in
            for value in buffer { append(value.bitPattern) }
        }
    }

    /// A vector's doubles as raw little-endian binary64 (one copy on little-endian machines).
    mutating func appendVector(_ values: [Double]) {
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        append(values)
        #endif
    }

    mutating func append(text: String) {
        let utf8 = Array(text.utf8)
        append(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    mutating func appendRaw(text: String) { bytes.append(contentsOf: Array(text.utf8)) }

    mutating func padToEight() {
        while (bytes.count - 8) % 8 != 0 { bytes.append(0) }
    }
}

/// Reads little-endian fields of one payload, throwing on a short payload.
struct PayloadReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw ProtocolViolation("payload too short for \(what)") }
        var value: T = 0
        for k in 0..<size { value |= T(truncatingIfNeeded: bytes[offset + k]) << (8 * k) }
        offset += size
        return value
    }

    mutating func double(_ what: String) throws -> Double {
        Double(bitPattern: try integer(UInt64.self, what))
    }

    /// `count` doubles into `into` (resized only when its length differs).
    mutating func doubles(_ count: Int, into values: inout [Double], _ what: String) throws {
        guard remaining >= 8 * count else {
            throw ProtocolViolation("\(what): expected \(count) doubles (\(8 * count) bytes), found \(remaining) bytes")
        }
        if values.count != count { values = [Double](repeating: 0, count: count) }
        do {
            let raw = bytes
            values.withUnsafeMutableBytes { out in
                #if _endian(little)
                out.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 8 * count)]))
                #else
                for i in 0..<count {
                    let bits = UInt64(
                        littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8 * i, as: UInt64.self))
                    out.storeBytes(of: Double(bitPattern: bits), toByteOffset: 8 * i, as: Double.self)
                }
                #endif
            }
        }
        offset += 8 * count
    }

    mutating func skip(_ count: Int) throws {
        guard remaining >= count else { throw ProtocolViolation("payload too short") }
        offset += count
    }
}

/// A message that breaks the protocol (wrong tag, length or content).
public struct ProtocolViolation: GdbenchError {
    public var message: String
    public init(_ message: String) { self.message = message }
}
