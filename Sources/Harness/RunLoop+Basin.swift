import Objectives
import Results

extension RunLoop {
    /// The basin of the final iterate x on a problem that lists its local minimisers
    /// (``BasinClassification``), with the start for 2-D problems; nil on the others.
    static func basin<O: Objective>(_ objective: O, _ x: [Double]) -> BasinResult? {
        BasinClassification.classify(objective, x).map { minimum in
            BasinResult(
                name: minimum.name, isGlobal: minimum.isGlobal,
                minimumValue: minimum.value.isFinite ? minimum.value : nil,
                start: objective.dimension <= 2 ? objective.startingPoint : nil)
        }
    }
}
