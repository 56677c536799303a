import Foundation

/// The bytes of a suite file turned into text, or a ``SuiteError`` saying why they are not a suite:
/// a missing file, a directory, an unreadable file, a UTF-8 byte-order mark (YAML 1.2 allows it, but
/// the suite digest is taken over the bytes and editors disagree about keeping it, so gdbench asks for
/// plain UTF-8), a NUL byte (binary data), bytes that are not UTF-8 (with the line and byte offset), or
/// more than ``maximumBytes`` bytes (refused before they are read or parsed).
enum SuiteText {
    /// The largest suite file accepted: 1 MiB, a hundred times the largest shipped suite; a grid that
    /// needs more text is better written with lists of alternatives.
    static let maximumBytes = 1 << 20

    static func tooLarge(_ size: Int, file: String) -> SuiteError {
        SuiteError(
            file: file, line: nil, keyPath: "",
            message: "too large: \(size) bytes, a suite file may have at most \(maximumBytes) bytes (1 MiB)")
    }

    static func read(path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SuiteError(file: path, line: nil, keyPath: "", message: "no such file")
        }
        if isDirectory.boolValue {
            throw SuiteError(file: path, line: nil, keyPath: "", message: "is a directory, not a suite file")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        // A device (/dev/zero, /dev/stdin) or a FIFO would be read forever or block: only regular files.
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw SuiteError(
                file: path, line: nil, keyPath: "",
                message: "not a regular file (a device, socket or pipe), not a suite file")
        }
        if let size = attributes?[.size] as? Int, size > maximumBytes {
            throw tooLarge(size, file: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SuiteError(
                file: path, line: nil, keyPath: "",
                message: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        return try decode([UInt8](data), file: path)
    }

    static func decode(_ bytes: [UInt8], file: String) throws -> String {
        if bytes.count > maximumBytes { throw tooLarge(bytes.count, file: file) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw SuiteError(
                file: file, line: 1, keyPath: "",
                message: "starts with a UTF-8 byte-order mark; save the file as UTF-8 without BOM")
        }
        if let offset = bytes.firstIndex(of: 0) {
            throw SuiteError(
                file: file, line: line(at: offset, in: bytes), keyPath: "",
                message: "binary data (a NUL byte at byte offset \(offset)), not a YAML text file")
        }
        if let offset = firstInvalidUTF8(bytes) {
            throw SuiteError(
                file: file, line: line(at: offset, in: bytes), keyPath: "",
                message: "not UTF-8 text (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at byte offset "
                    + "\(offset))")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Checks text given directly (``SuiteLoader/load(text:file:)``) the same way.
    static func check(_ text: String, file: String) throws {
        if text.utf8.count > maximumBytes { throw tooLarge(text.utf8.count, file: file) }
        if text.unicodeScalars.first == "\u{FEFF}" {
            throw SuiteError(
                file: file, line: 1, keyPath: "",
                message: "starts with a UTF-8 byte-order mark; save the file as UTF-8 without BOM")
        }
        if let index = text.utf8.firstIndex(of: 0) {
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: index)
            throw SuiteError(
                file: file, line: line(at: offset, in: Array(text.utf8)), keyPath: "",
                message: "binary data (a NUL byte at byte offset \(offset)), not a YAML text file")
        }
    }

    /// 1-based line of the byte at `offset`.
    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        bytes[..<offset].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (Unicode 15 §3.9, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F:
                index += 1
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return index
            }
            for position in 1..<length {
                guard index + position < bytes.count else { return index }
                let byte = bytes[index + position]
                let range = position == 1 ? low...high : 0x80...0xBF
                guard range.contains(byte) else { return index }
            }
            index += length
        }
        return nil
    }
}
