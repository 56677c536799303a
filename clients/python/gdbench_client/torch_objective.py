"""A torch model's loss served to gdbench as an objective of its flattened float64 parameters.

    from gdbench_client.torch_objective import serve_model_loss

    def build(seed, parameters):          # returns (model, loss) with loss(model) -> scalar tensor
        torch.manual_seed(seed)
        model = torch.nn.Linear(5, 1).double()
        X, y = ...
        return model, lambda m: torch.nn.functional.mse_loss(m(X).squeeze(-1), y)

    serve_model_loss("my-model", "1.0", [], build)

gdbench's optimizers then train the model: f is the loss at the parameters gdbench sends, ∇f comes
from autograd (one backward pass), ∇²f·v from double backward (``torch.autograd.functional.hvp``). The
start point is the model's initial parameters. gdbench counts every evaluation. torch runs one thread
per server (gdbench starts one server per worker).
"""

import torch
from torch.func import functional_call

from . import __version__
from .objective import Problem, serve_objective


def _as_vector(values):
    return torch.frombuffer(bytearray(values.tobytes()) if hasattr(values, "tobytes") else bytearray(bytes(values)),
                            dtype=torch.float64)


def model_problem(model, loss):
    """A Problem over the flattened parameters of ``model`` (float64)."""
    names = [name for name, _ in model.named_parameters()]
    shapes = [p.shape for _, p in model.named_parameters()]
    sizes = [p.numel() for _, p in model.named_parameters()]
    start = torch.cat([p.detach().reshape(-1).double() for _, p in model.named_parameters()])

    def unflatten(flat):
        return {n: t.reshape(s) for n, t, s in zip(names, torch.split(flat, sizes), shapes)}

    def f(flat):
        return loss(lambda *args: functional_call(model, unflatten(flat), args))

    def f_and_grad(x):
        flat = _as_vector(x).clone().requires_grad_(True)
        value = f(flat)
        (gradient,) = torch.autograd.grad(value, flat)
        return float(value), gradient.detach().numpy()

    def value(x):
        with torch.no_grad():
            return float(f(_as_vector(x)))

    def hvp(x, v):
        _, product = torch.autograd.functional.hvp(f, _as_vector(x).clone(), _as_vector(v).clone())
        return product.detach().numpy()

    return Problem(start=start.numpy(), f_and_grad=f_and_grad, value=value, hvp=hvp)


def serve_model_loss(name, version, parameters, build):
    """Serves ``build(seed, parameters) -> (model, loss)``, with ``loss(forward) -> scalar tensor`` where
    ``forward(*inputs)`` runs the model at gdbench's parameters."""
    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)  # one process per gdbench worker already; more threads only contend
    serve_objective(name, "%s (torch %s, gdbench_client %s)" % (version, torch.__version__, __version__), parameters,
                    lambda seed, values: model_problem(*build(seed, values)))
