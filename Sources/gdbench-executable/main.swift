// The `gdbench` executable: the command line of the GdbenchCommandLine library with the built-in catalog.
import GdbenchCommandLine

GdbenchCommand.main(commandName: "gdbench")
