"""Golden trajectories of the first-order optimizers from the real libraries.

Pinned versions (the reference's, docs/reference.md):
    torch 2.15.0, optax 0.2.8, jax 0.10.2, numpy 2.4.6 — float64 on CPU.
Run with:  python scripts/reference/optimizer_fixtures.py

Writes Tests/OptimizersTests/Fixtures/library-defaults.json (the defaults torch's and optax's signatures
declare, under gdbench's parameter names), problems.json (the four problems, with the logistic data) and one
file per optimizer configuration, <library>-<id>.json, holding the iterates after every one of 100 steps
on every problem. The Swift tests rebuild each optimizer from the fixture's `kind` and `parameters`
through FirstOrderOptimizerCatalog and must reproduce every iterate to 1e-12 relative.

The gradient fed to the optimizer is computed here in plain Python floats (Python's math.exp is the C
library's exp, as is Foundation's exp in Swift on Linux). The Swift tests run the library's own objectives
(ChainedRosenbrock, AxisAlignedQuadratic, LogisticRegression built from problems.json's data), whose
gradients agree with these to a few ulps; the 1e-12 tolerance leaves room for that and nothing more.

Files are written with sorted keys and repr floats, so running the script again gives identical files.
"""

import inspect
import json
import math
import os

import numpy as np
import torch
import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402

torch.set_default_dtype(torch.float64)

PINNED = {"torch": "2.15.0", "optax": "0.2.8", "jax": "0.10.2", "numpy": "2.4.6"}
for _module, _version in ((torch, PINNED["torch"]), (optax, PINNED["optax"]), (jax, PINNED["jax"]), (np, PINNED["numpy"])):
    if _module.__version__.split("+")[0] != _version:
        raise SystemExit(f"{_module.__name__} {_module.__version__} found, {_version} pinned")

STEPS = 100
FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "OptimizersTests", "Fixtures")


# ---------------------------------------------------------------------------------------------- problems

def rosenbrock_gradient(x):
    """scipy `rosen` form f = Σ 100(x_{i+1} − x_i²)² + (1 − x_i)²; 2-D Rosenbrock is n = 2."""
    n = len(x)
    g = [0.0] * n
    for i in range(n - 1):
        t = x[i + 1] - x[i] * x[i]
        g[i] = g[i] + (-400.0 * x[i] * t - 2.0 * (1.0 - x[i]))
        g[i + 1] = g[i + 1] + 200.0 * t
    return g


QUADRATIC_DIAGONAL = [1.0, 100.0]


def quadratic_gradient(x):
    """f = ½(x² + 100y²)."""
    return [QUADRATIC_DIAGONAL[i] * x[i] for i in range(len(x))]


def logistic_data():
    rng = np.random.default_rng(20260101)
    n, p = 20, 3
    features = rng.standard_normal((n, p))
    weights = np.array([1.5, -2.0, 0.5])
    noise = 0.5 * rng.standard_normal(n)
    labels = np.where(features @ weights + noise >= 0, 1.0, -1.0)
    return [[float(v) for v in row] for row in features], [float(v) for v in labels]


LOGISTIC_FEATURES, LOGISTIC_LABELS = logistic_data()
LOGISTIC_REGULARIZATION = 0.01


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def logistic_gradient(w):
    """f = (1/n) Σ log(1 + exp(−y_i x_iᵀw)) + (λ/2)‖w‖²; ∇f = (1/n) Σ −y_i σ(−m_i) x_i + λw."""
    n = len(LOGISTIC_LABELS)
    p = len(w)
    g = [0.0] * p
    for i in range(n):
        row = LOGISTIC_FEATURES[i]
        s = 0.0
        for j in range(p):
            s = s + row[j] * w[j]
        m = LOGISTIC_LABELS[i] * s
        c = -LOGISTIC_LABELS[i] * sigmoid(-m)
        for j in range(p):
            g[j] = g[j] + c * row[j]
    return [g[j] / n + LOGISTIC_REGULARIZATION * w[j] for j in range(p)]


