"""Any torch.optim optimizer by class name: ``python -m gdbench_client.torch Adam``.

Hyperparameters are the class's own keyword arguments (``lr``, ``betas``, ``weight_decay``, ...),
declared from its signature. The parameter is one float64 tensor. Optimizers whose ``step`` needs a
closure (``LBFGS``) get one that asks gdbench for f and ∇f (one function and one gradient evaluation
per call); the others ask for the gradient only (one gradient evaluation per iteration, the
mini-batch estimate in stochastic runs), as the built-in first-order kinds do.
"""

import sys

import torch

from . import __version__
from ._introspect import arguments, parameters_from_signature
from .protocol import main_guard, serve

# Implementation switches, not hyperparameters (the library's defaults apply).
SKIP = ("params", "foreach", "fused", "capturable", "differentiable", "maximize", "decoupled_weight_decay")
NEEDS_CLOSURE = ("LBFGS",)


def optimizer_class(name):
    cls = getattr(torch.optim, name, None)
    if not (isinstance(cls, type) and issubclass(cls, torch.optim.Optimizer)):
        known = sorted(n for n in dir(torch.optim) if isinstance(getattr(torch.optim, n), type)
                       and issubclass(getattr(torch.optim, n), torch.optim.Optimizer) and n != "Optimizer")
        raise SystemExit("gdbench_client.torch: no torch.optim optimizer '%s'; known: %s" % (name, ", ".join(known)))
    return cls


def declared_parameters(cls):
    choices = {"line_search_fn": (["none", "strong_wolfe"], "none")} if cls.__name__ == "LBFGS" else None
    return parameters_from_signature(cls.__init__, skip=SKIP + ("self",), choices=choices)


def make_optimize(cls, declared):
    closure_needed = cls.__name__ in NEEDS_CLOSURE

    def optimize(run):
        torch.manual_seed(run.seed & 0x7FFFFFFFFFFFFFFF)
        x = torch.frombuffer(bytearray(run.x0.tobytes()), dtype=torch.float64).clone().requires_grad_(True)
        optimizer = cls([x], **arguments(run, declared))

        def set_gradient(values):
            x.grad = torch.frombuffer(bytearray(values.tobytes()), dtype=torch.float64)

        def closure():
            f, g = run.value_and_gradient(x.detach().numpy())
            set_gradient(g)
            return torch.tensor(f, dtype=torch.float64)

        while True:
            if closure_needed:
                optimizer.step(closure)
            else:
                set_gradient(run.gradient(x.detach().numpy()))
                optimizer.step()
            lr = optimizer.param_groups[0].get("lr", float("nan"))
            run.end_iteration(x.detach().numpy(), learning_rate=float(lr))

    return optimize


def main(argv):
    torch.set_num_threads(1)  # one process per gdbench worker already; more threads only contend
    if len(argv) != 1:
        raise SystemExit("usage: python -m gdbench_client.torch CLASS (e.g. Adam, SGD, LBFGS)")
    cls = optimizer_class(argv[0])
    declared = declared_parameters(cls)
    serve("torch.optim." + cls.__name__, "torch %s, gdbench_client %s" % (torch.__version__, __version__),
          declared, make_optimize(cls, declared))


if __name__ == "__main__":
    main_guard(lambda: main(sys.argv[1:]))
