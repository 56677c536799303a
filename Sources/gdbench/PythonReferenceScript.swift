import Foundation

/// A timing script of `scripts/reference/` run with the Python of `--python` (else `$GDBENCH_PYTHON`); its
/// standard output is one JSON object, a reference column of `gdbench bench`. Every way the column can be
/// missing is an ``Absence`` whose reason the bench prints under its table, and, where something failed rather
/// than was not asked for, on standard error too: an empty column never goes unexplained.
struct PythonReferenceScript {
    /// Why a reference column is empty.
    struct Absence: Error {
        var reason: String
    }

    /// The Python given; nil when neither `--python` nor `$GDBENCH_PYTHON` names one.
    var python: String?
    /// The script's path, relative to the working directory (the repository).
    var script: String
    var arguments: [String] = []
    /// The packages the script imports, for the message when no Python is given.
    var needs: String
    /// The option that names another script, if the command has one.
    var scriptOption: String?
    /// Whether the script's standard error reaches the terminal (a traceback); otherwise the warning stands
    /// alone, for scripts whose packages are often not installed.
    var showsErrors = true

    /// The Python of `--python`, else `$GDBENCH_PYTHON`.
    static func python(given: String?) -> String? { given ?? ProcessInfo.processInfo.environment["GDBENCH_PYTHON"] }

    /// Runs the script and decodes its output as `Reply`.
    func run<Reply: Decodable>(as _: Reply.Type) -> Result<Reply, Absence> {
        guard let python else {
            return .failure(
                Absence(
                    reason: "no Python given; install \(needs) (scripts/reference/requirements.txt) "
                        + "and pass --python PATH or set GDBENCH_PYTHON"))
        }
        guard FileManager.default.fileExists(atPath: script) else {
            let directory = FileManager.default.currentDirectoryPath
            return failed(
                "the timing script \(script) does not exist here (\(directory)); run from the repository"
                    + (scriptOption.map { " or pass \($0) PATH" } ?? ""))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
        let output = Pipe()
        process.standardOutput = output
        if !showsErrors { process.standardError = FileHandle.nullDevice }
        do {
            try process.run()
        } catch {
            return failed("could not start \(python): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return failed(
                "\(python) \(script) failed (exit \(process.terminationStatus))"
                    + (showsErrors ? "" : "; is \(needs) installed?"))
        }
        do {
            return .success(try JSONDecoder().decode(Reply.self, from: data))
        } catch {
            return failed("\(python) \(script) printed no timing table: \(error)")
        }
    }

    /// A failure: said on standard error now, and returned for the note under the table.
    private func failed<Reply>(_ reason: String) -> Result<Reply, Absence> {
        FileHandle.standardError.write(Data("warning: \(reason)\n".utf8))
        return .failure(Absence(reason: reason))
    }
}
