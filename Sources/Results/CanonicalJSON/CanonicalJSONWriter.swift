/// The state of one ``CanonicalJSONEncoder/encode(_:)`` call: the output bytes, the objects and
/// arrays still open, and the value being written at each depth.
///
/// Values are written where they occur. An object's members are written in the order they are
/// encoded, each as `"key":value`, and remembered; when the object closes they are put in key order
/// (``finishObject(_:)``), which moves bytes only when the order was not already right. An object or
/// array closes when the value that opened it returns from `encode(to:)`, or when its parent moves
/// on to the next member or element (containers from `nestedContainer` and `superEncoder`).
///
/// Every container and value encoder carries the serial of the frame or value it writes to; a
/// stale one (its frame closed, its parent moved on) is refused with an `EncodingError` instead
/// of writing out of place.
///
/// The buffers skip Swift's run-time exclusivity checks (`@exclusivity(unchecked)`, a third of the
/// encoder's time otherwise): a writer belongs to one `encode` call on one thread, and no method
/// keeps an access to one of them open across a call that could reach another.
final class CanonicalJSONWriter {
    /// An open object or array; its bytes run from `start` (its `{` or `[`) to the end of `bytes`.
    struct Frame {
        let start: Int
        let isObject: Bool
        let serial: Int
        /// Index of the frame's first member in `members`.
        let membersBase: Int
        /// Members or elements begun so far.
        var count = 0
        /// Where the value of the last member starts when that member was handed out as a super
        /// encoder (−1: none); it is written as `{}` if nothing was encoded into it.
        var pendingValueStart = -1
    }

    /// A member of an open object: where its `"key":value` starts and (once the object closes)
    /// ends in `bytes`; its key's first 8 UTF-8 bytes as a big-endian word (zero-padded), which
    /// orders most keys without looking further; the length of its key as written, and whether
    /// escaping changed the key (then `keys[key]` is compared instead of the written bytes).
    struct Member {
        let start: Int
        let leadingBytes: UInt64
        let writtenKeyLength: Int
        let isKeyEscaped: Bool
        let key: Int
        var end = 0
        /// A later member has the same key (its value is the one written).
        var isSuperseded = false
    }

    /// The value currently being written at one depth (the top level is depth 0, the values of the
    /// members and elements of the frame at depth d are at depth d + 1).
    struct ValueSlot {
        var serial: Int
        var start: Int
    }

    /// A key of a coding path rebuilt from the frames (`codingPath` is asked for rarely, so it is
    /// not kept up to date while writing).
    struct PathKey: CodingKey {
        let stringValue: String
        let intValue: Int?
        init(stringValue: String) {
            self.stringValue = stringValue
            self.intValue = nil
        }
        init(intValue: Int) {
            self.stringValue = "Index \(intValue)"
            self.intValue = intValue
        }
    }

    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var members: [Member] = []
    /// The keys of the members of the open objects, in the order they were begun.
    @exclusivity(unchecked) private var keys: [String] = []
    @exclusivity(unchecked) private var slots: [ValueSlot] = []
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    @exclusivity(unchecked) private var lastSerial = 0
    /// The first misuse that happened in a method that cannot throw; thrown when the document ends.
    private var failure: (any Error)?

    init() {
        bytes.reserveCapacity(2048)
        frames.reserveCapacity(8)
        members.reserveCapacity(64)
    }

