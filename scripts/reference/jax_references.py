"""The jax side of `gdbench bench`'s every-optimizer and every-schedule tables: for each gdbench kind,
a jax implementation of THE SAME algorithm (optax's alias where optax has an equal one, else the update
written in jax.numpy after the torch source the gdbench kind follows), and a check that each one
reproduces the committed library trajectories that gdbench's own tests reproduce
(Tests/OptimizersTests/Fixtures: torch-*.json, optax-*.json, schedules_*.json), so that the two timed
loops do equal work.

An optimizer reference is a pair (init(x) -> state, step(g, state, x) -> (x_new, state)); a schedule
reference is a function of the 0-based update index k (a float64 array). The update rules and their
sources are in docs/reference.md; torch's are pytorch/pytorch:torch/optim/<name>.py, optax's
google-deepmind/optax:optax/_src/alias.py and optax/schedules/_schedule.py.

Run alone (python scripts/reference/jax_references.py) it prints the check and exits 1 on a mismatch;
jax_timing.py runs the same check before timing anything.
"""

import json
import math
import os
import sys

import jax
import jax.numpy as jnp
import optax

jax.config.update("jax_enable_x64", True)

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "OptimizersTests", "Fixtures")
# The largest relative difference from a fixture that still counts as the same algorithm: the fixtures
# are reproduced by gdbench to 1e-12; jax's own rounding (and the rearrangements of the algebraically
# equal velocity and heavy-ball forms) stays below 1e-13 over the fixtures' 100 steps.
TOLERANCE = 1e-12


class Unsupported(Exception):
    """A parameter value the jax reference does not implement (its fixture case is skipped)."""


# ------------------------------------------------------------------------------------ optimizers

def lerp(start, end, weight):
    """torch.lerp as ATen computes it (aten/src/ATen/native/Lerp.h), weight a Python float."""
    return start + weight * (end - start) if abs(weight) < 0.5 else end - (end - start) * (1 - weight)


def optax_reference(optimizer):
    def init(x):
        return optimizer.init(x)

    def step(g, state, x):
        updates, state = optimizer.update(g, state, x)
        return optax.apply_updates(x, updates), state
    return init, step


def coupled(g, x, weight_decay):
    """torch's weight_decay: g + λθ (skipped at λ = 0, as gdbench's AddDecayedWeights)."""
    return g if weight_decay == 0 else g + weight_decay * x


def torch_adagrad(lr, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10):
    """torch.optim.Adagrad (torch/optim/adagrad.py): G += g², u = g/(√G + ε)/(1 + (t − 1)·lr_decay)."""
    def init(x):
        return jnp.zeros((), jnp.float64), jnp.full_like(x, initial_accumulator_value)

    def step(g, state, x):
        t, total = state
        g = coupled(g, x, weight_decay)
        t = t + 1
        decay = 1 / (1 + (t - 1) * lr_decay)
        total = total + g * g
        return x + -lr * (decay * (g / (jnp.sqrt(total) + eps))), (t, total)
    return init, step


def torch_rmsprop(lr, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False):
    """torch.optim.RMSprop (torch/optim/rmsprop.py), plain form: v = αv + (1 − α)g², u = g/(√v + ε)."""
    if momentum != 0 or centered:
        raise Unsupported("momentum/centered")

    def init(x):
        return jnp.zeros_like(x)

    def step(g, v, x):
        g = coupled(g, x, weight_decay)
        v = v * alpha + (1 - alpha) * g * g
        return x + -lr * (g / (jnp.sqrt(v) + eps)), v
    return init, step


