"""Gradient descent x ← x − lr·∇f(x), standard library only: the records equal the built-in sgd's.

Run by suites/external.yaml: {kind: external, name: py-gd, command: [python3, ../clients/python/examples/gd.py]}.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gdbench_client import Parameter  # noqa: E402
from gdbench_client.asktell import runs  # noqa: E402
from gdbench_client.protocol import main_guard  # noqa: E402

PARAMETERS = [Parameter("lr", default=1e-3, minimum=0, minimum_open=True, summary="learning rate")]


def main():
    for run in runs("gd (examples/gd.py)", "1.0", PARAMETERS):
        step = -run.parameters["lr"]
        x = list(run.x0)
        while True:
            g = run.gradient(x)
            x = [xi + step * gi for xi, gi in zip(x, g)]
            if not run.tell(x, learning_rate=-step):
                break


if __name__ == "__main__":
    main_guard(main)
