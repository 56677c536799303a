import Results

/// The rule for suite names (``RunDirectory/checkComponent(_:what:)`` enforces it again where a
/// directory is made): letters, digits, `.`, `_`, `-`; not `.` or `..`; 1 … 100 characters.
public enum SuiteName {
    /// Why `name` is not a valid suite name, or nil when it is.
    public static func problem(_ name: String) -> String? {
        if name.count > SuiteLoader.Bounds.nameLength {
            return "a suite name has at most \(SuiteLoader.Bounds.nameLength) characters, found \(name.count)"
        }
        if let reason = RunDirectory.componentProblem(name) {
            return "'\(name.debugDescription.dropFirst().dropLast())' is not a suite name: \(reason)"
        }
        return nil
    }
}
