#!/usr/bin/env python3
"""Golden fixtures for the gdbench_client adapters (Tests/ExternalTests/Fixtures/adapters.json).

Runs torch.optim, optax and scipy.optimize.minimize directly (not through gdbench) on the 2-D
Rosenbrock function f(x, y) = (1 − x)² + 100(y − x²)² from (−1.2, 1), the `rosenbrock` problem of gdbench,
and records what the adapters must reproduce through gdbench: iterations, evaluations and the final
iterate. Usage (a Python with torch, optax and scipy):
    python3 scripts/external/make-adapter-fixtures.py > Tests/ExternalTests/Fixtures/adapters.json
"""
import json
import sys

import numpy as np


def f(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


def grad(x):
    return np.array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)])


def hessp(x, p):
    h = np.array([[2 - 400 * (x[1] - 3 * x[0] ** 2), -400 * x[0]], [-400 * x[0], 200.0]])
    return h @ p


START = np.array([-1.2, 1.0])


def torch_case(name, cls_name, kwargs, steps):
    import torch
    x = torch.tensor(START.copy(), dtype=torch.float64, requires_grad=True)
    opt = getattr(torch.optim, cls_name)([x], **kwargs)
    counts = {"f": 0, "g": 0}

    def closure():
        counts["f"] += 1
        counts["g"] += 1
        value = f(x.detach().numpy())
        x.grad = torch.tensor(grad(x.detach().numpy()), dtype=torch.float64)
        return torch.tensor(value, dtype=torch.float64)

    for _ in range(steps):
        if cls_name == "LBFGS":
            opt.step(closure)
        else:
            counts["g"] += 1
            x.grad = torch.tensor(grad(x.detach().numpy()), dtype=torch.float64)
            opt.step()
    return case(name, ["-m", "gdbench_client.torch", cls_name], kwargs, steps, x.detach().numpy(), counts["f"], counts["g"], 0)


def optax_case(name, alias, kwargs, steps):
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    import optax
    tx = getattr(optax, alias)(**kwargs)
    params = jnp.asarray(START)
    state = tx.init(params)
    for _ in range(steps):
        updates, state = tx.update(jnp.asarray(grad(np.asarray(params))), state, params)
        params = optax.apply_updates(params, updates)
    return case(name, ["-m", "gdbench_client.optax", alias], kwargs, steps, np.asarray(params), 0, steps, 0)


def scipy_case(name, method, options, budget):
    from scipy.optimize import minimize
    counts = {"f": 0, "h": 0}

    def fun(x):
        counts["f"] += 1
        return f(x), grad(x)

    def hp(x, p):
        counts["h"] += 1
        return hessp(x, p)

    iterations = []
    result = minimize(fun, START.copy(), jac=True, hessp=hp if method == "Newton-CG" else None, method=method,
                      callback=lambda xk: iterations.append(1), options=dict(options, maxiter=budget))
    # gdbench counts one more iteration when the optimizer stops on its own (the final iterate, no evaluation).
    steps = len(iterations) + (1 if len(iterations) < budget else 0)
    return case(name, ["-m", "gdbench_client.scipy", method], options, steps, result.x, counts["f"], counts["f"], counts["h"],
                budget=budget)


def case(name, command, kwargs, iterations, x, fevals, gevals, hvps, budget=None):
    return {"name": name, "command": command, "parameters": kwargs, "budget": budget or iterations,
            "iterations": iterations, "functionEvaluations": fevals, "gradientEvaluations": gevals,
            "hessianVectorProducts": hvps, "final": [float(v) for v in x], "finalValue": float(f(np.asarray(x)))}


def main():
    cases = []
    libraries = {}
    try:
        import torch
        libraries["torch"] = torch.__version__
        cases += [torch_case("torch-adam", "Adam", {"lr": 0.01}, 200),
                  torch_case("torch-sgd", "SGD", {"lr": 0.001, "momentum": 0.9}, 200),
                  torch_case("torch-lbfgs", "LBFGS", {"line_search_fn": "strong_wolfe"}, 3)]
    except ImportError:
        print("torch not installed: no torch cases", file=sys.stderr)
    try:
        import optax
        libraries["optax"] = optax.__version__
        cases += [optax_case("optax-adam", "adam", {"learning_rate": 0.01}, 200)]
    except ImportError:
        print("optax not installed: no optax cases", file=sys.stderr)
    try:
        import scipy
        libraries["scipy"] = scipy.__version__
        cases += [scipy_case("scipy-lbfgsb", "L-BFGS-B", {}, 1000),
                  scipy_case("scipy-bfgs", "BFGS", {}, 1000),
                  scipy_case("scipy-newtoncg", "Newton-CG", {}, 1000)]
    except ImportError:
        print("scipy not installed: no scipy cases", file=sys.stderr)
    json.dump({"generator": "scripts/external/make-adapter-fixtures.py", "libraries": libraries, "cases": cases},
              sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
