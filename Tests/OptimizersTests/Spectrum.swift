import Foundation

/// λ spaced linearly or geometrically in [low, high] (numpy linspace / geomspace).
enum Spectrum {
    static func linear(_ low: Double, _ high: Double, count: Int) -> [Double] {
        (0..<count).map { low + (high - low) * Double($0) / Double(count - 1) }
    }

    static func geometric(_ low: Double, _ high: Double, count: Int) -> [Double] {
        (0..<count).map { low * Foundation.pow(high / low, Double($0) / Double(count - 1)) }
    }
}
