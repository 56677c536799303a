"""The null client of `gdbench bench`: `evaluations` gradient requests, then the unchanged iterate, per
iteration, and no arithmetic, so the time per request is the protocol's round trip (standard library only)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gdbench_client import Parameter, serve  # noqa: E402
from gdbench_client.protocol import main_guard, _doubles  # noqa: E402


def null(run):
    x = _doubles(run.x0)
    evaluations = range(int(run.parameters["evaluations"]))
    while True:
        for _ in evaluations:
            run._ask(2, x)
        run.end_iteration(x)


if __name__ == "__main__":
    main_guard(lambda: serve("null (examples/null.py)", "1.0", [Parameter("evaluations", "integer", default=1, minimum=1)], null))
