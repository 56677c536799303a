"""A plain ask/tell loop for a hand-written optimizer (standard library only).

    from gdbench_client.asktell import runs
    from gdbench_client import Parameter

    for run in runs("my-gd", "1.0", [Parameter("lr", default=0.1, minimum=0, minimum_open=True)]):
        lr, x = run.parameters["lr"], list(run.x0)
        while True:
            g = run.gradient(x)
            x = [xi - lr * gi for xi, gi in zip(x, g)]
            if not run.tell(x):
                break

``runs`` yields one ``AskTellRun`` per run gdbench sends and returns when gdbench closes the pipe.
``tell(x)`` reports the iterate at the end of an iteration and returns False when gdbench says stop.
Leaving the loop while gdbench still wants iterations ends the run as the optimizer's own stop
(the last told iterate is the final one). An exception in the loop body ends the process: gdbench
records status error for that run, with the end of the client's stderr, and starts the client again
for the next run.
"""

import sys
import traceback

from .protocol import Run, StopRun, ClientError, announce


class AskTellRun(Run):
    """A ``Run`` whose ``tell`` returns a bool instead of raising ``StopRun``."""

    def __init__(self, client, payload):
        super().__init__(client, payload)
        self.active = True
        self.last_x = list(self.x0)

    def tell(self, x, learning_rate=float("nan")):
        """Reports x; True: continue, False: gdbench stopped the run."""
        if not self.active:
            return False
        self.last_x = x
        try:
            self.end_iteration(x, learning_rate)
            return True
        except StopRun:
            self.active = False
            return False

    def _ask(self, request, x, v=None):
        if not self.active:
            raise ClientError("the run has ended; stop asking")
        try:
            return super()._ask(request, x, v)
        except StopRun:
            self.active = False
            raise


def runs(name, version, parameters, client=None):
    """Announces the optimizer, then yields one run at a time until gdbench closes the pipe."""
    for client, payload in announce(name, version, parameters, client):
        run = AskTellRun(client, payload)
        yield run
        if run.active:
            try:
                run.end_iteration(run.last_x, finished=True)
            except StopRun:
                pass
