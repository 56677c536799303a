import Analysis
import Foundation
import Results

/// Chooses the figure kinds that apply to a result set from its records, builds them and writes
/// their scripts and data into a folder. A kind applies when its builder finds what it needs:
/// convergence — traces; conditioning — a problem family at two or more κ; trajectories — 2-D
/// problems with contour and path sidecars; learning-rate sweep — a setting at two or more lr;
/// schedules — optimizers with a schedule; performance profile — two or more optimizers (data
/// profile and ECDF always); saddle escape — the `escaped` milestone; batch size — a family at two or
/// more batch sizes; dimension — a family at three or more dimensions; training curves, generalisation gap
/// and sharpness — runs with held-out losses.
public enum FigureSet {
    public static func build(_ context: FigureContext) throws -> [Figure] {
        var stems = FigureStem()
        var figures: [Figure] = []
        figures += ConvergenceFigure.figures(context, stems: &stems)
        figures += ConditioningFigure.figures(context, stems: &stems)
        figures += try TrajectoryFigure.figures(context, stems: &stems)
        figures += LearningRateSweepFigure.figures(context, stems: &stems)
        figures += ScheduleFigure.figures(context, stems: &stems)
        figures += ProfileFigure.figures(context, stems: &stems)
        figures += SaddleEscapeFigure.figures(context, stems: &stems)
        figures += BatchSizeFigure.figures(context, stems: &stems)
        figures += DimensionFigure.figures(context, stems: &stems)
        figures += TrainingFigure.figures(context, stems: &stems)
        figures += RegretFigure.figures(context, stems: &stems)
        return figures
    }

    /// Writes the figures' scripts and data into `folder/scripts/` (``FigureScripts/write(_:to:)``).
    public static func write(_ figures: [Figure], to folder: URL) throws {
        try FigureScripts.write(figures, to: folder)
    }
}
