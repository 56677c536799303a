/// A JSON object of ``CanonicalJSONWriter``: the frame at `depth` with serial `serial`. Members are
/// written as they come and sorted by key when the object closes.
struct CanonicalJSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: CanonicalJSONWriter
    let depth: Int
    let serial: Int

    var codingPath: [any CodingKey] { writer.codingPath(depth: depth) }

    private func begin(_ key: Key) throws -> Int {
        try writer.beginMember(key.stringValue, depth: depth, serial: serial)
    }

    mutating func encodeNil(forKey key: Key) throws {
        _ = try begin(key)
        writer.writeNull()
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeBool(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeString(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeDouble(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeFloat(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        _ = try begin(key)
        writer.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let valueSerial = try begin(key)
        try writer.write(value, depth: depth + 1, serial: valueSerial)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(
            CanonicalJSONKeyedContainer<NestedKey>(
                writer: writer, depth: depth + 1,
                serial: writer.container(isObject: true, depth: depth + 1, serial: beginRecordingMisuse(key))))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        CanonicalJSONUnkeyedContainer(
            writer: writer, depth: depth + 1,
            serial: writer.container(isObject: false, depth: depth + 1, serial: beginRecordingMisuse(key)))
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(named: "super")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key.stringValue)
    }

    private func superEncoder(named key: String) -> any Encoder {
        let valueSerial = beginRecordingMisuse(key)
        writer.deferValue(depth: depth, serial: serial)
        return CanonicalJSONValueEncoder(writer: writer, depth: depth + 1, serial: valueSerial)
    }

    private func beginRecordingMisuse(_ key: Key) -> Int {
        beginRecordingMisuse(key.stringValue)
    }

    /// Begins a member from a method that cannot throw; a misuse is kept and thrown when the
    /// document ends (the serial returned then belongs to no value).
    private func beginRecordingMisuse(_ key: String) -> Int {
        do {
            return try writer.beginMember(key, depth: depth, serial: serial)
        } catch {
            writer.record(error)
            return -1
        }
    }
}