PROBLEMS = {
    "rosenbrock": {"start": [-1.2, 1.0], "gradient": rosenbrock_gradient},
    "quadratic": {"start": [1.0, 1.0], "gradient": quadratic_gradient},
    "rosenbrock10": {"start": [-1.2, 1.0] * 5, "gradient": rosenbrock_gradient},
    "logistic": {"start": [0.0, 0.0, 0.0], "gradient": logistic_gradient},
}

# Learning rates per problem family that keep 100 steps finite and far from divergence (§E.4).
SGD_RATES = {"rosenbrock": 5e-4, "quadratic": 0.01, "rosenbrock10": 2e-4, "logistic": 1.0}
ADAPTIVE_RATES = {"rosenbrock": 0.01, "quadratic": 0.05, "rosenbrock10": 0.01, "logistic": 0.05}
RMSPROP_RATES = {"rosenbrock": 0.002, "quadratic": 0.01, "rosenbrock10": 0.002, "logistic": 0.02}
ADAGRAD_RATES = {"rosenbrock": 0.05, "quadratic": 0.1, "rosenbrock10": 0.05, "logistic": 0.1}
UNIT_RATES = {"rosenbrock": 1.0, "quadratic": 1.0, "rosenbrock10": 1.0, "logistic": 1.0}
SIGN_RATES = {"rosenbrock": 0.002, "quadratic": 0.01, "rosenbrock10": 0.002, "logistic": 0.01}
RADAM_RATES = {"rosenbrock": 5e-4, "quadratic": 0.01, "rosenbrock10": 2e-4, "logistic": 0.5}
CLIPPED_RATES = {"rosenbrock": 0.01, "quadratic": 0.01, "rosenbrock10": 0.01, "logistic": 1.0}


# --------------------------------------------------------------------------------------------- runners

def run_torch(make, gradient, start, clip=None):
    parameter = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = make([parameter])
    iterates = []
    for _ in range(STEPS):
        parameter.grad = torch.tensor(gradient(parameter.detach().tolist()), dtype=torch.float64)
        if clip is not None:
            clip([parameter])
        optimizer.step()
        iterates.append(parameter.detach().tolist())
    return iterates


def run_optax(transformation, gradient, start):
    parameters = jnp.array(start, dtype=jnp.float64)
    state = transformation.init(parameters)
    update = jax.jit(transformation.update)  # as optax is used; eager jax differs in the last bits of b**count
    iterates = []
    for _ in range(STEPS):
        g = jnp.array(gradient([float(v) for v in parameters.tolist()]), dtype=jnp.float64)
        updates, state = update(g, state, parameters)
        parameters = optax.apply_updates(parameters, updates)
        iterates.append([float(v) for v in parameters.tolist()])
    return iterates


# ------------------------------------------------------------------------------------- configurations
# Each: library, id, the call in words, the gdbench kind and parameters (kebab-case, without lr),
# the learning rates per problem, and a builder taking lr.

