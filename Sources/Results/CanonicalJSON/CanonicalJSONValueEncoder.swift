/// The `Encoder` handed to a value's `encode(to:)` by ``CanonicalJSONWriter``: the value at `depth`
/// whose slot is `serial`. Three words, so it is passed as `any Encoder` without a heap box.
struct CanonicalJSONValueEncoder: Encoder {
    let writer: CanonicalJSONWriter
    let depth: Int
    let serial: Int

    var codingPath: [any CodingKey] { writer.codingPath(depth: depth) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(
            CanonicalJSONKeyedContainer<Key>(
                writer: writer, depth: depth, serial: writer.container(isObject: true, depth: depth, serial: serial)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CanonicalJSONUnkeyedContainer(
            writer: writer, depth: depth, serial: writer.container(isObject: false, depth: depth, serial: serial))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CanonicalJSONSingleValueContainer(writer: writer, depth: depth, serial: serial)
    }
}