    /// The whole document for `value`.
    func document<T: Encodable>(_ value: T) throws -> [UInt8] {
        let serial = newSerial()
        slots.append(ValueSlot(serial: serial, start: 0))
        try write(value, depth: 0, serial: serial)
        if let failure { throw failure }
        if bytes.isEmpty {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return bytes
    }

    // MARK: Values

    /// Writes one value at `depth` as the value slot `serial`: strings, doubles, integers and bools
    /// directly, anything else through its `encode(to:)`.
    func write<T: Encodable>(_ value: T, depth: Int, serial: Int) throws {
        if T.self == Double.self { return writeDouble(value as! Double) }
        if T.self == String.self {
            writeString(value as! String)
            return
        }
        if T.self == Int.self { return writeInteger(value as! Int) }
        if T.self == Bool.self { return writeBool(value as! Bool) }
        let start = bytes.count
        try value.encode(to: CanonicalJSONValueEncoder(writer: self, depth: depth, serial: serial))
        close(downTo: depth)
        if bytes.count == start && depth > 0 { bytes.append(contentsOf: "{}".utf8) }
    }

    func writeNull() {
        bytes.append(contentsOf: "null".utf8)
    }

    func writeBool(_ value: Bool) {
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    func writeInteger<I: FixedWidthInteger>(_ value: I) {
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Shortest round-trip form (`description`) without a trailing `.0`, as Foundation writes it.
    func writeDouble(_ value: Double) {
        guard value.isFinite else { return writeNonFinite(value.isNaN ? "nan" : value < 0 ? "-inf" : "inf") }
        writeNumberText(value.description)
    }

    func writeFloat(_ value: Float) {
        guard value.isFinite else { return writeNonFinite(value.isNaN ? "nan" : value < 0 ? "-inf" : "inf") }
        writeNumberText(value.description)
    }

    /// The non-finite strings of `RecordCoding`'s `nonConformingFloatEncodingStrategy`.
    private func writeNonFinite(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
    }

    private func writeNumberText(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            let dropsPointZero =
                utf8.count > 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            bytes.append(contentsOf: dropsPointZero ? UnsafeBufferPointer(rebasing: utf8.dropLast(2)) : utf8)
        }
    }

    /// A JSON string with Foundation's escapes (`/` not escaped). Returns the string's first 8
    /// UTF-8 bytes as a big-endian word, zero-padded (``Member/leadingBytes``).
    @discardableResult
    func writeString(_ string: String) -> UInt64 {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        let leadingBytes = string.withUTF8 { utf8 in
            var leadingBytes: UInt64 = 0
            for index in 0..<min(8, utf8.count) { leadingBytes |= UInt64(utf8[index]) << (56 - 8 * index) }
            var pending = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[pending..<index]))
                pending = index + 1
                writeEscape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[pending...]))
            return leadingBytes
        }
        bytes.append(UInt8(ascii: "\""))
        return leadingBytes
    }

    private func writeEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let low = byte & 0xF
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(UInt8(ascii: "0") + (byte >> 4))
            bytes.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + (low - 10))
        }
    }

    // MARK: Containers

    /// The serial of the container a value encoder's `container(keyedBy:)` or `unkeyedContainer()`
    /// writes to: the frame the value opened before, or a new one. A stale value encoder, or a value
    /// that already wrote something else, gets a serial no frame has (its writes then throw).
    func container(isObject: Bool, depth: Int, serial: Int) -> Int {
        if depth < frames.count, frames[depth].serial == serial, frames[depth].isObject == isObject {
            close(downTo: depth + 1)
            return serial
        }
        guard isCurrentValue(depth: depth, serial: serial) else {
            record(
                misuse(
                    depth: depth,
                    "a container was requested for a value that already wrote something else, or whose parent moved on")
            )
            return newSerial()
        }
        frames.append(Frame(start: bytes.count, isObject: isObject, serial: serial, membersBase: members.count))
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return serial
    }

    /// Checks that a single value container may write its value now.
    func claimSingleValue(depth: Int, serial: Int) throws {
        guard isCurrentValue(depth: depth, serial: serial) else {
            throw misuse(
                depth: depth, "a single value was encoded twice, after a container, or after its parent moved on")
        }
    }

    /// True when the value slot `serial` is the current one at `depth` and nothing was written for it yet.
    private func isCurrentValue(depth: Int, serial: Int) -> Bool {
        depth < slots.count && slots[depth].serial == serial && frames.count == depth
            && bytes.count == slots[depth].start
    }

    /// Begins the next member of the object `serial` at `depth` (writes `,"key":`); returns the
    /// serial of the member's value.
    func beginMember(_ key: String, depth: Int, serial: Int) throws -> Int {
        try resume(depth: depth, serial: serial, isObject: true)
        if frames[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[depth].count += 1
        let start = bytes.count
        let leadingBytes = writeString(key)
        let writtenKeyLength = bytes.count - start - 2
        members.append(
            Member(
                start: start, leadingBytes: leadingBytes, writtenKeyLength: writtenKeyLength,
                isKeyEscaped: writtenKeyLength != key.utf8.count, key: keys.count))
        keys.append(key)
        bytes.append(UInt8(ascii: ":"))
        return beginValue(depth: depth + 1)
    }

    /// Begins the next element of the array `serial` at `depth` (writes `,`); returns the serial of
    /// the element's value.
    func beginElement(depth: Int, serial: Int) throws -> Int {
        try resume(depth: depth, serial: serial, isObject: false)
        if frames[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[depth].count += 1
        return beginValue(depth: depth + 1)
    }

    private func beginValue(depth: Int) -> Int {
        let serial = newSerial()
        let slot = ValueSlot(serial: serial, start: bytes.count)
        if depth < slots.count { slots[depth] = slot } else { slots.append(slot) }
        return serial
    }

    /// The value of the member or element just begun in the frame `serial` at `depth` will be
    /// written later, through a super encoder.
    func deferValue(depth: Int, serial: Int) {
        guard depth < frames.count, frames[depth].serial == serial else { return }
        frames[depth].pendingValueStart = bytes.count
    }

    /// Elements begun so far in the array `serial` at `depth`.
    func count(depth: Int, serial: Int) -> Int {
        depth < frames.count && frames[depth].serial == serial ? frames[depth].count : 0
    }

    /// Makes the frame at `depth` the innermost one again, closing the nested containers its last
    /// member or element left open; throws when it is no longer the frame `serial`.
    private func resume(depth: Int, serial: Int, isObject: Bool) throws {
        close(downTo: depth + 1)
        guard depth < frames.count, frames[depth].serial == serial, frames[depth].isObject == isObject else {
            throw misuse(depth: depth, "a container was written to after it was closed")
        }
        settlePending(depth: depth)
    }

    private func settlePending(depth: Int) {
        guard frames[depth].pendingValueStart >= 0 else { return }
        if bytes.count == frames[depth].pendingValueStart { bytes.append(contentsOf: "{}".utf8) }
        frames[depth].pendingValueStart = -1
    }

    /// Closes frames until `count` are left open.
    private func close(downTo count: Int) {
        while frames.count > count {
            settlePending(depth: frames.count - 1)
            let frame = frames.removeLast()
            if frame.isObject {
                finishObject(frame)
                bytes.append(UInt8(ascii: "}"))
            } else {
                bytes.append(UInt8(ascii: "]"))
            }
        }
    }

    /// Puts the members of `frame` in key order, keeping only the last value of a key written twice.
    private func finishObject(_ frame: Frame) {
        let base = frame.membersBase
        let end = members.count
        let firstKey = base < end ? members[base].key : keys.count
        defer {
            keys.removeLast(keys.count - firstKey)
            members.removeLast(end - base)
        }
        guard end - base > 1 else { return }
        if (base..<(end - 1)).allSatisfy({ precedes(members[$0], members[$0 + 1]) }) { return }
        for index in base..<(end - 1) { members[index].end = members[index + 1].start - 1 }
        members[end - 1].end = bytes.count
        members[base..<end].sort { a, b in precedes(a, b) || (!precedes(b, a) && a.start < b.start) }
        for index in base..<(end - 1) where !precedes(members[index], members[index + 1]) {
            members[index].isSuperseded = true
        }
        let offset = frame.start + 1
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[offset...])
        bytes.removeSubrange(offset...)
        var first = true
        for index in base..<end where !members[index].isSuperseded {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(contentsOf: scratch[(members[index].start - offset)..<(members[index].end - offset)])
        }
    }

    /// Foundation's `.sortedKeys` order: keys compared by their UTF-8 bytes. Compares the first 8
    /// bytes as words (a shorter key is padded with zeros, below any byte that differs from them),
    /// then the key bytes already written, or the keys themselves where escaping changed them.
    private func precedes(_ a: Member, _ b: Member) -> Bool {
        if a.leadingBytes != b.leadingBytes { return a.leadingBytes < b.leadingBytes }
        if a.isKeyEscaped || b.isKeyEscaped { return keys[a.key].utf8.lexicographicallyPrecedes(keys[b.key].utf8) }
        return bytes.withUnsafeBufferPointer { written in
            var left = a.start + 1
            var right = b.start + 1
            let leftEnd = left + a.writtenKeyLength
            let rightEnd = right + b.writtenKeyLength
            while left < leftEnd && right < rightEnd {
                if written[left] != written[right] { return written[left] < written[right] }
                left += 1
                right += 1
            }
            return left == leftEnd && right < rightEnd
        }
    }

    // MARK: Paths and errors

    /// The coding path of a value at `depth`: the current member key or element index of each
    /// enclosing frame.
    func codingPath(depth: Int) -> [any CodingKey] {
        (0..<min(depth, frames.count)).map { level -> any CodingKey in
            let frame = frames[level]
            guard frame.isObject else { return PathKey(intValue: max(0, frame.count - 1)) }
            let next = level + 1 < frames.count ? frames[level + 1].membersBase : members.count
            return PathKey(stringValue: next > frame.membersBase ? keys[members[next - 1].key] : "")
        }
    }

    private func newSerial() -> Int {
        lastSerial += 1
        return lastSerial
    }

    private func misuse(depth: Int, _ description: String) -> EncodingError {
        EncodingError.invalidValue(
            description,
            .init(codingPath: codingPath(depth: depth), debugDescription: "CanonicalJSONEncoder: \(description)"))
    }

    /// Keeps the first misuse seen in a method that cannot throw.
    func record(_ error: any Error) {
        if failure == nil { failure = error }
    }
}