def torch_adam(lr, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, amsgrad=False, decoupled=False):
    """torch.optim.Adam (torch/optim/adam.py): lerp m, ε after the bias correction of √v;
    `decoupled`: torch.optim.AdamW (torch/optim/adamw.py) as gdbench writes it, u = −η(adam + λθ)."""
    if amsgrad:
        raise Unsupported("amsgrad")

    def init(x):
        return jnp.zeros((), jnp.float64), jnp.zeros_like(x), jnp.zeros_like(x)

    def step(g, state, x):
        t, m, v = state
        if not decoupled:
            g = coupled(g, x, weight_decay)
        t = t + 1
        correction1 = 1 - beta1 ** t
        correction2_root = jnp.sqrt(1 - beta2 ** t)
        m = lerp(m, g, 1 - beta1)
        v = v * beta2 + (1 - beta2) * g * g
        update = m / (jnp.sqrt(v) / correction2_root + eps) / correction1
        if decoupled and weight_decay != 0:
            update = update + weight_decay * x
        return x + -lr * update, (t, m, v)
    return init, step


def torch_adamw(lr, weight_decay=1e-2, **options):
    return torch_adam(lr, weight_decay=weight_decay, decoupled=True, **options)


def torch_adamax(lr, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    """torch.optim.Adamax (torch/optim/adamax.py): r = max(β₂r, |g| + ε), u = m/r/(1 − β₁ᵗ)."""
    def init(x):
        return jnp.zeros((), jnp.float64), jnp.zeros_like(x), jnp.zeros_like(x)

    def step(g, state, x):
        t, m, r = state
        g = coupled(g, x, weight_decay)
        t = t + 1
        m = lerp(m, g, 1 - beta1)
        r = jnp.maximum(r * beta2, jnp.abs(g) + eps)
        return x + -lr * (m / r / (1 - beta1 ** t)), (t, m, r)
    return init, step


def torch_nadam(lr, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, momentum_decay=4e-3):
    """torch.optim.NAdam (torch/optim/nadam.py), with Dozat's schedule μ_t = β₁(1 − ½·0.96^{tψ}) and
    Π_t = Π_{t−1}·μ_t: u = (1 − μ_t)/(1 − Π_t)·g/a + μ_{t+1}/(1 − Π_t·μ_{t+1})·m/a, a = √(v/(1 − β₂ᵗ)) + ε."""
    def init(x):
        one = jnp.ones((), jnp.float64)
        return 0 * one, one, jnp.zeros_like(x), jnp.zeros_like(x)

    def step(g, state, x):
        t, product, m, v = state
        g = coupled(g, x, weight_decay)
        t = t + 1
        correction2 = 1 - beta2 ** t
        mu = beta1 * (1.0 - 0.5 * 0.96 ** (t * momentum_decay))
        mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * momentum_decay))
        product = product * mu
        m = lerp(m, g, 1 - beta1)
        v = v * beta2 + (1 - beta2) * g * g
        a = jnp.sqrt(v / correction2) + eps
        update = (1.0 - mu) / (1.0 - product) * (g / a) + mu_next / (1.0 - product * mu_next) * (m / a)
        return x + -lr * update, (t, product, m, v)
    return init, step


