import Results

/// A record without its wall-clock fields (the only fields allowed to differ between runs).
public func withoutTimes(_ record: RunRecord) -> RunRecord {
    var copy = record
    copy.wallTime = WallTime(medianSeconds: 0, repeats: [])
    copy.final.progress.seconds = nil
    for index in copy.trace.indices { copy.trace[index].seconds = nil }
    for index in copy.targets.ladder.indices { copy.targets.ladder[index].hit?.seconds = nil }
    for index in copy.milestones.indices { copy.milestones[index].hit?.seconds = nil }
    return copy
}
