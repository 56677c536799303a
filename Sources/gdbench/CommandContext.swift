import Foundation
import Harness

/// What the entry point (``GdbenchCommand/main(catalog:commandName:)``) fixes before the command line is
/// parsed: the catalog suites are read against and the command's name in help and hints. Set once at
/// start-up (tests may set it too, hence the lock).
enum CommandContext {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var storedCatalog: Catalog = .builtIn
    nonisolated(unsafe) private static var storedName = "gdbench"

    static var catalog: Catalog {
        get { lock.withLock { storedCatalog } }
        set { lock.withLock { storedCatalog = newValue } }
    }

    static var commandName: String {
        get { lock.withLock { storedName } }
        set { lock.withLock { storedName = newValue } }
    }
}