def torch_radam(lr, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    """torch.optim.RAdam (torch/optim/radam.py): rectified when ρ_t > 5, ε added to √v before the
    correction; both branches are computed and one selected (jnp.where), as jitted code does."""
    rho_infinity = 2 / (1 - beta2) - 1

    def init(x):
        return jnp.zeros((), jnp.float64), jnp.zeros_like(x), jnp.zeros_like(x)

    def step(g, state, x):
        t, m, v = state
        g = coupled(g, x, weight_decay)
        t = t + 1
        correction1 = 1 - beta1 ** t
        beta2_power = beta2 ** t
        correction2 = 1 - beta2_power
        rho = rho_infinity - 2 * t * beta2_power / correction2
        rectified = rho > 5.0
        rectification = jnp.sqrt(jnp.where(
            rectified, (rho - 4) * (rho - 2) * rho_infinity / ((rho_infinity - 4) * (rho_infinity - 2) * rho), 1.0))
        m = lerp(m, g, 1 - beta1)
        v = v * beta2 + (1 - beta2) * g * g
        m_hat = m / correction1
        update = jnp.where(rectified, m_hat * (jnp.sqrt(correction2) / (jnp.sqrt(v) + eps)) * rectification, m_hat)
        return x + -lr * update, (t, m, v)
    return init, step


def momentum_velocity(lr, momentum=0.9, weight_decay=0.0):
    """gdbench momentum-velocity (CS231n form): v ← μv − ηg, θ ← θ + v."""
    def init(x):
        return jnp.zeros_like(x)

    def step(g, v, x):
        v = momentum * v - lr * coupled(g, x, weight_decay)
        return x + v, v
    return init, step


def heavy_ball(lr, momentum=0.9):
    """gdbench heavy-ball (Polyak): x_{k+1} = x_k − η∇f(x_k) + β(x_k − x_{k−1}), x₋₁ = x₀."""
    def init(x):
        return x

    def step(g, previous, x):
        return x - lr * g + momentum * (x - previous), x
    return init, step


def optax_kind(factory, renames=None):
    """An optax alias under gdbench's parameter names (hyphens as underscores; `renames` maps the rest)."""
    def build(lr, **parameters):
        options = {(renames or {}).get(key, key): value for key, value in parameters.items()}
        return optax_reference(factory(lr, **options))
    return build


OPTIMIZERS = {
    "sgd": optax_kind(optax.sgd),
    "nesterov": lambda lr, momentum=0.9: optax_reference(optax.sgd(lr, momentum=momentum, nesterov=True)),
    "momentum-velocity": momentum_velocity,
    "heavy-ball": heavy_ball,
    "adagrad": torch_adagrad,
    "adagrad-optax": optax_kind(optax.adagrad),
    "rmsprop": torch_rmsprop,
    "rmsprop-optax": optax_kind(optax.rmsprop),
    "adadelta": optax_kind(optax.adadelta),
    "adam": torch_adam,
    "adam-optax": optax_kind(optax.adam, {"beta1": "b1", "beta2": "b2"}),
    "amsgrad-optax": optax_kind(optax.amsgrad, {"beta1": "b1", "beta2": "b2"}),
    "adamw": torch_adamw,
    "adamax": torch_adamax,
    "nadam": torch_nadam,
    "nadam-optax": optax_kind(optax.nadam, {"beta1": "b1", "beta2": "b2"}),
    "radam": torch_radam,
    "radam-optax": optax_kind(optax.radam, {"beta1": "b1", "beta2": "b2"}),
    "lion": optax_kind(optax.lion, {"beta1": "b1", "beta2": "b2"}),
    "adabelief": optax_kind(optax.adabelief, {"beta1": "b1", "beta2": "b2"}),
}

# The every-optimizer rows of `gdbench bench` (OptimizerBenchmark entries in the catalog): lr and
# parameters of each kind's row, the rest at gdbench's defaults (which the builders above share).
OPTIMIZER_ROWS = {
    "sgd": {"lr": 1e-3}, "nesterov": {"lr": 1e-4}, "momentum-velocity": {"lr": 1e-4},
    "heavy-ball": {"lr": 1e-4, "momentum": 0.9}, "adagrad": {"lr": 1e-2}, "adagrad-optax": {"lr": 1e-2},
    "rmsprop": {"lr": 1e-3}, "rmsprop-optax": {"lr": 1e-3}, "adadelta": {"lr": 1.0}, "adam": {"lr": 1e-3},
    "adam-optax": {"lr": 1e-3}, "amsgrad-optax": {"lr": 1e-3}, "adamw": {"lr": 1e-3}, "adamax": {"lr": 2e-3},
    "nadam": {"lr": 2e-3}, "nadam-optax": {"lr": 2e-3}, "radam": {"lr": 1e-3}, "radam-optax": {"lr": 1e-3},
    "lion": {"lr": 1e-4}, "adabelief": {"lr": 1e-3},
}

# Kinds without a fixture of their own, checked against an algebraically equal torch trajectory.
EQUAL_FIXTURES = {"momentum-velocity": "torch-sgd-momentum", "heavy-ball": "torch-sgd-momentum"}


def optimizer(kind, lr, **parameters):
    return OPTIMIZERS[kind](lr, **{key.replace("-", "_"): value for key, value in parameters.items()})


# ------------------------------------------------------------------------------------- schedules

def cosine_warm_restarts(lr, t_0, t_mult=1, eta_min=0.0):
    """torch CosineAnnealingWarmRestarts in closed form (gdbench cosine-warm-restarts): cycle n of
    length T₀·mⁿ starts at T₀(mⁿ − 1)/(m − 1); the float log estimate of n is corrected by one step."""
    def schedule(k):
        if t_mult == 1:
            position, length = jnp.mod(k, t_0), jnp.float64(t_0)
        else:
            cycle = jnp.floor(jnp.log(k * (t_mult - 1) / t_0 + 1) / math.log(t_mult))
            start = lambda n: t_0 * (t_mult ** n - 1) / (t_mult - 1)  # noqa: E731
            cycle = jnp.where(start(cycle) > k, cycle - 1, cycle)
            cycle = jnp.where(start(cycle + 1) <= k, cycle + 1, cycle)
            position, length = k - start(cycle), t_0 * t_mult ** cycle
        return eta_min + (lr - eta_min) * (1 + jnp.cos(math.pi * position / length)) / 2
    return schedule


def cyclic(lr, base_lr, max_lr, step_size_up=2000, step_size_down=0, mode="triangular", gamma=1.0):
    """torch CyclicLR (gdbench cyclic), triangular mode."""
    if mode != "triangular":
        raise Unsupported(mode)
    total = float(step_size_up + (step_size_down or step_size_up))
    ratio = step_size_up / total

    def schedule(k):
        position = k / total
        cycle = jnp.floor(1 + position)
        x = 1.0 + position - cycle
        scale = jnp.where(x <= ratio, x / ratio, (x - 1) / (ratio - 1))
        return base_lr + (max_lr - base_lr) * scale
    return schedule


def one_cycle(lr, max_lr, total_steps, pct_start=0.3, anneal_strategy="cos", div_factor=25.0,
              final_div_factor=1e4, three_phase=False):
    """torch OneCycleLR (gdbench one-cycle), two phases, cosine annealing."""
    if anneal_strategy != "cos" or three_phase:
        raise Unsupported("linear or three-phase")
    initial = max_lr / div_factor
    minimum = initial / final_div_factor
    first_end = pct_start * total_steps - 1
    last_end = float(total_steps - 1)

    def schedule(k):
        k = jnp.minimum(k, total_steps - 1)
        first = k <= first_end
        start_step = jnp.where(first, 0.0, first_end)
        end_step = jnp.where(first, first_end, last_end)
        start = jnp.where(first, initial, max_lr)
        end = jnp.where(first, max_lr, minimum)
        pct = (k - start_step) / (end_step - start_step)
        return end + (start - end) / 2.0 * (jnp.cos(math.pi * pct) + 1)
    return schedule


def warmup(lr, warmup_steps, warmup_start_factor=0.0, then="constant", **inner):
    """gdbench warmup: linear from warmup-start-factor·η₀ to η₀ over warmup-steps updates, then `then`
    counted from 0."""
    follower = schedule(then, lr, **inner)
    start = warmup_start_factor * lr

    def value(k):
        ramp = (start - lr) * (1 - k / warmup_steps) + lr
        return jnp.where(k < warmup_steps, ramp, follower(jnp.maximum(k - warmup_steps, 0)))
    return value


def multi_step(lr, milestones, gamma=0.1):
    marks = jnp.asarray(milestones, jnp.float64)
    return lambda k: lr * gamma ** jnp.sum(marks <= k[..., None], axis=-1).astype(jnp.float64)


SCHEDULES = {
    "constant": lambda lr: lambda k: lr + 0 * k,
    "constant-factor": lambda lr, factor=1 / 3, total_iters=5: lambda k: jnp.where(k < total_iters, lr * factor, lr),
    "step": lambda lr, step_size, gamma=0.1: lambda k: lr * gamma ** jnp.floor(k / step_size),
    "multi-step": multi_step,
    "exponential": lambda lr, gamma: lambda k: lr * gamma ** k,
    "cosine": lambda lr, t_max, eta_min=0.0: lambda k: (
        eta_min + (lr - eta_min) * (1 + jnp.cos(math.pi * jnp.mod(k, 2 * t_max) / t_max)) / 2),
    "cosine-warm-restarts": cosine_warm_restarts,
    "cyclic": cyclic,
    "one-cycle": one_cycle,
    "linear": lambda lr, start_factor=1 / 3, end_factor=1.0, total_iters=5: lambda k: (
        lr * (start_factor + (end_factor - start_factor) * jnp.minimum(total_iters, k) / total_iters)),
    "polynomial": lambda lr, total_iters=5, power=1.0: lambda k: (
        lr * (1.0 - jnp.minimum(total_iters, k) / total_iters) ** power),
    "inverse-sqrt": lambda lr, warmup_steps=4000: lambda k: (
        lr * jnp.minimum((k + 1) / warmup_steps, jnp.sqrt(warmup_steps / (k + 1)))),
    "noam": lambda lr, d_model=512, warmup_steps=4000: lambda k: (
        lr * (d_model ** -0.5 * jnp.minimum((k + 1) ** -0.5, (k + 1) * warmup_steps ** -1.5))),
    "warmup": warmup,
    "cosine-optax": lambda lr, decay_steps, alpha=0.0, exponent=1.0: optax.cosine_decay_schedule(
        lr, decay_steps, alpha, exponent),
    "exponential-optax": lambda lr, decay_rate, transition_steps=1, transition_begin=0, staircase=False,
    end_value=0.0: optax.exponential_decay(
        lr, transition_steps, decay_rate, transition_begin, staircase, end_value or None),
    "polynomial-optax": lambda lr, transition_steps, end_value=0.0, power=1.0, transition_begin=0: (
        optax.polynomial_schedule(lr, end_value, power, transition_steps, transition_begin)),
    "one-cycle-cosine-optax": lambda lr, transition_steps, peak_value, pct_start=0.3, div_factor=25.0,
    final_div_factor=1e4: optax.cosine_onecycle_schedule(
        transition_steps, peak_value, pct_start, div_factor, final_div_factor),
    "one-cycle-linear-optax": lambda lr, transition_steps, peak_value, pct_start=0.3, pct_final=0.85,
    div_factor=25.0, final_div_factor=1e4: optax.linear_onecycle_schedule(
        transition_steps, peak_value, pct_start, pct_final, div_factor, final_div_factor),
}

# The every-schedule rows (ScheduleKind.benchmark entries), each with sgd at lr 1e-3.
SCHEDULE_ROWS = {
    "constant": {}, "constant-factor": {"factor": 0.5, "total-iters": 500},
    "step": {"step-size": 1000, "gamma": 0.9},
    "multi-step": {"milestones": [50000, 100000, 150000], "gamma": 0.5}, "exponential": {"gamma": 0.99999},
    "cosine": {"t-max": 200000}, "cosine-warm-restarts": {"t-0": 500, "t-mult": 2},
    "cyclic": {"base-lr": 1e-4, "max-lr": 1e-3, "step-size-up": 500},
    "one-cycle": {"max-lr": 1e-3, "total-steps": 200000},
    "linear": {"start-factor": 1, "end-factor": 0.01, "total-iters": 200000},
    "polynomial": {"total-iters": 200000, "power": 2}, "inverse-sqrt": {"warmup-steps": 500},
    "noam": {"d-model": 1, "warmup-steps": 500},
    "warmup": {"warmup-steps": 500, "then": "cosine", "t-max": 199500},
    "cosine-optax": {"decay-steps": 200000, "alpha": 0.01},
    "exponential-optax": {"decay-rate": 0.5, "transition-steps": 50000},
    "polynomial-optax": {"transition-steps": 200000, "end-value": 1e-5},
    "one-cycle-cosine-optax": {"transition-steps": 200000, "peak-value": 1e-3},
    "one-cycle-linear-optax": {"transition-steps": 200000, "peak-value": 1e-3},
}


def schedule(kind, lr, **parameters):
    return SCHEDULES[kind](lr, **{key.replace("-", "_"): value for key, value in parameters.items()})


# ----------------------------------------------------------------------------------------- check

def fixture_gradient(x):
    """The fixtures' 2-D Rosenbrock gradient (scipy rosen), in their order of operations."""
    t = x[1] - x[0] * x[0]
    return jnp.stack([-400.0 * x[0] * t - 2.0 * (1.0 - x[0]), 200.0 * t])


def load(name):
    with open(os.path.join(FIXTURES, name)) as file:
        return json.load(file)


def relative_difference(values, expected):
    values, expected = jnp.asarray(values), jnp.asarray(expected)
    return float(jnp.max(jnp.abs(values - expected) / jnp.maximum(jnp.abs(expected), 1e-300)))


def check_optimizers():
    """Every optimizer reference against the fixtures of its kind (default parameters and the
    fixture's options) on 2-D Rosenbrock from (−1.2, 1): the largest relative difference per kind."""
    fixtures = {}
    for name in sorted(os.listdir(FIXTURES)):
        if (name.startswith("torch-") or name.startswith("optax-")) and name.endswith(".json"):
            fixture = load(name)
            fixtures.setdefault(fixture["kind"], []).append((name[:-5], fixture))
    for kind, source in EQUAL_FIXTURES.items():
        fixtures[kind] = [(source, load(source + ".json"))]
    results = {}
    for kind in OPTIMIZER_ROWS:
        worst, checked = 0.0, []
        for name, fixture in fixtures.get(kind, []):
            options = {key: value for key, value in fixture["parameters"].items() if kind not in EQUAL_FIXTURES}
            if any(key.startswith("clip") for key in options):
                continue
            run = fixture["runs"]["rosenbrock"]
            try:
                init, step = optimizer(kind, run["lr"], **options)
            except (Unsupported, TypeError):
                continue
            step = jax.jit(step)
            x = jnp.asarray([-1.2, 1.0])
            state = init(x)
            iterates = []
            for _ in range(len(run["iterates"])):
                x, state = step(fixture_gradient(x), state, x)
                iterates.append(x)
            worst = max(worst, relative_difference(jnp.stack(iterates), run["iterates"]))
            checked.append(name)
        results[kind] = (worst, checked)
    return results


def check_schedules():
    """Every schedule reference against the torch and optax schedule fixtures of its kind."""
    cases = load("schedules_torch.json")["cases"] + load("schedules_optax.json")["cases"]
    results = {}
    for kind in SCHEDULE_ROWS:
        worst, checked = 0.0, []
        for case in cases:
            if case["kind"] != kind:
                continue
            try:
                function = schedule(kind, case["base_lr"], **case["parameters"])
            except (Unsupported, TypeError):
                continue
            steps = jnp.arange(len(case["lr"]), dtype=jnp.float64)
            values = jnp.stack([jnp.asarray(function(k), jnp.float64) for k in steps])
            worst = max(worst, relative_difference(values, case["lr"]))
            checked.append(case.get("call", case["kind"]))
        results[kind] = (worst, checked)
    return results


def check(verbose=False):
    """Both checks; returns the failures (kinds without a fixture, or off by more than TOLERANCE)."""
    failures = []
    for table, results in (("optimizer", check_optimizers()), ("schedule", check_schedules())):
        for kind, (worst, checked) in results.items():
            if not checked:
                failures.append(f"{table} {kind}: no fixture checks the jax reference")
            elif not worst <= TOLERANCE:
                failures.append(f"{table} {kind}: {worst:.3g} relative from {', '.join(checked)}")
            if verbose:
                print(f"{table:9} {kind:24} {worst:9.2e}  {', '.join(checked)}")
    return failures


if __name__ == "__main__":
    problems = check(verbose=True)
    for problem in problems:
        print(f"jax_references.py: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)
