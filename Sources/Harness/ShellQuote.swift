/// Command lines printed for the user to paste (`continue with: …`), quoted for a POSIX shell.
public enum ShellQuote {
    /// `word` unchanged when it has only characters no shell treats specially, else in single
    /// quotes with each `'` written as `'\''`.
    public static func quote(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "-_./=:,+@%".unicodeScalars.contains(scalar))
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The words quoted and joined by spaces.
    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }

    /// `arguments` with `--resume` appended (unless present), quoted: the command that continues
    /// the run these arguments started.
    public static func resumeCommand(_ arguments: [String]) -> String {
        join(arguments + (arguments.contains("--resume") ? [] : ["--resume"]))
    }
}
