"""Objectives served to gdbench by this process (docs/protocol.md, "Objectives from another process").

    from gdbench_client.objective import Problem, serve_objective

    def build(seed, parameters):
        def f_and_grad(x):
            return sum(v * v for v in x), [2 * v for v in x]
        return Problem(start=[1.0] * int(parameters["d"]), f_and_grad=f_and_grad, optimal_value=0.0)

    serve_objective("sphere", "1.0", [Parameter("d", "integer", default=10, minimum=1)], build)

gdbench sends the problem's seed and parameters (`PROB`); ``build`` returns a ``Problem`` (``SHAP``: its
dimension, start point and, when known, f* and x*). Then gdbench asks for f, ∇f, both, or ∇²f·v at
points (`EVAL`) and this process answers (`VALS`). Every gdbench optimizer can drive it; gdbench
counts the evaluations. Standard library only.
"""

import struct
import sys

from .protocol import PROTOCOL_VERSION, Client, ClientError, _doubles, _read_doubles, _read_parameters
import json


class Problem:
    """One problem instance: ``f_and_grad(x) -> (f, ∇f)`` is required; ``value(x)``, ``gradient(x)``
    (what first-order methods ask for) and ``hvp(x, v)`` are optional (``value`` and ``gradient``
    default to ``f_and_grad``; without ``hvp`` a method that needs it gets status error)."""

    def __init__(self, start, f_and_grad, value=None, gradient=None, hvp=None, optimal_value=None, minimizer=None):
        self.start = list(start)
        self.f_and_grad = f_and_grad
        self.value = value or (lambda x: f_and_grad(x)[0])
        self.gradient = gradient or (lambda x: f_and_grad(x)[1])
        self.hvp = hvp
        self.optimal_value = optimal_value
        self.minimizer = minimizer


def serve_objective(name, version, parameters, build, client=None):
    """Announces the objective, then answers gdbench until it closes the pipe."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    client = client or Client()
    document = {"protocol": PROTOCOL_VERSION, "role": "objective", "name": name, "version": version,
                "parameters": [p.to_json() for p in parameters]}
    client.send(b"HELO", json.dumps(document).encode())
    problem = None
    while True:
        tag, payload = client.receive()
        if tag is None:
            return
        if tag == b"PROB":
            seed, count = struct.unpack_from("<QI", payload, 0)
            problem = build(seed, _read_parameters(payload, 16, count)[0])
            d = len(problem.start)
            flags = (1 if problem.optimal_value is not None else 0) | (2 if problem.minimizer is not None else 0)
            optimal = problem.optimal_value if problem.optimal_value is not None else float("nan")
            shape = [struct.pack("<QB7xd", d, flags, optimal), _doubles(problem.start)]
            if problem.minimizer is not None:
                shape.append(_doubles(problem.minimizer))
            client.send(b"SHAP", *shape)
        elif tag == b"EVAL":
            if problem is None:
                raise ClientError("EVAL before PROB")
            d = len(problem.start)
            request = payload[0]
            x = _read_doubles(payload, 8, d)
            try:
                if request == 1:
                    answer = struct.pack("<d", problem.value(x))
                elif request == 2:
                    answer = struct.pack("<d", float("nan")) + _doubles(problem.gradient(x))
                elif request == 3:
                    f, g = problem.f_and_grad(x)
                    answer = struct.pack("<d", f) + _doubles(g)
                elif request == 4:
                    if problem.hvp is None:
                        raise ClientError("%s has no Hessian-vector products" % name)
                    answer = _doubles(problem.hvp(x, _read_doubles(payload, 8 + 8 * d, d)))
                else:
                    raise ClientError("unknown request %d" % request)
            except Exception as error:
                client.send(b"FAIL", ("%s: %s" % (type(error).__name__, error)).encode()[:4000])
                continue
            client.send(b"VALS", answer)
        else:
            raise ClientError("expected PROB or EVAL, found %r" % (tag,))
