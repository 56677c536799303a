import Objectives
import Optimizers
import Testing

/// Every catalog kind against the learning rates the real libraries produce
/// (`scripts/reference/schedule_fixtures.py`): torch's values as written into
/// `param_groups[0]['lr']`, optax's evaluated on Python ints (float64).
///
/// "exact" cases must agree bit for bit (gdbench performs the library's floating-point
/// operations). "relative" cases — torch's recursive get_lr (StepLR, MultiStepLR, ConstantLR,
/// LinearLR, ExponentialLR, PolynomialLR, CosineAnnealingLR, SequentialLR) and the cross-library
/// equivalences of reference §B.3 — must agree to |a − b| ≤ 1e−12·|b|.
struct ScheduleGoldenTests {
    static let relativeTolerance = 1e-12

    /// Mismatches of one case, as readable lines (empty when the case passes).
    static func mismatches(_ fixture: ScheduleFixtures.Case) throws -> [String] {
        let kind = try #require(ScheduleCatalog.kind(named: fixture.kind), "unknown kind \(fixture.kind)")
        let schedule = try kind.make(fixture.parameterSet, fixture.baseLearningRate)
        var lines: [String] = []
        for (step, expected) in fixture.lr.enumerated() {
            let actual = schedule(step)
            let agrees =
                fixture.match == "exact"
                ? actual == expected
                : abs(actual - expected) <= relativeTolerance * abs(expected)
            if !agrees { lines.append("k=\(step): gdbench \(actual), \(fixture.library) \(expected)") }
        }
        return lines
    }

    @Test("torch lr_scheduler sequences", arguments: try ScheduleFixtures.cases("schedules_torch.json"))
    func torchSequence(_ fixture: ScheduleFixtures.Case) throws {
        let lines = try Self.mismatches(fixture)
        #expect(lines.isEmpty, "\(fixture.call): \(lines.prefix(5).joined(separator: "; "))")
    }

    @Test(
        "optax schedule sequences and §B.3 equivalences", arguments: try ScheduleFixtures.cases("schedules_optax.json"))
    func optaxSequence(_ fixture: ScheduleFixtures.Case) throws {
        let lines = try Self.mismatches(fixture)
        #expect(lines.isEmpty, "\(fixture.call): \(lines.prefix(5).joined(separator: "; "))")
    }

    @Test("every catalog kind is checked against a library fixture")
    func fixturesCoverTheCatalog() throws {
        let covered = Set(
            try ScheduleFixtures.cases("schedules_torch.json").map(\.kind)
                + ScheduleFixtures.cases("schedules_optax.json").map(\.kind))
        let missing = ScheduleCatalog.kinds.map(\.name).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "kinds without golden values: \(missing)")
    }

    /// The trajectory fixture names its schedules as the catalog does; the lr torch used at each
    /// update must be what the named kind gives (so the optimizer-trajectory test can trust it).
    @Test(
        "schedule_driven_trajectories.json names its schedules as the catalog does",
        arguments: try ScheduleFixtures.drivenCases())
    func drivenTrajectorySchedules(_ fixture: ScheduleFixtures.DrivenCase) throws {
        let kind = try #require(ScheduleCatalog.kind(named: fixture.schedule.kind))
        let schedule = try kind.make(fixture.parameterSet, fixture.baseLearningRate)
        for (step, expected) in fixture.lr.enumerated() {
            #expect(abs(schedule(step) - expected) <= Self.relativeTolerance * abs(expected), "k=\(step)")
        }
    }
}
