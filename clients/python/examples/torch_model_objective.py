"""A small torch model's loss as a gdbench objective: a two-layer tanh network (5 → `hidden` → 1) fitting
a seeded synthetic regression set with mean squared error. Needs torch. Parameters: hidden, n."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import torch  # noqa: E402

from gdbench_client import Parameter  # noqa: E402
from gdbench_client.protocol import main_guard  # noqa: E402
from gdbench_client.torch_objective import serve_model_loss  # noqa: E402

PARAMETERS = [Parameter("hidden", "integer", default=8, minimum=1), Parameter("n", "integer", default=64, minimum=1)]


def build(seed, parameters):
    generator = torch.Generator().manual_seed(seed & 0x7FFFFFFFFFFFFFFF)
    n, hidden = int(parameters["n"]), int(parameters["hidden"])
    inputs = torch.randn(n, 5, generator=generator, dtype=torch.float64)
    targets = torch.sin(inputs.sum(dim=1))
    torch.manual_seed(seed & 0x7FFFFFFFFFFFFFFF)
    model = torch.nn.Sequential(torch.nn.Linear(5, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, 1)).double()
    return model, lambda forward: torch.mean((forward(inputs).squeeze(-1) - targets) ** 2)


if __name__ == "__main__":
    main_guard(lambda: serve_model_loss("tanh-mlp (examples/torch_model_objective.py)", "1.0", PARAMETERS, build))
