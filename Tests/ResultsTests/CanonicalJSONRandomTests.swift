import Foundation
import Randomness
import Results
import Testing

/// ``CanonicalJSONEncoder`` against Foundation's `JSONEncoder` on seeded random records and random
/// JSON-shaped trees: strings from an alphabet of escapes and non-ASCII, doubles from every binade
/// (and raw bit patterns: subnormals, NaN, ±∞), optionals present or absent, empty and long arrays,
/// dictionaries with keys that differ in case or by a prefix.
@Suite struct CanonicalJSONRandomTests {
    struct Draw {
        var generator: Xoshiro256StarStar

        mutating func int(below bound: Int) -> Int { generator.nextInt(below: bound) }
        mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { int(below: denominator) < numerator }

        static let characters: [String] =
            [
                "a", "b", "z", "A", "Z", "_", "0", "9", " ", "/", "\"", "\\", "\u{7F}", "×", "−", "≤",
                "é", "\u{301}", "😀", "\u{FFFF}", "[", "=", ",", ":", "{",
            ]
            + (0x00...0x1F).map { String(UnicodeScalar(UInt8($0))) }

        mutating func string(maximumLength: Int = 12) -> String {
            (0..<int(below: maximumLength + 1)).map { _ in Self.characters[int(below: Self.characters.count)] }.joined()
        }

        static let keys = [
            "", "a", "A", "ab", "aB", "a_", "aa", "b", "B", "lr", "LR", "lr2", "l", "10", "9", "a\"", "a!", "#", "é",
            "\u{1}",
        ]

        mutating func key() -> String {
            chance(3, in: 4) ? Self.keys[int(below: Self.keys.count)] : string(maximumLength: 4)
        }

        mutating func dictionary() -> [String: String] {
            var result: [String: String] = [:]
            for _ in 0..<int(below: 6) { result[key()] = string() }
            return result
        }

        static let specials: [Double] = [
            0, -0.0, 1, -1, 0.1, 1e-5, 1e16, 1e21, 5e-324, .nan, .infinity, -.infinity,
            .greatestFiniteMagnitude, .leastNormalMagnitude, 9_007_199_254_740_992,
        ]

        mutating func double() -> Double {
            switch int(below: 5) {
            case 0: return Double(bitPattern: generator.next())
            case 1: return Self.specials[int(below: Self.specials.count)]
            case 2: return Double(int(below: 2_000_001) - 1_000_000) * (chance(1, in: 2) ? 1 : 1e15)
            case 3:
                return generator.nextDouble(in: -1, 1)
                    * Double(sign: .plus, exponent: int(below: 2099) - 1074, significand: 1)
            default: return generator.nextUnitDouble() * 10
            }
        }

        mutating func optional<T>(_ make: (inout Draw) -> T) -> T? {
            chance(1, in: 3) ? nil : make(&self)
        }

        mutating func integer() -> Int {
            chance(1, in: 10) ? Int(bitPattern: UInt(truncatingIfNeeded: generator.next())) : int(below: 100_000)
        }

        mutating func checkpoint() -> Checkpoint {
            Checkpoint(
                iteration: integer(), gradientEvaluations: integer(), functionEvaluations: integer(),
                hessianVectorProducts: integer(), hessianEvaluations: integer(), epochs: optional { $0.double() },
                seconds: optional { $0.double() })
        }

        mutating func record() -> RunRecord {
            let traceLength = chance(1, in: 10) ? 200 + int(below: 200) : int(below: 12)
            return RunRecord(
                id: string(), suite: string(),
                problem: ProblemIdentity(
                    id: string(), kind: string(), parameters: dictionary(), batchSize: optional { $0.integer() },
                    gradientNoise: double(), dimension: integer(), sampleCount: optional { $0.integer() },
                    smoothness: optional { $0.double() }, strongConvexity: optional { $0.double() },
                    conditionNumber: optional { $0.double() }),
                optimizer: OptimizerIdentity(
                    id: string(), kind: string(), parameters: dictionary(),
                    schedule: optional { ScheduleIdentity(kind: $0.string(), parameters: $0.dictionary()) }),
                repetition: integer(), problemSeed: RunRecord.hex(generator.next()),
                runSeed: RunRecord.hex(generator.next()),
                status: RunStatus.allCases[int(below: RunStatus.allCases.count)],
                message: optional { $0.string(maximumLength: 40) },
                targets: TargetResults(
                    measure: TargetMeasure.allCases[int(below: TargetMeasure.allCases.count)],
                    ladder: (0..<int(below: 6)).map { _ in
                        TargetHit(threshold: double(), hit: optional { $0.checkpoint() })
                    }),
                milestones: (0..<int(below: 3)).map { _ in
                    MilestoneResult(name: string(), valueThreshold: double(), hit: optional { $0.checkpoint() })
                },
                initialValue: double(), optimalValue: optional { $0.double() },
                final: FinalState(
                    progress: checkpoint(), value: double(), gap: optional { $0.double() },
                    relativeGap: optional { $0.double() }, gradientNorm: double(), distance: optional { $0.double() },
                    heldOutAccuracy: optional { $0.double() }),
                wallTime: WallTime(medianSeconds: double(), repeats: (0..<int(below: 5)).map { _ in double() }),
                trace: (0..<traceLength).map { _ in
                    TracePoint(
                        iteration: integer(), gradientEvaluations: integer(), functionEvaluations: integer(),
                        epochs: optional { $0.double() }, seconds: optional { $0.double() }, value: double(),
                        gap: optional { $0.double() }, gradientNorm: double(), learningRate: optional { $0.double() },
                        fingerprint: RunRecord.hex(generator.next()))
                },
                finalFingerprint: RunRecord.hex(generator.next()))
        }

        /// A random JSON-shaped value, `depth` levels deep at most.
        mutating func tree(depth: Int) -> Tree {
            switch int(below: depth > 0 ? 8 : 6) {
            case 0: return .null
            case 1: return .bool(chance(1, in: 2))
            case 2: return .integer(integer())
            case 3: return .float(Float(bitPattern: UInt32(truncatingIfNeeded: generator.next())))
            case 4: return .double(double())
            case 5: return .string(string())
            case 6: return .array((0..<int(below: 5)).map { _ in tree(depth: depth - 1) })
            default:
                var members: [String: Tree] = [:]
                for _ in 0..<int(below: 5) { members[key()] = tree(depth: depth - 1) }
                return .object(members)
            }
        }
    }

    indirect enum Tree: Encodable {
        case null
        case bool(Bool)
        case integer(Int)
        case float(Float)
        case double(Double)
        case string(String)
        case array([Tree])
        case object([String: Tree])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .float(let value): try container.encode(value)
            case .double(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .array(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }
    }

    @Test func randomRecordsAreWrittenAsFoundationWritesThem() throws {
        var draw = Draw(generator: Xoshiro256StarStar(seed: 0x5EED_0001))
        var differing: [Int] = []
        for index in 0..<300 {
            let record = draw.record()
            if try RecordCoding.line(record) != FoundationJSON.line(record) { differing.append(index) }
        }
        #expect(differing.isEmpty)
    }

    @Test func randomTreesAreWrittenAsFoundationWritesThem() throws {
        var draw = Draw(generator: Xoshiro256StarStar(seed: 0x5EED_0002))
        var differing: [Int] = []
        for index in 0..<500 {
            let tree = draw.tree(depth: 4)
            if try CanonicalJSONEncoder.encode(tree) != FoundationJSON.bytes(tree) { differing.append(index) }
        }
        #expect(differing.isEmpty)
    }
}
