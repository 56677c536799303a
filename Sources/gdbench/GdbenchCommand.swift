import Diagnostics
import Foundation
import Harness
import Results

/// The complete `gdbench` command line — run, validate, check, plot, report, describe, list, merge,
/// bench — as a library entry point, for a package that adds its own problems, optimizers or
/// schedules to the catalog (scripts/examples/custom-optimizer):
/// ```swift
/// import GdbenchCommandLine
/// var catalog = Catalog.builtIn
/// catalog.optimizers.append(signDescent)
/// GdbenchCommand.main(catalog: catalog)
/// ```
/// `commandName` (default: the executable's file name) is the name help texts and printed hints use,
/// so that a hint such as `… check --suite smoke --update-baseline` runs this executable, which
/// knows the added kinds. The `gdbench` executable is `GdbenchCommand.main()`.
public enum GdbenchCommand {
    public static func main(catalog: Catalog = .builtIn, commandName: String? = nil) -> Never {
        CommandContext.catalog = catalog
        let name = commandName ?? CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent } ?? "gdbench"
        CommandContext.commandName = name
        CommandName.current = name
        Gdbench.main()
        exit(ExitStatus.success.code)
    }
}