TORCH = [
    ("sgd", "torch.optim.SGD(lr)", "sgd", {}, SGD_RATES,
     lambda lr: lambda p: torch.optim.SGD(p, lr=lr)),
    ("sgd-momentum", "torch.optim.SGD(lr, momentum=0.9)", "sgd", {"momentum": 0.9}, SGD_RATES,
     lambda lr: lambda p: torch.optim.SGD(p, lr=lr, momentum=0.9)),
    ("sgd-dampening", "torch.optim.SGD(lr, momentum=0.9, dampening=0.1)", "sgd",
     {"momentum": 0.9, "dampening": 0.1}, SGD_RATES,
     lambda lr: lambda p: torch.optim.SGD(p, lr=lr, momentum=0.9, dampening=0.1)),
    ("sgd-nesterov", "torch.optim.SGD(lr, momentum=0.9, nesterov=True)", "sgd",
     {"momentum": 0.9, "nesterov": True}, SGD_RATES,
     lambda lr: lambda p: torch.optim.SGD(p, lr=lr, momentum=0.9, nesterov=True)),
    ("nesterov", "torch.optim.SGD(lr, momentum=0.9, nesterov=True)", "nesterov", {}, SGD_RATES,
     lambda lr: lambda p: torch.optim.SGD(p, lr=lr, momentum=0.9, nesterov=True)),
    ("sgd-weight-decay", "torch.optim.SGD(lr, momentum=0.9, weight_decay=0.1)", "sgd",
     {"momentum": 0.9, "weight-decay": 0.1}, SGD_RATES,
     lambda lr: lambda p: torch.optim.SGD(p, lr=lr, momentum=0.9, weight_decay=0.1)),
    ("adagrad", "torch.optim.Adagrad(lr)", "adagrad", {}, ADAGRAD_RATES,
     lambda lr: lambda p: torch.optim.Adagrad(p, lr=lr)),
    ("adagrad-lr-decay", "torch.optim.Adagrad(lr, lr_decay=0.01)", "adagrad", {"lr-decay": 0.01}, ADAGRAD_RATES,
     lambda lr: lambda p: torch.optim.Adagrad(p, lr=lr, lr_decay=0.01)),
    ("adagrad-initial-accumulator", "torch.optim.Adagrad(lr, initial_accumulator_value=0.1)", "adagrad",
     {"initial-accumulator-value": 0.1}, ADAGRAD_RATES,
     lambda lr: lambda p: torch.optim.Adagrad(p, lr=lr, initial_accumulator_value=0.1)),
    ("rmsprop", "torch.optim.RMSprop(lr)", "rmsprop", {}, RMSPROP_RATES,
     lambda lr: lambda p: torch.optim.RMSprop(p, lr=lr)),
    ("rmsprop-centered", "torch.optim.RMSprop(lr, centered=True)", "rmsprop", {"centered": True}, RMSPROP_RATES,
     lambda lr: lambda p: torch.optim.RMSprop(p, lr=lr, centered=True)),
    ("rmsprop-momentum", "torch.optim.RMSprop(lr, momentum=0.9, weight_decay=0.01)", "rmsprop",
     {"momentum": 0.9, "weight-decay": 0.01}, RMSPROP_RATES,
     lambda lr: lambda p: torch.optim.RMSprop(p, lr=lr, momentum=0.9, weight_decay=0.01)),
    ("rmsprop-centered-momentum", "torch.optim.RMSprop(lr, centered=True, momentum=0.9)", "rmsprop",
     {"centered": True, "momentum": 0.9}, RMSPROP_RATES,
     lambda lr: lambda p: torch.optim.RMSprop(p, lr=lr, centered=True, momentum=0.9)),
    ("adadelta", "torch.optim.Adadelta(lr)", "adadelta", {}, UNIT_RATES,
     lambda lr: lambda p: torch.optim.Adadelta(p, lr=lr)),
    ("adam", "torch.optim.Adam(lr)", "adam", {}, ADAPTIVE_RATES,
     lambda lr: lambda p: torch.optim.Adam(p, lr=lr)),
    ("adam-amsgrad", "torch.optim.Adam(lr, amsgrad=True)", "adam", {"amsgrad": True}, ADAPTIVE_RATES,
     lambda lr: lambda p: torch.optim.Adam(p, lr=lr, amsgrad=True)),
    ("adam-weight-decay", "torch.optim.Adam(lr, weight_decay=0.1)", "adam", {"weight-decay": 0.1}, ADAPTIVE_RATES,
     lambda lr: lambda p: torch.optim.Adam(p, lr=lr, weight_decay=0.1)),
    ("adamw", "torch.optim.AdamW(lr)", "adamw", {}, ADAPTIVE_RATES,
     lambda lr: lambda p: torch.optim.AdamW(p, lr=lr)),
    ("adamw-weight-decay", "torch.optim.AdamW(lr, weight_decay=0.1, amsgrad=True)", "adamw",
     {"weight-decay": 0.1, "amsgrad": True}, ADAPTIVE_RATES,
     lambda lr: lambda p: torch.optim.AdamW(p, lr=lr, weight_decay=0.1, amsgrad=True)),
    ("adamax", "torch.optim.Adamax(lr)", "adamax", {}, ADAPTIVE_RATES,
     lambda lr: lambda p: torch.optim.Adamax(p, lr=lr)),
    ("nadam", "torch.optim.NAdam(lr)", "nadam", {}, ADAPTIVE_RATES,
     lambda lr: lambda p: torch.optim.NAdam(p, lr=lr)),
    ("radam", "torch.optim.RAdam(lr)", "radam", {}, RADAM_RATES,
     lambda lr: lambda p: torch.optim.RAdam(p, lr=lr)),
]

