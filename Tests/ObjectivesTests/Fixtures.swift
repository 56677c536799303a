import Foundation
import TestSupport

/// The decoded reference files of this target (read through TestSupport.FixtureFiles).
enum Fixtures {
    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        try FixtureFiles.decode(type, name)
    }

    /// `Fixtures/logistic_reference.json`, written by scripts/reference/logistic_reference.py.
    struct LogisticReference: Decodable {
        struct Synthetic: Decodable {
            var n: Int
            var d: Int
            var feature_conditioning: Double
            var label_noise: Double
            var seed: UInt64
        }
        struct Case: Decodable {
            var name: String
            var lambda: Double
            var rows: Int
            var columns: Int
            var f_star: Double
            var minimizer_norm: Double
            var gradient_norm: Double
            var minimizer: [Double]
        }
        var synthetic: Synthetic
        var synthetic_first_row: [Double]
        var cases: [Case]

        static func load() throws -> LogisticReference {
            try Fixtures.decode(LogisticReference.self, from: "logistic_reference.json")
        }

        func named(_ name: String) throws -> Case {
            guard let found = cases.first(where: { $0.name == name }) else { throw FixtureError.missing(name) }
            return found
        }
    }

    /// `Fixtures/least_squares_reference.json`, written by scripts/reference/least_squares_reference.py.
    struct LeastSquaresReference: Decodable {
        struct Case: Decodable {
            var name: String
            var n: Int
            var d: Int
            var feature_conditioning: Double
            var noise: Double
            var lam: Double
            var seed: UInt64
            var f_star: Double
            var smoothness: Double
            var strong_convexity: Double
            var minimizer: [Double]
            var first_row: [Double]
        }
        var cases: [Case]

        static func load() throws -> LeastSquaresReference {
            try Fixtures.decode(LeastSquaresReference.self, from: "least_squares_reference.json")
        }
    }

    enum FixtureError: Error { case missing(String) }
}

/// ‖v‖₂.
func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
