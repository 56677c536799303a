import Foundation

/// The committed reference files, located from the test sources through `#filePath` (not as SwiftPM
/// resources): `Tests/<Target>/Fixtures/<name>` for the target whose source file calls.
public enum FixtureFiles {
    /// The `Fixtures` folder next to the calling source file (`filePath` defaults to the caller's).
    public static func directory(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// `Fixtures/<name>` next to the calling source file.
    public static func url(_ name: String, filePath: String = #filePath) -> URL {
        directory(filePath: filePath).appendingPathComponent(name)
    }

    /// The repository root: two folders above the calling source file's folder (`Tests/<Target>/`).
    public static func repositoryRoot(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `Fixtures/<name>` next to the calling source file, decoded from JSON.
    public static func decode<T: Decodable>(_ type: T.Type, _ name: String, filePath: String = #filePath) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: url(name, filePath: filePath)))
    }
}