TORCH_CLIPPED = [
    ("clip-norm-sgd", "torch.nn.utils.clip_grad_norm_(max_norm=0.5) then torch.optim.SGD(lr)", "sgd",
     {"clip-norm": 0.5}, CLIPPED_RATES,
     lambda lr: lambda p: torch.optim.SGD(p, lr=lr),
     lambda p: torch.nn.utils.clip_grad_norm_(p, max_norm=0.5)),
    ("clip-value-sgd", "torch.nn.utils.clip_grad_value_(clip_value=0.5) then torch.optim.SGD(lr)", "sgd",
     {"clip-value": 0.5}, CLIPPED_RATES,
     lambda lr: lambda p: torch.optim.SGD(p, lr=lr),
     lambda p: torch.nn.utils.clip_grad_value_(p, clip_value=0.5)),
]

OPTAX = [
    ("lion", "optax.lion(lr)", "lion", {}, SIGN_RATES, lambda lr: optax.lion(lr)),
    ("lion-no-decay", "optax.lion(lr, weight_decay=0.0)", "lion", {"weight-decay": 0.0}, SIGN_RATES,
     lambda lr: optax.lion(lr, weight_decay=0.0)),
    ("adabelief", "optax.adabelief(lr)", "adabelief", {}, ADAPTIVE_RATES, lambda lr: optax.adabelief(lr)),
    ("adagrad", "optax.adagrad(lr)", "adagrad-optax", {}, ADAGRAD_RATES, lambda lr: optax.adagrad(lr)),
    ("rmsprop", "optax.rmsprop(lr)", "rmsprop-optax", {}, RMSPROP_RATES, lambda lr: optax.rmsprop(lr)),
    ("rmsprop-centered-momentum", "optax.rmsprop(lr, centered=True, momentum=0.9)", "rmsprop-optax",
     {"centered": True, "momentum": 0.9}, RMSPROP_RATES,
     lambda lr: optax.rmsprop(lr, centered=True, momentum=0.9)),
    ("rmsprop-options",
     "optax.rmsprop(lr, decay=0.95, initial_scale=1.0, eps_in_sqrt=False, momentum=0.9, nesterov=True, "
     "bias_correction=True)", "rmsprop-optax",
     {"decay": 0.95, "initial-scale": 1.0, "eps-in-sqrt": False, "momentum": 0.9, "nesterov": True,
      "bias-correction": True}, RMSPROP_RATES,
     lambda lr: optax.rmsprop(lr, decay=0.95, initial_scale=1.0, eps_in_sqrt=False, momentum=0.9, nesterov=True,
                              bias_correction=True)),
    ("adam-eps-root", "optax.adam(lr, eps_root=1e-8)", "adam-optax", {"eps-root": 1e-8}, ADAPTIVE_RATES,
     lambda lr: optax.adam(lr, eps_root=1e-8)),
    ("nadam", "optax.nadam(lr)", "nadam-optax", {}, ADAPTIVE_RATES, lambda lr: optax.nadam(lr)),
    ("radam", "optax.radam(lr)", "radam-optax", {}, RADAM_RATES, lambda lr: optax.radam(lr)),
    ("amsgrad", "optax.amsgrad(lr)", "amsgrad-optax", {}, ADAPTIVE_RATES, lambda lr: optax.amsgrad(lr)),
    ("clip-by-global-norm-sgd", "optax.chain(optax.clip_by_global_norm(0.5), optax.sgd(lr))", "sgd",
     {"clip-norm-optax": 0.5}, CLIPPED_RATES,
     lambda lr: optax.chain(optax.clip_by_global_norm(0.5), optax.sgd(lr))),
]


# ------------------------------------------------------------------------------------------- writing

def check_finite(name, problem, iterates):
    for point in iterates:
        for value in point:
            if not math.isfinite(value) or abs(value) > 100:
                raise SystemExit(f"{name} on {problem} leaves the safe region: {point}")


def write(name, content):
    with open(os.path.join(FIXTURES, name), "w") as handle:
        handle.write(json.dumps(content, sort_keys=True, separators=(",", ":")))
        handle.write("\n")


