import Optimizers

/// Faithful defaults that are known to fail, said by `gdbench describe` and after a run in which a
/// cell using them diverged.
///
/// - `lbfgs` with `convention: torch` and no line search (torch's default `line_search_fn=None`,
///   pytorch/pytorch:torch/optim/lbfgs.py) takes the fixed step lr along the quasi-Newton direction;
///   with the default lr 1 it diverges on non-quadratic problems such as 2-D Rosenbrock (suites/smoke.yaml).
public enum KnownPitfalls {
    /// The warning for an optimizer kind as a whole (`describe`), nil when none is known.
    public static func warning(forKind name: String) -> String? {
        switch name {
        case "lbfgs":
            return """
                with its defaults (convention: torch, no line search) lbfgs takes fixed steps lr as torch does; \
                it is known to diverge on non-quadratic problems (e.g. rosenbrock, d = 2). \
                Use line-search: strong-wolfe (or convention: scipy) for a robust L-BFGS.
                """
        default:
            return nil
        }
    }

    /// The warning for one optimizer cell of a suite (its kind and parameters as written), nil when none.
    public static func warning(for cell: OptimizerCell) -> String? {
        switch cell.kind.name {
        case "lbfgs":
            let convention = text(cell.templates["convention"]) ?? "torch"
            let search = text(cell.templates["line-search"]) ?? "convention"
            guard convention == "torch", search == "convention" || search == "none" else { return nil }
            return "\(cell.id) (\(cell.location.keyPath)): torch's L-BFGS without a line search takes fixed steps lr; "
                + "it is known to diverge on non-quadratic problems (add line-search: strong-wolfe)"
        default:
            return nil
        }
    }

    static func text(_ template: ParameterTemplate?) -> String? {
        if case .text(let word)? = template { return word }
        return nil
    }
}
