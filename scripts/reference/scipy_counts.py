"""Iteration and evaluation counts of scipy's quasi-Newton and CG minimizers, for gdbench's L-BFGS and
nonlinear-CG tests (Tests/OptimizersTests/LBFGSTests.swift, NonlinearConjugateGradientTests.swift).

Pinned: scipy 1.17.1, numpy 2.4.6 (run with the venv of scripts/reference/README.md). float64 throughout.

Stopping rule (the same one the Swift tests use): stop at the first iterate with ||grad f||_inf <= 1e-5.
scipy's L-BFGS-B measures the projected gradient in the inf-norm against `gtol`; BFGS and CG measure
||g||_inf (norm=inf) against `gtol`. L-BFGS-B's relative-reduction test is switched off (`ftol=0`), so
the gradient rule is the only one that stops a run.

Problems:
  rosenbrock-2d: f = (1 - x)^2 + 100 (y - x^2)^2 from (-1.2, 1), analytic gradient (scipy rosen/rosen_der).
  quadratic-d100-kappa{10,1000}: f = 1/2 sum_i lambda_i x_i^2, lambda_i = kappa^((i-1)/(d-1)) (log-spaced,
  mu = 1, L = kappa), x0 = ones(100), x* = 0, f* = 0.

Output: Tests/OptimizersTests/Fixtures/scipy_counts.json (keys sorted; running again gives the same file).
"""

import json
import os

import numpy as np
import scipy
from scipy.optimize import minimize, rosen, rosen_der

assert scipy.__version__ == "1.17.1", scipy.__version__
assert np.__version__ == "2.4.6", np.__version__

GTOL = 1e-5


def quadratic(kappa, d=100):
    lam = kappa ** (np.arange(d) / (d - 1))

    def fun(x):
        g = lam * x
        return 0.5 * float(np.dot(x, g)), g

    return fun


def rosenbrock(x):
    return float(rosen(x)), rosen_der(x)


def run(fun, x0, method):
    if method == "L-BFGS-B":
        options = {"gtol": GTOL, "ftol": 0.0, "maxiter": 100000, "maxfun": 100000}
    else:
        options = {"gtol": GTOL, "norm": np.inf, "maxiter": 100000}
    result = minimize(fun, np.array(x0, dtype=np.float64), jac=True, method=method, options=options)
    gradient_inf = float(np.max(np.abs(fun(result.x)[1])))
    return {
        "nit": int(result.nit),
        "nfev": int(result.nfev),
        "njev": int(result.njev),
        "f": float(result.fun),
        "gradientInfNorm": gradient_inf,
        "success": bool(result.success),
        "message": str(result.message),
    }


def main():
    problems = {
        "rosenbrock-2d": (rosenbrock, [-1.2, 1.0]),
        "quadratic-d100-kappa10": (quadratic(10.0), [1.0] * 100),
        "quadratic-d100-kappa1000": (quadratic(1000.0), [1.0] * 100),
    }
    methods = {"lbfgsb": "L-BFGS-B", "bfgs": "BFGS", "cg": "CG"}
    table = {}
    for name, (fun, x0) in problems.items():
        table[name] = {key: run(fun, x0, method) for key, method in methods.items()}
    out = {
        "generator": "scripts/reference/scipy_counts.py",
        "versions": {"scipy": scipy.__version__, "numpy": np.__version__},
        "stoppingRule": "first iterate with ||grad f||_inf <= 1e-5 (L-BFGS-B ftol=0)",
        "gtol": GTOL,
        "problems": table,
    }
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "Tests", "OptimizersTests", "Fixtures", "scipy_counts.json")
    with open(os.path.normpath(path), "w") as handle:
        json.dump(out, handle, indent=2, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
