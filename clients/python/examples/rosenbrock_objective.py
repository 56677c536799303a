"""The 2-D Rosenbrock function served over the protocol (standard library only), with the same
floating-point operations as gdbench's built-in `rosenbrock` (Sources/Objectives/Rosenbrock/Rosenbrock.swift),
so every gdbench optimizer gives identical records on both. A `fault` parameter makes the server misbehave
at its n-th evaluation (tests)."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gdbench_client import Parameter  # noqa: E402
from gdbench_client.objective import Problem, serve_objective  # noqa: E402
from gdbench_client.protocol import main_guard  # noqa: E402

PARAMETERS = [
    Parameter("fault", "choice", default="none", choices=["none", "crash", "hang", "nan-length"],
              summary="misbehave at evaluation fault-at (tests)"),
    Parameter("fault-at", "integer", default=5, minimum=1),
]


def build(seed, parameters):
    calls = [0]

    def check():
        calls[0] += 1
        if parameters["fault"] != "none" and calls[0] == int(parameters["fault-at"]):
            if parameters["fault"] == "crash":
                os._exit(7)
            if parameters["fault"] == "hang":
                time.sleep(600)

    def value(x):
        check()
        a, b = 1 - x[0], x[1] - x[0] * x[0]
        return a * a + 100 * b * b

    def f_and_grad(x):
        check()
        x0 = x[0]
        a, b = 1 - x0, x[1] - x0 * x0
        return a * a + 100 * b * b, [-2 * a - 400 * x0 * b, 200 * b]

    def hvp(x, v):
        check()
        x0 = x[0]
        h00, h01 = 2 - 400 * x[1] + 1200 * x0 * x0, -400 * x0
        return [h00 * v[0] + h01 * v[1], h01 * v[0] + 200 * v[1]]

    return Problem(start=[-1.2, 1.0], f_and_grad=f_and_grad, value=value, hvp=hvp, optimal_value=0.0,
                   minimizer=[1.0, 1.0])


if __name__ == "__main__":
    main_guard(lambda: serve_objective("rosenbrock (examples/rosenbrock_objective.py)", "1.0", PARAMETERS, build))
