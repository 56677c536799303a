import Foundation
import Harness
import Results

/// What the entry point (``GdbenchCommand/main(catalog:commandName:)``) fixes before the command line is
/// parsed: the catalog suites are read against and the command's name in help and hints. Set once,
/// before any command runs; read only afterwards.
enum CommandContext {
    nonisolated(unsafe) static var catalog: Catalog = .builtIn
    nonisolated(unsafe) static var commandName = "gdbench"
}