def fixture(library, identifier, call, kind, parameters, rates, runner):
    runs = {}
    for problem in sorted(PROBLEMS):
        definition = PROBLEMS[problem]
        iterates = runner(rates[problem], definition["gradient"], definition["start"])
        check_finite(f"{library}-{identifier}", problem, iterates)
        runs[problem] = {"lr": rates[problem], "iterates": iterates}
    write(f"{library}-{identifier}.json", {
        "library": library, "call": call, "kind": kind, "parameters": parameters, "runs": runs,
        "versions": {"torch": torch.__version__, "optax": optax.__version__, "jax": jax.__version__,
                     "numpy": np.__version__},
    })


def signature_defaults(function):
    return {name: parameter.default for name, parameter in inspect.signature(function).parameters.items()
            if parameter.default is not inspect.Parameter.empty}


def kebab(name):
    return name.replace("_", "-")


def library_defaults():
    """The defaults the libraries declare, under gdbench's parameter names, for the kinds that follow them."""
    torch_kinds = {"sgd": torch.optim.SGD, "adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop,
                   "adadelta": torch.optim.Adadelta, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
                   "adamax": torch.optim.Adamax, "nadam": torch.optim.NAdam, "radam": torch.optim.RAdam}
    ignored = {"maximize", "foreach", "capturable", "differentiable", "fused", "decoupled_weight_decay"}
    defaults = {}
    for kind, optimizer in torch_kinds.items():
        values = {}
        for name, value in signature_defaults(optimizer.__init__).items():
            if name in ignored:
                continue
            if name == "betas":
                values["beta1"], values["beta2"] = float(value[0]), float(value[1])
            elif isinstance(value, bool):
                values[kebab(name)] = value
            else:
                values[kebab(name)] = float(value)
        defaults[kind] = values
    optax_names = {"b1": "beta1", "b2": "beta2", "eps_in_sqrt": "eps-in-sqrt"}
    optax_kinds = {"adagrad-optax": optax.adagrad, "rmsprop-optax": optax.rmsprop, "adam-optax": optax.adam,
                   "amsgrad-optax": optax.amsgrad, "nadam-optax": optax.nadam, "radam-optax": optax.radam,
                   "lion": optax.lion, "adabelief": optax.adabelief}
    optax_ignored = {"mu_dtype", "mask", "accumulator_dtype", "bias_correction_mu", "bias_correction_nu"}
    for kind, alias in optax_kinds.items():
        values = {}
        for name, value in signature_defaults(alias).items():
            if name in optax_ignored or value is None:
                continue
            key = optax_names.get(name, kebab(name))
            values[key] = value if isinstance(value, bool) else float(value)
        defaults[kind] = values
    return defaults


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    write("library-defaults.json", library_defaults())
    write("problems.json", {
        "rosenbrock": {"start": PROBLEMS["rosenbrock"]["start"], "form": "scipy rosen, n = 2"},
        "quadratic": {"start": PROBLEMS["quadratic"]["start"], "diagonal": QUADRATIC_DIAGONAL},
        "rosenbrock10": {"start": PROBLEMS["rosenbrock10"]["start"], "form": "scipy rosen, n = 10"},
        "logistic": {"start": PROBLEMS["logistic"]["start"], "features": LOGISTIC_FEATURES,
                     "labels": LOGISTIC_LABELS, "regularization": LOGISTIC_REGULARIZATION},
    })
    for identifier, call, kind, parameters, rates, build in TORCH:
        fixture("torch", identifier, call, kind, parameters, rates,
                lambda lr, gradient, start, build=build: run_torch(build(lr), gradient, start))
    for identifier, call, kind, parameters, rates, build, clip in TORCH_CLIPPED:
        fixture("torch", identifier, call, kind, parameters, rates,
                lambda lr, gradient, start, build=build, clip=clip: run_torch(build(lr), gradient, start, clip))
    for identifier, call, kind, parameters, rates, build in OPTAX:
        fixture("optax", identifier, call, kind, parameters, rates,
                lambda lr, gradient, start, build=build: run_optax(build(lr), gradient, start))


if __name__ == "__main__":
    main()
