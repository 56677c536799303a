"""Any optax alias by name: ``python -m gdbench_client.optax adam``.

Hyperparameters are the alias's own arguments (``learning_rate``, ``b1``, ``eps``, ...), declared from
its signature (``learning_rate`` is required, as in optax). jax runs in float64. Each iteration asks
gdbench for one gradient (the mini-batch estimate in stochastic runs); aliases whose ``update`` needs
the value (``optax.lbfgs``, ``polyak_sgd``) also get f and ask for exact f and ∇f instead.
"""

import inspect
import sys

import jax

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
import optax  # noqa: E402

from . import __version__  # noqa: E402
from ._introspect import arguments, parameters_from_signature  # noqa: E402
from .protocol import main_guard, serve  # noqa: E402

NEEDS_VALUE = ("lbfgs", "polyak_sgd")


def alias(name):
    function = getattr(optax, name, None)
    if not callable(function) or name.startswith("_"):
        raise SystemExit("gdbench_client.optax: no optax alias '%s'" % name)
    return function


def declared_parameters(function):
    required = [n for n, p in inspect.signature(function).parameters.items()
                if p.default is inspect.Parameter.empty and n == "learning_rate"]
    return parameters_from_signature(function, required=required)


def make_optimize(name, function, declared):
    def optimize(run):
        transform = function(**arguments(run, declared))
        params = jnp.asarray(np.frombuffer(run.x0.tobytes(), dtype="<f8"))
        state = transform.init(params)
        while True:
            if name in NEEDS_VALUE:
                f, g = run.value_and_gradient(np.asarray(params))
                grad = jnp.asarray(np.frombuffer(g.tobytes(), dtype="<f8"))
                extra = {"value": f, "grad": grad, "value_fn": lambda p: run.value(np.asarray(p))}
                updates, state = transform.update(grad, state, params, **extra)
            else:
                grad = jnp.asarray(np.frombuffer(run.gradient(np.asarray(params)).tobytes(), dtype="<f8"))
                updates, state = transform.update(grad, state, params)
            params = optax.apply_updates(params, updates)
            run.end_iteration(np.asarray(params, dtype="<f8"))

    return optimize


def main(argv):
    if len(argv) != 1:
        raise SystemExit("usage: python -m gdbench_client.optax ALIAS (e.g. adam, sgd, lion)")
    function = alias(argv[0])
    declared = declared_parameters(function)
    serve("optax." + argv[0], "optax %s, jax %s, gdbench_client %s" % (optax.__version__, jax.__version__, __version__),
          declared, make_optimize(argv[0], function, declared))


if __name__ == "__main__":
    main_guard(lambda: main(sys.argv[1:]))
