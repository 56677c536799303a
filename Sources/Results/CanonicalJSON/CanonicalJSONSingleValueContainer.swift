/// The single value container of ``CanonicalJSONValueEncoder``: writes the value at `depth` once.
struct CanonicalJSONSingleValueContainer: SingleValueEncodingContainer {
    let writer: CanonicalJSONWriter
    let depth: Int
    let serial: Int

    var codingPath: [any CodingKey] { writer.codingPath(depth: depth) }

    private func claim() throws { try writer.claimSingleValue(depth: depth, serial: serial) }

    mutating func encodeNil() throws {
        try claim()
        writer.writeNull()
    }
    mutating func encode(_ value: Bool) throws {
        try claim()
        writer.writeBool(value)
    }
    mutating func encode(_ value: String) throws {
        try claim()
        writer.writeString(value)
    }
    mutating func encode(_ value: Double) throws {
        try claim()
        writer.writeDouble(value)
    }
    mutating func encode(_ value: Float) throws {
        try claim()
        writer.writeFloat(value)
    }
    mutating func encode(_ value: Int) throws {
        try claim()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int8) throws {
        try claim()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int16) throws {
        try claim()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int32) throws {
        try claim()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: Int64) throws {
        try claim()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt) throws {
        try claim()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt8) throws {
        try claim()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt16) throws {
        try claim()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt32) throws {
        try claim()
        writer.writeInteger(value)
    }
    mutating func encode(_ value: UInt64) throws {
        try claim()
        writer.writeInteger(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try claim()
        try writer.write(value, depth: depth, serial: serial)
    }
}
