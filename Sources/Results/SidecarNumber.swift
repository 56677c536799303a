/// Number parsing for the text sidecar files (``TrajectoryFile``, ``ContourGridFile``): Swift's
/// shortest round-trip form plus `nan`, `inf`, `-inf` as written by `"\(Double)"`.
public enum SidecarNumber {
    public static func parse(_ field: Substring) -> Double? {
        switch field {
        case "nan": return .nan
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(field)
        }
    }
}
