/// The name of the command hints tell the user to run (`gdbench check --suite smoke --update-baseline`):
/// `gdbench`, or the executable of a package that runs gdbench's command line with its own kinds
/// (`GdbenchCommand.main(catalog:commandName:)` sets it once at start-up).
public enum CommandName {
    nonisolated(unsafe) public static var current = "gdbench"
}
