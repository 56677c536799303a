import ArgumentParser
import Foundation
import Harness
import SuiteLanguage

/// Where suites are found: the suites built into the binary (``ShippedSuites``, the repository's
/// suites/ at build time), to which a directory of suite files adds and whose names it overrides:
/// `--suites-dir`, else `$GDBENCH_SUITES`, else `./suites` when it exists. A path to a `.yaml` file
/// is read as given.
struct SuiteLocation: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Directory of suite files; they add to the built-in suites and override those of the same name "
                + "(default: $GDBENCH_SUITES, else ./suites).", valueName: "dir"))
    var suitesDir: String?

    var directory: String {
        suitesDir ?? ProcessInfo.processInfo.environment["GDBENCH_SUITES"] ?? "suites"
    }

    /// Where one suite comes from.
    enum Source {
        case file(String)
        case builtIn(name: String, text: String)

        /// The name shown in errors and recorded in the manifest (built-ins as
        /// `builtin:suites/NAME.yaml`, ``BuiltInSuiteFile``).
        var file: String {
            switch self {
            case .file(let path): return path
            case .builtIn(let name, _): return BuiltInSuiteFile.file(ofSuite: name)
            }
        }
    }

    /// Reads the suite `nameOrPath` (a name or a path to a `.yaml` file).
    func load(_ nameOrPath: String, with loader: SuiteLoader) throws -> Suite {
        switch try source(for: nameOrPath) {
        case .file(let path): return try loader.load(path: path)
        case .builtIn(let name, let text):
            return try loader.load(text: text, file: Source.builtIn(name: name, text: text).file)
        }
    }

    /// A path as given when it names a file, else `directory/NAME.yaml` when it exists, else the built-in suite.
    func source(for nameOrPath: String) throws -> Source {
        if FileManager.default.fileExists(atPath: nameOrPath), nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/")
        {
            return .file(nameOrPath)
        }
        if nameOrPath.contains("/") {
            throw InputError("\(nameOrPath): no such file")
        }
        let name = nameOrPath.hasSuffix(".yaml") ? String(nameOrPath.dropLast(5)) : nameOrPath
        let path = (directory as NSString).appendingPathComponent("\(name).yaml")
        if FileManager.default.fileExists(atPath: path) { return .file(path) }
        if let text = ShippedSuites.texts[name] { return .builtIn(name: name, text: text) }
        let known = suiteNames()
        let hint = NearestName.hint(for: name, in: known)
        throw InputError(
            """
            no suite '\(name)'\(hint) (not built in, no \(path)); known: \(known.joined(separator: ", ")). \
            Give a path to a .yaml file, or a directory of suites with --suites-dir DIR (or $GDBENCH_SUITES)
            """)
    }

    /// The names in the suites directory.
    func localNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Every suite name: built-in and local.
    func suiteNames() -> [String] {
        Array(Set(localNames()).union(ShippedSuites.texts.keys)).sorted()
    }

    /// `built-in`, `local` or `local, overrides built-in`.
    func origin(of name: String) -> String {
        let local = localNames().contains(name)
        let builtIn = ShippedSuites.texts[name] != nil
        switch (local, builtIn) {
        case (true, true):
            return "\((directory as NSString).appendingPathComponent("\(name).yaml")), overrides built-in"
        case (true, false): return (directory as NSString).appendingPathComponent("\(name).yaml")
        default: return "built-in"
        }
    }
}
