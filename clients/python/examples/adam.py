"""Adam in torch's order of operations (torch/optim/adam.py, single-tensor path), standard library only:
the records equal the built-in adam's (docs/protocol.md, "Equality with the built-ins").

    m ← lerp(m, g, 1 − β₁)  (torch.lerp: m + w(g − m) for w < ½, else g − (g − m)(1 − w))
    v ← β₂v + (1 − β₂)g²
    x ← x − lr · (m / (√v / √(1 − β₂ᵗ) + ε)) / (1 − β₁ᵗ)
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gdbench_client import Parameter, serve  # noqa: E402
from gdbench_client.protocol import main_guard  # noqa: E402

PARAMETERS = [
    Parameter("lr", default=1e-3, minimum=0, minimum_open=True, summary="learning rate"),
    Parameter("beta1", default=0.9, minimum=0, maximum=1, maximum_open=True, summary="first-moment decay β₁"),
    Parameter("beta2", default=0.999, minimum=0, maximum=1, maximum_open=True, summary="second-moment decay β₂"),
    Parameter("eps", default=1e-8, minimum=0, summary="ε added to the denominator"),
]


def lerp(start, end, weight):
    return start + weight * (end - start) if abs(weight) < 0.5 else end - (end - start) * (1 - weight)


def adam(run):
    p = run.parameters
    lr, beta1, beta2, eps = p["lr"], p["beta1"], p["beta2"], p["eps"]
    x = list(run.x0)
    m = [0.0] * run.dimension
    v = [0.0] * run.dimension
    w1, c2, step = 1 - beta1, 1 - beta2, -lr
    t = 0
    while True:
        g = run.gradient(x)
        t += 1
        correction1 = 1 - beta1 ** t
        root2 = math.sqrt(1 - beta2 ** t)
        for i in range(run.dimension):
            m[i] = lerp(m[i], g[i], w1)
            v[i] = v[i] * beta2 + c2 * g[i] * g[i]
            update = (m[i] / (math.sqrt(v[i]) / root2 + eps)) / correction1
            x[i] += step * update
        run.end_iteration(x, learning_rate=lr)


if __name__ == "__main__":
    main_guard(lambda: serve("adam (examples/adam.py)", "1.0", PARAMETERS, adam))
