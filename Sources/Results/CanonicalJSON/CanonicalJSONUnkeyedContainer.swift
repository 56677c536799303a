/// A JSON array of ``CanonicalJSONWriter``: the frame at `depth` with serial `serial`.
struct CanonicalJSONUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: CanonicalJSONWriter
    let depth: Int
    let serial: Int

    var codingPath: [any CodingKey] { writer.codingPath(depth: depth) }
    var count: Int { writer.count(depth: depth, serial: serial) }

    private func begin() throws -> Int {
        try writer.beginElement(depth: depth, serial: serial)
    }

    mutating func encodeNil() throws {
        _ = try begin()
        writer.writeNull()
    }
    mutating func encode(_ value: Bool) throws {
        _ = try begin()
        writer.writeBool(value)
    }
    mutating func encode(_ value: String) throws {
        _ = try begin()
        writer.writeString(value)
    }
    mutating func encode(_ value: Double) throws {
        _ = try begin()
        writer.writeDouble(value)
    }
    mutating func encode(_ value: Float) throws {
        _ = try begin()
        writer.writeFloat(value)
    }
    mutating func encode(_ value: Int) throws {
        _ = try begin()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int8) throws {
        _ = try begin()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int16) throws {
        _ = try begin()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int32) throws {
        _ = try begin()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int64) throws {
        _ = try begin()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt) throws {
        _ = try begin()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt8) throws {
        _ = try begin()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt16) throws {
        _ = try begin()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt32) throws {
        _ = try begin()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt64) throws {
        _ = try begin()
        writer.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let valueSerial = try begin()
        try writer.write(value, depth: depth + 1, serial: valueSerial)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        KeyedEncodingContainer(
            CanonicalJSONKeyedContainer<NestedKey>(
                writer: writer, depth: depth + 1,
                serial: writer.container(isObject: true, depth: depth + 1, serial: beginRecordingMisuse())))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        CanonicalJSONUnkeyedContainer(
            writer: writer, depth: depth + 1,
            serial: writer.container(isObject: false, depth: depth + 1, serial: beginRecordingMisuse()))
    }

    mutating func superEncoder() -> any Encoder {
        let valueSerial = beginRecordingMisuse()
        writer.deferValue(depth: depth, serial: serial)
        return CanonicalJSONValueEncoder(writer: writer, depth: depth + 1, serial: valueSerial)
    }

    /// Begins an element from a method that cannot throw; a misuse is kept and thrown when the
    /// document ends (the serial returned then belongs to no value).
    private func beginRecordingMisuse() -> Int {
        do {
            return try writer.beginElement(depth: depth, serial: serial)
        } catch {
            writer.record(error)
            return -1
        }
    }
}
