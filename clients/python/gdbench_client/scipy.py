"""Any scipy.optimize.minimize method by name: ``python -m gdbench_client.scipy L-BFGS-B``.

Hyperparameters are the method's options (``gtol``, ``maxcor``, ``c1``, ...), declared from its
solver's signature; ``maxiter`` is gdbench's iteration budget. ``fun`` and ``jac`` are one call
(``jac=True``): each is one function and one gradient evaluation counted by gdbench, so gdbench's
counts equal scipy's ``nfev``; ``hessp`` (Newton-CG, trust-ncg, trust-krylov) is one Hessian-vector
product. scipy's ``callback`` ends each iteration; when ``minimize`` returns on its own criterion the
run ends there (the optimizer's own stop).
"""

import inspect
import sys

import numpy as np
import scipy
import scipy.optimize
from scipy.optimize import _minimize

from . import __version__
from ._introspect import arguments, parameters_from_signature
from .protocol import main_guard, serve

SOLVERS = {
    "nelder-mead": "_minimize_neldermead", "powell": "_minimize_powell", "cg": "_minimize_cg",
    "bfgs": "_minimize_bfgs", "newton-cg": "_minimize_newtoncg", "l-bfgs-b": "_minimize_lbfgsb",
    "tnc": "_minimize_tnc", "slsqp": "_minimize_slsqp", "trust-ncg": "_minimize_trust_ncg",
    "trust-krylov": "_minimize_trust_krylov", "cobyla": "_minimize_cobyla",
}
USES_GRADIENT = {"cg", "bfgs", "newton-cg", "l-bfgs-b", "tnc", "slsqp", "trust-ncg", "trust-krylov"}
USES_HESSP = {"newton-cg", "trust-ncg", "trust-krylov"}
SKIP = ("fun", "x0", "args", "jac", "hess", "hessp", "bounds", "constraints", "callback", "disp", "iprint",
        "return_all", "maxiter", "finite_diff_rel_step", "workers", "initial_simplex", "direc", "scale", "offset",
        "maxfev", "adaptive", "xrtol", "x0", "catol", "rhobeg", "tol", "inexact")


def solver(method):
    key = method.lower()
    if key not in SOLVERS:
        raise SystemExit("gdbench_client.scipy: unsupported method '%s'; supported: %s" % (method, ", ".join(sorted(SOLVERS))))
    return key, getattr(_minimize, SOLVERS[key], None) or getattr(scipy.optimize, SOLVERS[key])


def make_optimize(method, key, declared):
    def optimize(run):
        def fun(x):
            f, g = run.value_and_gradient(x)
            return f, np.frombuffer(g.tobytes(), dtype="<f8").copy()

        def value(x):
            return run.value(x)

        def hessp(x, p):
            return np.frombuffer(run.hvp(x, p).tobytes(), dtype="<f8").copy()

        def callback(*args, **kwargs):
            xk = kwargs.get("intermediate_result").x if "intermediate_result" in kwargs else args[0]
            run.end_iteration(np.asarray(xk, dtype="<f8"))

        options = arguments(run, declared)
        options["maxiter"] = int(run.max_iterations)
        x0 = np.frombuffer(run.x0.tobytes(), dtype="<f8").copy()
        if key in USES_GRADIENT:
            result = scipy.optimize.minimize(fun, x0, jac=True, hessp=hessp if key in USES_HESSP else None,
                                             method=method, callback=callback, options=options)
        else:
            result = scipy.optimize.minimize(value, x0, method=method, callback=callback, options=options)
        return np.asarray(result.x, dtype="<f8")

    return optimize


def main(argv):
    if len(argv) != 1:
        raise SystemExit("usage: python -m gdbench_client.scipy METHOD (e.g. L-BFGS-B, BFGS, Newton-CG)")
    key, function = solver(argv[0])
    declared = parameters_from_signature(function, skip=SKIP)
    serve("scipy.optimize.minimize(method=%s)" % argv[0], "scipy %s, gdbench_client %s" % (scipy.__version__, __version__),
          declared, make_optimize(argv[0], key, declared))


if __name__ == "__main__":
    main_guard(lambda: main(sys.argv[1:]))
