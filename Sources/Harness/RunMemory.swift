import Foundation
import Objectives

/// What one run may hold in memory, estimated from its parameters before anything is built, so that
/// `d: 1e9` or `history: 1e10` is refused by `validate` with the memory it needs instead of
/// exhausting the machine (or aborting an allocation) in `run`.
///
/// The estimate is an upper bound of the big buffers, in bytes of Float64: a problem holds about
/// ``vectorsPerProblem`` d-vectors (start, minimizer, spectrum, the run loop's iterate and gradient
/// buffers), a d×d matrix twice when `rotation: random` and its n×(d+1) data when it is a finite sum;
/// an optimizer holds ``vectorsPerMethod`` d-vectors, plus 2·history d-vectors for `lbfgs`, a d×d
/// inverse Hessian for `bfgs`, the Hessian and its factor for `newton`, one dense Hessian for
/// `preconditioned-gd` with `diagonal: hessian` and `memory` values for `barzilai-borwein`; `switch`
/// and `random-restarts` add their inner methods. A run may use at most half the memory this
/// machine (or its cgroup) has, ``limit``.
public struct RunMemory: Sendable {
    public static let vectorsPerProblem = 16.0
    public static let vectorsPerMethod = 12.0

    /// The bytes a run may use: half of ``available``.
    public static var limit: Double { available / 2 }

    /// The memory of this machine (``InstanceLimits/availableMemoryBytes``: physical, its cgroup's
    /// limit, or `GDBENCH_MEMORY`).
    public static var available: Double { InstanceLimits.availableMemoryBytes }

    /// The dimension a problem cell will have: its `d` (given or default), 2 for the fixed 2-D kinds.
    static func dimension(_ parameters: ParameterSet) -> Double {
        if case .number(let d)? = parameters["d"] { return d }
        return 2
    }

    /// Bytes of a problem with these resolved parameters (defaults filled in).
    public static func problemBytes(_ parameters: ParameterSet) -> Double {
        let d = dimension(parameters)
        var bytes = vectorsPerProblem * 8 * d
        if case .text("random")? = parameters["rotation"] { bytes += 2 * 8 * d * d }
        if case .number(let n)? = parameters["n"] { bytes += 8 * n * (d + 1) }
        return bytes
    }

    /// Bytes of optimizer `kind` with resolved `parameters` on a problem of dimension `d`.
    public static func methodBytes(kind: String, _ parameters: ParameterSet, dimension d: Double) -> Double {
        var bytes = vectorsPerMethod * 8 * d
        switch kind {
        case "lbfgs":
            let history: Double
            if case .number(let m)? = parameters["history"] { history = m } else { history = 100 }
            bytes += 2 * history * 8 * (d + 1)
        case "bfgs": bytes += 8 * d * d
        case "newton": bytes += 2 * 8 * d * d
        case "preconditioned-gd":
            if case .text("hessian-vector")? = parameters["diagonal"] {} else { bytes += 8 * d * d }
        case "barzilai-borwein":
            if case .number(let m)? = parameters["memory"] { bytes += 8 * m } else { bytes += 80 }
        case "switch", "random-restarts":
            for role in ["first", "second", "inner"] {
                guard case .text(let inner)? = parameters[role] else { continue }
                var innerParameters = ParameterSet()
                for key in parameters.sortedKeys where key.hasPrefix(role + ".") {
                    innerParameters[String(key.dropFirst(role.count + 1))] = parameters[key]
                }
                bytes += methodBytes(kind: inner, innerParameters, dimension: d)
            }
        default: break
        }
        return bytes
    }

    /// "12.5 GB" / "800 MB" / "4 KB": decimal units, three significant digits.
    public static func format(_ bytes: Double) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
        var value = bytes
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == units.count - 1 && value >= 1000 { return String(format: "%.3g bytes", bytes) }
        return unit == 0 ? "\(Int(value)) bytes" : String(format: "%.3g %@", value, units[unit])
    }

    /// Throws when `bytes` is over ``limit``: the message names what needs the memory and the limit.
    static func check(_ bytes: Double, what: String, location: SourceLocation, key: String?) throws {
        guard bytes > limit || !bytes.isFinite else { return }
        throw location.error(
            key,
            "\(what) needs about \(format(bytes)) of memory; a run may use at most \(format(limit)), "
                + "half of \(InstanceLimits.availableMemoryDescription)")
    }
}
