import Foundation

/// The golden values written by the independent C program `scripts/reference/rng_reference.c`
/// (committed with its output `scripts/reference/rng_reference.txt`).
struct ReferenceFile {
    struct Entry {
        var name: String
        var key: String
        var index: Int
        var value: String
    }
    let entries: [Entry]

    init() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/reference/rng_reference.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        entries = text.split(separator: "\n").map { line in
            // name key index value, where key may be a quoted label containing no spaces
            let parts = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            return Entry(name: parts[0], key: parts[1], index: Int(parts[2])!, value: parts[3])
        }
    }

    func values(_ name: String, key: String) -> [String] {
        entries.filter { $0.name == name && $0.key == key }.sorted { $0.index < $1.index }.map(\.value)
    }
}
