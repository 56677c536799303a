import Foundation

/// One known local minimiser of a multimodal objective: its name (the basin's name in records and
/// figures), where it is, f there, and whether it is a global minimiser.
public struct KnownMinimum: Sendable, Equatable {
    public var name: String
    public var point: [Double]
    public var value: Double
    public var isGlobal: Bool

    public init(name: String, point: [Double], value: Double, isGlobal: Bool) {
        self.name = name
        self.point = point
        self.value = value
        self.isGlobal = isGlobal
    }

    /// "(a, b)" with each coordinate to 2 decimals: the name of a minimum given by its coordinates.
    public static func name(of point: [Double]) -> String {
        "("
            + point.map { coordinate in
                let text = String(format: "%.2f", coordinate)
                return text == "-0.00" ? "0.00" : text
            }.joined(separator: ", ") + ")"
    }
}
