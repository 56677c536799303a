import Randomness
import Testing

/// Generators and mappings against the independent C reference (scripts/reference/rng_reference.c).
struct GeneratorGoldenTests {
    static let seeds: [UInt64] = [0, 1, 42, 0xDEAD_BEEF_CAFE_F00D]

    @Test(arguments: seeds)
    func splitMix64MatchesReference(seed: UInt64) throws {
        let expected = try ReferenceFile().values("splitmix64", key: "\(seed)").map { UInt64($0)! }
        #expect(expected.count == 5)
        var generator = SplitMix64(state: seed)
        #expect(expected.map { _ in generator.next() } == expected)
    }

    @Test(arguments: seeds)
    func xoshiroMatchesReference(seed: UInt64) throws {
        let expected = try ReferenceFile().values("xoshiro256ss", key: "\(seed)").map { UInt64($0)! }
        #expect(expected.count == 10)
        var generator = Xoshiro256StarStar(seed: seed)
        #expect(expected.map { _ in generator.next() } == expected)
    }

    @Test(arguments: seeds)
    func unitDoublesMatchReference(seed: UInt64) throws {
        let expected = try ReferenceFile().values("unit", key: "\(seed)").map { Double($0)! }
        var generator = Xoshiro256StarStar(seed: seed)
        let actual = expected.map { _ in generator.nextUnitDouble() }
        #expect(actual.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test(arguments: seeds)
    func gaussiansMatchReference(seed: UInt64) throws {
        let expected = try ReferenceFile().values("gaussian", key: "\(seed)").map { Double($0)! }
        #expect(expected.count == 7)
        var generator = Xoshiro256StarStar(seed: seed)
        let actual = expected.map { _ in generator.nextGaussian() }
        #expect(actual.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test(arguments: seeds)
    func boundedIntegersAndShuffleMatchReference(seed: UInt64) throws {
        let reference = try ReferenceFile()
        let expectedInts = reference.values("int_below_10", key: "\(seed)").map { Int($0)! }
        var generator = Xoshiro256StarStar(seed: seed)
        #expect(expectedInts.map { _ in generator.nextInt(below: 10) } == expectedInts)

        let expectedShuffle = reference.values("shuffle10", key: "\(seed)").map { Int($0)! }
        var shuffler = Xoshiro256StarStar(seed: seed)
        var values = Array(0..<10)
        shuffler.shuffle(&values)
        #expect(values == expectedShuffle)
    }

    @Test func fnvAndDeriveMatchReference() throws {
        let reference = try ReferenceFile()
        let labels = ["", "a", "quadratic[d=100,kappa=1e4,rotation=random]", "adam[lr=0.01]", "rep=3"]
        for label in labels {
            let quoted = "\"\(label)\""
            #expect(SeedDerivation.fnv1a64(label) == UInt64(reference.values("fnv1a64", key: quoted)[0])!)
            #expect(SeedDerivation.derive(42, label) == UInt64(reference.values("derive42", key: quoted)[0])!)
        }
    }
}
