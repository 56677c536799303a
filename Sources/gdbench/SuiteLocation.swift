import ArgumentParser
import Foundation
import Harness
import SuiteLanguage

/// Where suites are found: `--suites-dir`, else `$GDBENCH_SUITES`, else `./suites`.
struct SuiteLocation: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory of suite files (default: $GDBENCH_SUITES or ./suites).", valueName: "dir"))
    var suitesDir: String?

    var directory: String {
        suitesDir ?? ProcessInfo.processInfo.environment["GDBENCH_SUITES"] ?? "suites"
    }

    /// A path as given when it names a file, else `directory/NAME.yaml`.
    func path(for nameOrPath: String) throws -> String {
        if FileManager.default.fileExists(atPath: nameOrPath), nameOrPath.hasSuffix(".yaml") || nameOrPath.contains("/") {
            return nameOrPath
        }
        if nameOrPath.contains("/") {
            throw InputError("\(nameOrPath): no such file")
        }
        let path = (directory as NSString).appendingPathComponent(nameOrPath.hasSuffix(".yaml") ? nameOrPath : "\(nameOrPath).yaml")
        guard FileManager.default.fileExists(atPath: path) else {
            let known = suiteNames()
            let hint = NearestName.hint(for: nameOrPath, in: known)
            throw InputError("no suite '\(nameOrPath)' (looked for \(path))\(hint); known: \(known.joined(separator: ", "))")
        }
        return path
    }

    func suiteNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }
}
