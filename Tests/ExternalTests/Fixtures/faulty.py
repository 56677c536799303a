"""A test client that misbehaves at iteration 3 of each run in the way its `fault` hyperparameter says
(none, crash, exit, garbage, violation, nan, hang, fail, oversize), then runs gradient descent."""
import os
import struct
import sys
import time

sys.path.insert(0, os.environ["GDBENCH_CLIENT_PATH"])
from gdbench_client import Parameter, serve  # noqa: E402
from gdbench_client.protocol import main_guard  # noqa: E402

FAULTS = ["none", "crash", "exit", "garbage", "violation", "nan", "hang", "fail", "oversize", "short"]


def optimize(run):
    fault = run.parameters["fault"]
    x = list(run.x0)
    while True:
        if run.iteration == 3 and fault != "none":
            if fault == "crash":
                os.kill(os.getpid(), 11)
            if fault == "exit":
                print("giving up on purpose", file=sys.stderr)
                sys.exit(3)
            if fault == "garbage":
                sys.stdout.buffer.write(b"this is not a frame at all\n")
                sys.stdout.buffer.flush()
                time.sleep(60)
            if fault == "violation":
                run._client.send(b"CONT")
                time.sleep(60)
            if fault == "nan":
                run.end_iteration([float("nan")] * run.dimension)
            if fault == "hang":
                time.sleep(600)
            if fault == "fail":
                raise ValueError("the client cannot go on")
            if fault == "oversize":
                sys.stdout.buffer.write(b"ITER" + struct.pack("<I", 0xFFFFFFF0))
                sys.stdout.buffer.flush()
                time.sleep(60)
            if fault == "short":
                run._client.send(b"ITER", b"\0" * 12)
                time.sleep(60)
        g = run.gradient(x)
        x = [xi - 0.01 * gi for xi, gi in zip(x, g)]
        run.end_iteration(x)


if __name__ == "__main__":
    main_guard(lambda: serve("faulty", "1.0", [Parameter("fault", "choice", default="none", choices=FAULTS)], optimize))
