import Diagnostics
import Foundation
import Objectives

/// How a suite built into the binary is named and where what it refers to is found. A built-in
/// suite's file is `builtin:suites/NAME.yaml` (in errors and in the run's manifest), so the paths
/// written in it resolve as they do in a checkout: its data files (`data/NAME.csv`) to
/// `builtin:suites/data/NAME.csv`, the copy embedded in the binary (``ShippedDataFiles``, same bytes
/// and SHA-256 as the file), and its external commands run in `share/gdbench/suites` beside the
/// installed binary (`PREFIX/bin/gdbench` → `PREFIX/share/gdbench/suites`, copied by scripts/install
/// with the example clients they start).
public enum BuiltInSuiteFile {
    public static let scheme = DataFileReader.builtInScheme

    /// The file name of the built-in suite `name`.
    public static func file(ofSuite name: String) -> String { "\(scheme)suites/\(name).yaml" }

    public static func isBuiltIn(_ file: String) -> Bool { file.hasPrefix(scheme) }

    /// The installed copy of suites/ beside the running binary: `BIN/../share/gdbench/suites`.
    public static var installedSuitesDirectory: String? {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        return executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/gdbench/suites").path
    }

    /// The directory in which the commands of the suite `file` run: the suite file's own directory,
    /// for a built-in suite the installed copy of suites/ (throws when there is none).
    public static func commandDirectory(ofSuite file: String) throws -> String {
        guard isBuiltIn(file) else { return URL(fileURLWithPath: file).deletingLastPathComponent().path }
        let installed = installedSuitesDirectory
        var isDirectory: ObjCBool = false
        if let installed, FileManager.default.fileExists(atPath: installed, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            return installed
        }
        throw BuiltInSuiteError(
            "the built-in suite's commands run in the installed copy of suites/ "
                + "(\(installed ?? "BIN/../share/gdbench/suites")), which does not exist: install gdbench with "
                + "scripts/install --prefix DIR (it copies suites/ and clients/ to DIR/share/gdbench), or run the "
                + "suite from a checkout (--suites-dir CHECKOUT/suites)")
    }
}

/// A built-in suite refers to something this installation does not have.
public struct BuiltInSuiteError: GdbenchError {
    public var message: String
    init(_ message: String) { self.message = message }
}
