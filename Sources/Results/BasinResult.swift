/// The basin a run ends in: the known local minimiser within 10⁻² of the final iterate
/// (Objectives' `BasinClassification`), or `other` when it is near none.
public struct BasinResult: Codable, Sendable, Equatable {
    /// The minimiser's name (its coordinates, e.g. `(3.00, 2.00)`, or a lattice label), or `other`.
    public var name: String
    /// Whether that minimiser is a global one (false for `other`).
    public var isGlobal: Bool
    /// f at the minimiser (absent for `other`).
    public var minimumValue: Double?
    /// The run's starting point, for 2-D problems (the basin figure colours the starts by basin).
    public var start: [Double]?

    public init(name: String, isGlobal: Bool, minimumValue: Double?, start: [Double]?) {
        self.name = name
        self.isGlobal = isGlobal
        self.minimumValue = minimumValue
        self.start = start
    }
}
