"""Golden learning-rate sequences for gdbench's schedules, from the real libraries.

Pinned versions (reference §B): torch 2.15.0, optax 0.2.8, jax 0.10.2 (jax_enable_x64), numpy 2.4.6.
Run:  python scripts/reference/schedule_fixtures.py
Writes (deterministically; a second run gives identical files):
  Tests/OptimizersTests/Fixtures/schedules_torch.json
      the lr torch writes into optimizer.param_groups[0]['lr'] for updates 0…N−1: SGD(momentum=0.9) on a
      one-parameter quadratic, `opt.step()` then `sched.step()` once per update, so update k reads f(k)
      (reference §B.0). CyclicLR and OneCycleLR use cycle_momentum=False: gdbench's schedules drive only
      the learning rate.
  Tests/OptimizersTests/Fixtures/schedules_optax.json
      optax schedules evaluated on Python ints 0…N−1. Python ints keep the arithmetic in float64; the int32
      `count` inside an optax optimizer makes several schedules compute in float32 (reference §B.0), which
      is avoided here on purpose.
  Tests/OptimizersTests/Fixtures/schedule_driven_trajectories.json
      100-step trajectories of torch SGD(momentum=0.9) and torch Adam driven by each torch scheduler on
      f = ½(x² + 100y²) from (1, 1) and on 2-D Rosenbrock from (−1.2, 1).

Every case names the gdbench schedule kind and its parameters exactly as ScheduleCatalog spells them
("kind", "parameters", "base_lr" = the optimizer's lr η₀), the library call that produced the values,
and "match": "exact" when gdbench computes with the same floating-point operations as the library (the
values must be equal bit for bit), "relative" when the library value comes from a different but
mathematically equal computation (torch's recursive get_lr, or a cross-library equivalence of §B.3;
compare with |a − b| ≤ 1e−12·|b|).
"""

import json
import math
import os
import warnings

import torch
import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402

torch.set_default_dtype(torch.float64)
warnings.filterwarnings("ignore")

assert torch.__version__.split("+")[0] == "2.15.0", torch.__version__
assert optax.__version__ == "0.2.8", optax.__version__
assert jax.__version__ == "0.10.2", jax.__version__

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "OptimizersTests", "Fixtures")
STEPS = 100
LRS = torch.optim.lr_scheduler

# torch schedulers whose get_lr() multiplies the current group['lr'] (recursive form): gdbench uses the
# closed form, equal up to rounding. The others compute lr(e) directly with the same operations as gdbench.
RECURSIVE = {"ConstantLR", "StepLR", "MultiStepLR", "ExponentialLR", "LinearLR", "PolynomialLR",
             "CosineAnnealingLR", "SequentialLR"}


def torch_lrs(base_lr, make_scheduler, steps=STEPS, optimizer="sgd"):
    """The lr torch writes into param_groups[0]['lr'] before each of `steps` updates."""
    x = torch.tensor([1.0], requires_grad=True)
    if optimizer == "sgd":
        opt = torch.optim.SGD([x], lr=base_lr, momentum=0.9)
    else:
        opt = torch.optim.Adam([x], lr=base_lr)
    sched = make_scheduler(opt)
    out = []
    for _ in range(steps):
        out.append(float(opt.param_groups[0]["lr"]))
        opt.zero_grad()
        (0.5 * x * x).sum().backward()
        opt.step()
        sched.step()
    return out


def torch_case(name, kind, parameters, base_lr, call, make_scheduler, steps=STEPS):
    scheduler_class = call.split("(")[0]
    return {
        "name": name, "kind": kind, "parameters": parameters, "base_lr": base_lr,
        "library": "torch", "call": call,
        "match": "relative" if scheduler_class in RECURSIVE else "exact",
        "lr": torch_lrs(base_lr, make_scheduler, steps),
    }


def optax_case(name, kind, parameters, base_lr, call, schedule, steps=STEPS, match="exact"):
    return {
        "name": name, "kind": kind, "parameters": parameters, "base_lr": base_lr,
        "library": "optax", "call": call, "match": match,
        "lr": [float(schedule(k)) for k in range(steps)],
    }


def noam(d_model, warmup):
    """Vaswani et al. 2017 eq. 3 with the 1-based step s = e + 1 (reference §B.4)."""
    return lambda e: d_model ** -0.5 * min((e + 1) ** -0.5, (e + 1) * warmup ** -1.5)


def inverse_sqrt(warmup):
    """fairseq-style η₀·min(s/w, √(w/s)) with s = e + 1 (reference §B.4)."""
    return lambda e: min((e + 1) / warmup, math.sqrt(warmup / (e + 1)))


def torch_cases():
    third = 1.0 / 3.0
    c = []
    add = c.append
    add(torch_case("ConstantLR factor 1 (plain constant)", "constant", {}, 0.1,
                   "ConstantLR(factor=1.0, total_iters=5)", lambda o: LRS.ConstantLR(o, factor=1.0, total_iters=5)))
    add(torch_case("ConstantLR defaults", "constant-factor", {}, 0.1,
                   "ConstantLR()", lambda o: LRS.ConstantLR(o)))
    add(torch_case("ConstantLR 0.5 for 3", "constant-factor", {"factor": 0.5, "total-iters": 3}, 1.0,
                   "ConstantLR(factor=0.5, total_iters=3)", lambda o: LRS.ConstantLR(o, factor=0.5, total_iters=3)))
    add(torch_case("ConstantLR 0.3 for 40", "constant-factor", {"factor": 0.3, "total-iters": 40}, 0.05,
                   "ConstantLR(factor=0.3, total_iters=40)", lambda o: LRS.ConstantLR(o, factor=0.3, total_iters=40)))
    add(torch_case("StepLR 3 0.5", "step", {"step-size": 3, "gamma": 0.5}, 1.0,
                   "StepLR(step_size=3, gamma=0.5)", lambda o: LRS.StepLR(o, 3, 0.5)))
    add(torch_case("StepLR 10 default gamma", "step", {"step-size": 10}, 0.1,
                   "StepLR(step_size=10)", lambda o: LRS.StepLR(o, 10)))
    add(torch_case("StepLR 7 0.9", "step", {"step-size": 7, "gamma": 0.9}, 0.3,
                   "StepLR(step_size=7, gamma=0.9)", lambda o: LRS.StepLR(o, 7, 0.9)))
    add(torch_case("MultiStepLR [2,5] 0.1", "multi-step", {"milestones": [2, 5], "gamma": 0.1}, 1.0,
                   "MultiStepLR(milestones=[2, 5], gamma=0.1)", lambda o: LRS.MultiStepLR(o, [2, 5], 0.1)))
    add(torch_case("MultiStepLR repeated milestones", "multi-step",
                   {"milestones": [10, 10, 30, 60], "gamma": 0.5}, 0.2,
                   "MultiStepLR(milestones=[10, 10, 30, 60], gamma=0.5)",
                   lambda o: LRS.MultiStepLR(o, [10, 10, 30, 60], 0.5)))
    add(torch_case("MultiStepLR milestone 0", "multi-step", {"milestones": [0, 50], "gamma": 0.3}, 1.0,
                   "MultiStepLR(milestones=[0, 50], gamma=0.3)", lambda o: LRS.MultiStepLR(o, [0, 50], 0.3)))
    add(torch_case("ExponentialLR 0.9", "exponential", {"gamma": 0.9}, 1.0,
                   "ExponentialLR(gamma=0.9)", lambda o: LRS.ExponentialLR(o, 0.9)))
    add(torch_case("ExponentialLR 0.97", "exponential", {"gamma": 0.97}, 0.1,
                   "ExponentialLR(gamma=0.97)", lambda o: LRS.ExponentialLR(o, 0.97)))
    add(torch_case("ExponentialLR 1.02 (growing)", "exponential", {"gamma": 1.02}, 0.01,
                   "ExponentialLR(gamma=1.02)", lambda o: LRS.ExponentialLR(o, 1.02)))
    add(torch_case("CosineAnnealingLR 4 0.1 (periodic)", "cosine", {"t-max": 4, "eta-min": 0.1}, 1.0,
                   "CosineAnnealingLR(T_max=4, eta_min=0.1)", lambda o: LRS.CosineAnnealingLR(o, 4, 0.1)))
    add(torch_case("CosineAnnealingLR 100", "cosine", {"t-max": 100}, 0.1,
                   "CosineAnnealingLR(T_max=100)", lambda o: LRS.CosineAnnealingLR(o, 100)))
    add(torch_case("CosineAnnealingLR 30 0.001", "cosine", {"t-max": 30, "eta-min": 0.001}, 0.05,
                   "CosineAnnealingLR(T_max=30, eta_min=0.001)", lambda o: LRS.CosineAnnealingLR(o, 30, 0.001)))
    add(torch_case("CosineAnnealingLR 1 0.2", "cosine", {"t-max": 1, "eta-min": 0.2}, 1.0,
                   "CosineAnnealingLR(T_max=1, eta_min=0.2)", lambda o: LRS.CosineAnnealingLR(o, 1, 0.2)))
    add(torch_case("CosineAnnealingWarmRestarts 2 2", "cosine-warm-restarts", {"t-0": 2, "t-mult": 2}, 1.0,
                   "CosineAnnealingWarmRestarts(T_0=2, T_mult=2)",
                   lambda o: LRS.CosineAnnealingWarmRestarts(o, 2, 2)))
    add(torch_case("CosineAnnealingWarmRestarts 10 1 0.01", "cosine-warm-restarts",
                   {"t-0": 10, "eta-min": 0.01}, 0.1, "CosineAnnealingWarmRestarts(T_0=10, T_mult=1, eta_min=0.01)",
                   lambda o: LRS.CosineAnnealingWarmRestarts(o, 10, 1, 0.01)))
    add(torch_case("CosineAnnealingWarmRestarts 3 3 0.05", "cosine-warm-restarts",
                   {"t-0": 3, "t-mult": 3, "eta-min": 0.05}, 0.5,
                   "CosineAnnealingWarmRestarts(T_0=3, T_mult=3, eta_min=0.05)",
                   lambda o: LRS.CosineAnnealingWarmRestarts(o, 3, 3, 0.05)))
    add(torch_case("CosineAnnealingWarmRestarts 1 2", "cosine-warm-restarts", {"t-0": 1, "t-mult": 2}, 1.0,
                   "CosineAnnealingWarmRestarts(T_0=1, T_mult=2)",
                   lambda o: LRS.CosineAnnealingWarmRestarts(o, 1, 2)))
    add(torch_case("LinearLR 1/3 1 4", "linear", {"start-factor": third, "end-factor": 1.0, "total-iters": 4},
                   1.0, "LinearLR(start_factor=1/3, end_factor=1.0, total_iters=4)",
                   lambda o: LRS.LinearLR(o, third, 1.0, 4)))
    add(torch_case("LinearLR defaults", "linear", {}, 0.1, "LinearLR()", lambda o: LRS.LinearLR(o)))
    add(torch_case("LinearLR decreasing", "linear", {"start-factor": 1.0, "end-factor": 0.1, "total-iters": 50},
                   0.2, "LinearLR(start_factor=1.0, end_factor=0.1, total_iters=50)",
                   lambda o: LRS.LinearLR(o, 1.0, 0.1, 50)))
    add(torch_case("LinearLR 0.25 0.75 30", "linear",
                   {"start-factor": 0.25, "end-factor": 0.75, "total-iters": 30}, 1.0,
                   "LinearLR(start_factor=0.25, end_factor=0.75, total_iters=30)",
                   lambda o: LRS.LinearLR(o, 0.25, 0.75, 30)))
    add(torch_case("PolynomialLR 4 2", "polynomial", {"total-iters": 4, "power": 2.0}, 1.0,
                   "PolynomialLR(total_iters=4, power=2.0)", lambda o: LRS.PolynomialLR(o, 4, 2.0)))
    add(torch_case("PolynomialLR defaults", "polynomial", {}, 0.1, "PolynomialLR()", lambda o: LRS.PolynomialLR(o)))
    add(torch_case("PolynomialLR 80 0.5", "polynomial", {"total-iters": 80, "power": 0.5}, 0.3,
                   "PolynomialLR(total_iters=80, power=0.5)", lambda o: LRS.PolynomialLR(o, 80, 0.5)))
    add(torch_case("PolynomialLR 50 3", "polynomial", {"total-iters": 50, "power": 3.0}, 1.0,
                   "PolynomialLR(total_iters=50, power=3.0)", lambda o: LRS.PolynomialLR(o, 50, 3.0)))
    add(torch_case("CyclicLR triangular", "cyclic", {"base-lr": 0.1, "max-lr": 1.0, "step-size-up": 2}, 0.5,
                   "CyclicLR(base_lr=0.1, max_lr=1.0, step_size_up=2, cycle_momentum=False)",
                   lambda o: LRS.CyclicLR(o, 0.1, 1.0, step_size_up=2, cycle_momentum=False)))
    add(torch_case("CyclicLR triangular2", "cyclic",
                   {"base-lr": 0.1, "max-lr": 1.0, "step-size-up": 2, "mode": "triangular2"}, 0.5,
                   "CyclicLR(base_lr=0.1, max_lr=1.0, step_size_up=2, mode='triangular2', cycle_momentum=False)",
                   lambda o: LRS.CyclicLR(o, 0.1, 1.0, step_size_up=2, mode="triangular2", cycle_momentum=False)))
    add(torch_case("CyclicLR exp_range up 5 down 10", "cyclic",
                   {"base-lr": 0.01, "max-lr": 0.1, "step-size-up": 5, "step-size-down": 10, "mode": "exp_range",
                    "gamma": 0.99}, 0.1,
                   "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=5, step_size_down=10, mode='exp_range', "
                   "gamma=0.99, cycle_momentum=False)",
                   lambda o: LRS.CyclicLR(o, 0.01, 0.1, step_size_up=5, step_size_down=10, mode="exp_range",
                                          gamma=0.99, cycle_momentum=False)))
    add(torch_case("CyclicLR triangular up 7 down 3", "cyclic",
                   {"base-lr": 0.001, "max-lr": 0.006, "step-size-up": 7, "step-size-down": 3}, 0.001,
                   "CyclicLR(base_lr=0.001, max_lr=0.006, step_size_up=7, step_size_down=3, cycle_momentum=False)",
                   lambda o: LRS.CyclicLR(o, 0.001, 0.006, step_size_up=7, step_size_down=3, cycle_momentum=False)))
    add(torch_case("OneCycleLR total 10 cos", "one-cycle", {"max-lr": 1.0, "total-steps": 10}, 0.1,
                   "OneCycleLR(max_lr=1.0, total_steps=10, cycle_momentum=False)",
                   lambda o: LRS.OneCycleLR(o, 1.0, total_steps=10, cycle_momentum=False), steps=10))
    add(torch_case("OneCycleLR total 10 linear", "one-cycle",
                   {"max-lr": 1.0, "total-steps": 10, "anneal-strategy": "linear"}, 0.1,
                   "OneCycleLR(max_lr=1.0, total_steps=10, anneal_strategy='linear', cycle_momentum=False)",
                   lambda o: LRS.OneCycleLR(o, 1.0, total_steps=10, anneal_strategy="linear",
                                            cycle_momentum=False), steps=10))
    add(torch_case("OneCycleLR total 100 cos", "one-cycle", {"max-lr": 0.5, "total-steps": 100}, 0.1,
                   "OneCycleLR(max_lr=0.5, total_steps=100, cycle_momentum=False)",
                   lambda o: LRS.OneCycleLR(o, 0.5, total_steps=100, cycle_momentum=False)))
    add(torch_case("OneCycleLR total 100 linear", "one-cycle",
                   {"max-lr": 0.5, "total-steps": 100, "anneal-strategy": "linear", "pct-start": 0.2}, 0.1,
                   "OneCycleLR(max_lr=0.5, total_steps=100, pct_start=0.2, anneal_strategy='linear', "
                   "cycle_momentum=False)",
                   lambda o: LRS.OneCycleLR(o, 0.5, total_steps=100, pct_start=0.2, anneal_strategy="linear",
                                            cycle_momentum=False)))
    add(torch_case("OneCycleLR three phase cos", "one-cycle",
                   {"max-lr": 0.2, "total-steps": 120, "pct-start": 0.25, "div-factor": 10.0,
                    "final-div-factor": 100.0, "three-phase": True}, 0.1,
                   "OneCycleLR(max_lr=0.2, total_steps=120, pct_start=0.25, div_factor=10.0, "
                   "final_div_factor=100.0, three_phase=True, cycle_momentum=False)",
                   lambda o: LRS.OneCycleLR(o, 0.2, total_steps=120, pct_start=0.25, div_factor=10.0,
                                            final_div_factor=100.0, three_phase=True, cycle_momentum=False)))
    add(torch_case("OneCycleLR three phase linear", "one-cycle",
                   {"max-lr": 1.0, "total-steps": 100, "anneal-strategy": "linear", "three-phase": True}, 0.1,
                   "OneCycleLR(max_lr=1.0, total_steps=100, anneal_strategy='linear', three_phase=True, "
                   "cycle_momentum=False)",
                   lambda o: LRS.OneCycleLR(o, 1.0, total_steps=100, anneal_strategy="linear", three_phase=True,
                                            cycle_momentum=False)))
    add(torch_case("Noam d 512 w 4", "noam", {"d-model": 512, "warmup-steps": 4}, 1.0,
                   "LambdaLR(lambda e: 512**-0.5 * min((e+1)**-0.5, (e+1) * 4**-1.5))",
                   lambda o: LRS.LambdaLR(o, noam(512, 4))))
    add(torch_case("Noam d 64 w 10 lr 2", "noam", {"d-model": 64, "warmup-steps": 10}, 2.0,
                   "LambdaLR(lambda e: 64**-0.5 * min((e+1)**-0.5, (e+1) * 10**-1.5))",
                   lambda o: LRS.LambdaLR(o, noam(64, 10))))
    add(torch_case("inverse sqrt w 10", "inverse-sqrt", {"warmup-steps": 10}, 0.1,
                   "LambdaLR(lambda e: min((e+1)/10, math.sqrt(10/(e+1))))",
                   lambda o: LRS.LambdaLR(o, inverse_sqrt(10))))
    add(torch_case("inverse sqrt w 1", "inverse-sqrt", {"warmup-steps": 1}, 1.0,
                   "LambdaLR(lambda e: min((e+1)/1, math.sqrt(1/(e+1))))",
                   lambda o: LRS.LambdaLR(o, inverse_sqrt(1))))
    add(torch_case("warmup 5 from 0.1 then cosine", "warmup",
                   {"warmup-steps": 5, "warmup-start-factor": 0.1, "then": "cosine", "t-max": 45,
                    "eta-min": 0.001}, 0.1,
                   "SequentialLR([LinearLR(start_factor=0.1, end_factor=1.0, total_iters=5), "
                   "CosineAnnealingLR(T_max=45, eta_min=0.001)], milestones=[5])",
                   lambda o: LRS.SequentialLR(o, [LRS.LinearLR(o, 0.1, 1.0, 5), LRS.CosineAnnealingLR(o, 45, 0.001)],
                                              [5])))
    add(torch_case("warmup 10 from 0.25 then step", "warmup",
                   {"warmup-steps": 10, "warmup-start-factor": 0.25, "then": "step", "step-size": 20,
                    "gamma": 0.5}, 0.2,
                   "SequentialLR([LinearLR(start_factor=0.25, end_factor=1.0, total_iters=10), "
                   "StepLR(step_size=20, gamma=0.5)], milestones=[10])",
                   lambda o: LRS.SequentialLR(o, [LRS.LinearLR(o, 0.25, 1.0, 10), LRS.StepLR(o, 20, 0.5)], [10])))
    return c


def optax_cases():
    o = optax
    c = []
    add = c.append
    add(optax_case("constant_schedule", "constant", {}, 0.1, "constant_schedule(0.1)", o.constant_schedule(0.1)))
    add(optax_case("exponential_decay staircase 3 0.5", "exponential-optax",
                   {"transition-steps": 3, "decay-rate": 0.5, "staircase": True}, 1.0,
                   "exponential_decay(1.0, transition_steps=3, decay_rate=0.5, staircase=True)",
                   o.exponential_decay(1.0, 3, 0.5, staircase=True)))
    add(optax_case("exponential_decay 1 0.9", "exponential-optax", {"decay-rate": 0.9}, 1.0,
                   "exponential_decay(1.0, transition_steps=1, decay_rate=0.9)", o.exponential_decay(1.0, 1, 0.9)))
    add(optax_case("exponential_decay begin 20 end 0.01", "exponential-optax",
                   {"transition-steps": 10, "decay-rate": 0.5, "transition-begin": 20, "end-value": 0.01}, 0.1,
                   "exponential_decay(0.1, transition_steps=10, decay_rate=0.5, transition_begin=20, end_value=0.01)",
                   o.exponential_decay(0.1, 10, 0.5, transition_begin=20, end_value=0.01)))
    add(optax_case("exponential_decay growing, staircase, capped", "exponential-optax",
                   {"transition-steps": 7, "decay-rate": 1.1, "staircase": True, "end-value": 0.2}, 0.1,
                   "exponential_decay(0.1, transition_steps=7, decay_rate=1.1, staircase=True, end_value=0.2)",
                   o.exponential_decay(0.1, 7, 1.1, staircase=True, end_value=0.2)))
    add(optax_case("cosine_decay_schedule 4 alpha 0.1", "cosine-optax", {"decay-steps": 4, "alpha": 0.1}, 1.0,
                   "cosine_decay_schedule(1.0, decay_steps=4, alpha=0.1)", o.cosine_decay_schedule(1.0, 4, 0.1)))
    add(optax_case("cosine_decay_schedule 60", "cosine-optax", {"decay-steps": 60}, 0.1,
                   "cosine_decay_schedule(0.1, decay_steps=60)", o.cosine_decay_schedule(0.1, 60)))
    add(optax_case("cosine_decay_schedule exponent 2", "cosine-optax",
                   {"decay-steps": 50, "alpha": 0.05, "exponent": 2.0}, 0.3,
                   "cosine_decay_schedule(0.3, decay_steps=50, alpha=0.05, exponent=2.0)",
                   o.cosine_decay_schedule(0.3, 50, 0.05, 2.0)))
    add(optax_case("polynomial_schedule power 2 begin 10", "polynomial-optax",
                   {"transition-steps": 50, "end-value": 0.01, "power": 2.0, "transition-begin": 10}, 1.0,
                   "polynomial_schedule(1.0, end_value=0.01, power=2.0, transition_steps=50, transition_begin=10)",
                   o.polynomial_schedule(1.0, 0.01, 2.0, 50, 10)))
    add(optax_case("polynomial_schedule power 1 (linear)", "polynomial-optax", {"transition-steps": 4}, 0.1,
                   "polynomial_schedule(0.1, end_value=0.0, power=1.0, transition_steps=4)",
                   o.polynomial_schedule(0.1, 0.0, 1.0, 4)))
    add(optax_case("polynomial_schedule power 0.5", "polynomial-optax",
                   {"transition-steps": 80, "end-value": 0.05, "power": 0.5}, 0.5,
                   "polynomial_schedule(0.5, end_value=0.05, power=0.5, transition_steps=80)",
                   o.polynomial_schedule(0.5, 0.05, 0.5, 80)))
    add(optax_case("cosine_onecycle_schedule 10", "one-cycle-cosine-optax",
                   {"transition-steps": 10, "peak-value": 1.0}, 0.1,
                   "cosine_onecycle_schedule(transition_steps=10, peak_value=1.0)",
                   o.cosine_onecycle_schedule(10, 1.0), steps=20))
    add(optax_case("cosine_onecycle_schedule 100", "one-cycle-cosine-optax",
                   {"transition-steps": 100, "peak-value": 0.5, "pct-start": 0.25, "div-factor": 10.0,
                    "final-div-factor": 100.0}, 0.1,
                   "cosine_onecycle_schedule(transition_steps=100, peak_value=0.5, pct_start=0.25, div_factor=10.0, "
                   "final_div_factor=100.0)",
                   o.cosine_onecycle_schedule(100, 0.5, 0.25, 10.0, 100.0)))
    add(optax_case("cosine_onecycle_schedule 60", "one-cycle-cosine-optax",
                   {"transition-steps": 60, "peak-value": 0.01}, 0.1,
                   "cosine_onecycle_schedule(transition_steps=60, peak_value=0.01)",
                   o.cosine_onecycle_schedule(60, 0.01)))
    add(optax_case("linear_onecycle_schedule 10", "one-cycle-linear-optax",
                   {"transition-steps": 10, "peak-value": 1.0}, 0.1,
                   "linear_onecycle_schedule(transition_steps=10, peak_value=1.0)",
                   o.linear_onecycle_schedule(10, 1.0), steps=20))
    add(optax_case("linear_onecycle_schedule 100", "one-cycle-linear-optax",
                   {"transition-steps": 90, "peak-value": 0.2, "pct-start": 0.2, "pct-final": 0.7, "div-factor": 20.0,
                    "final-div-factor": 1000.0}, 0.1,
                   "linear_onecycle_schedule(transition_steps=90, peak_value=0.2, pct_start=0.2, pct_final=0.7, "
                   "div_factor=20.0, final_div_factor=1000.0)",
                   o.linear_onecycle_schedule(90, 0.2, 0.2, 0.7, 20.0, 1000.0)))
    # Warmup: optax's join_schedules convention (update `warmup-steps` is the inner schedule's step 0).
    add(optax_case("warmup_cosine_decay_schedule 2 6 end 0.1", "warmup",
                   {"warmup-steps": 2, "warmup-start-factor": 0.0, "then": "cosine-optax", "decay-steps": 4,
                    "alpha": 0.1}, 1.0,
                   "warmup_cosine_decay_schedule(0.0, peak_value=1.0, warmup_steps=2, decay_steps=6, end_value=0.1)",
                   o.warmup_cosine_decay_schedule(0.0, 1.0, 2, 6, 0.1)))
    add(optax_case("warmup_cosine_decay_schedule 10 60", "warmup",
                   {"warmup-steps": 10, "then": "cosine-optax", "decay-steps": 50, "alpha": 0.001 / 0.1}, 0.1,
                   "warmup_cosine_decay_schedule(0.0, peak_value=0.1, warmup_steps=10, decay_steps=60, "
                   "end_value=0.001)",
                   o.warmup_cosine_decay_schedule(0.0, 0.1, 10, 60, 0.001)))
    add(optax_case("warmup_exponential_decay_schedule", "warmup",
                   {"warmup-steps": 5, "warmup-start-factor": 0.25, "then": "exponential-optax",
                    "transition-steps": 10, "decay-rate": 0.5, "staircase": True}, 0.1,
                   "warmup_exponential_decay_schedule(0.025, peak_value=0.1, warmup_steps=5, transition_steps=10, "
                   "decay_rate=0.5, staircase=True)",
                   o.warmup_exponential_decay_schedule(0.25 * 0.1, 0.1, 5, 10, 0.5, staircase=True)))
    add(optax_case("warmup_constant_schedule", "warmup", {"warmup-steps": 20}, 0.1,
                   "warmup_constant_schedule(0.0, peak_value=0.1, warmup_steps=20)",
                   o.warmup_constant_schedule(0.0, 0.1, 20)))
    # §B.3 equivalences: optax values against gdbench's torch-semantics kinds (same value, other arithmetic).
    add(optax_case("B.3 exponential_decay staircase = StepLR", "step", {"step-size": 3, "gamma": 0.5}, 1.0,
                   "exponential_decay(1.0, transition_steps=3, decay_rate=0.5, staircase=True)",
                   o.exponential_decay(1.0, 3, 0.5, staircase=True), match="relative"))
    add(optax_case("B.3 exponential_decay = ExponentialLR", "exponential", {"gamma": 0.9}, 1.0,
                   "exponential_decay(1.0, transition_steps=1, decay_rate=0.9)",
                   o.exponential_decay(1.0, 1, 0.9), match="relative"))
    add(optax_case("B.3 piecewise_constant = MultiStepLR", "multi-step", {"milestones": [2, 5], "gamma": 0.1},
                   1.0, "piecewise_constant_schedule(1.0, {2: 0.1, 5: 0.1})",
                   o.piecewise_constant_schedule(1.0, {2: 0.1, 5: 0.1}), match="relative"))
    add(optax_case("B.3 linear_schedule = LinearLR", "linear",
                   {"start-factor": 0.25, "end-factor": 0.75, "total-iters": 30}, 1.0,
                   "linear_schedule(0.25, 0.75, transition_steps=30)",
                   o.linear_schedule(0.25, 0.75, 30), match="relative"))
    add(optax_case("B.3 polynomial_schedule = PolynomialLR", "polynomial", {"total-iters": 50, "power": 3.0},
                   1.0, "polynomial_schedule(1.0, end_value=0.0, power=3.0, transition_steps=50)",
                   o.polynomial_schedule(1.0, 0.0, 3.0, 50), match="relative"))
    add(optax_case("B.3 cosine_decay_schedule = CosineAnnealingLR up to T", "cosine",
                   {"t-max": 30, "eta-min": 0.001}, 0.05,
                   "cosine_decay_schedule(0.05, decay_steps=30, alpha=0.001/0.05)",
                   o.cosine_decay_schedule(0.05, 30, 0.001 / 0.05), steps=31, match="relative"))
    add(optax_case("B.3 sgdr_schedule = CosineAnnealingWarmRestarts for the listed cycles",
                   "cosine-warm-restarts", {"t-0": 2, "t-mult": 2, "eta-min": 0.1}, 1.0,
                   "sgdr_schedule([dict(init_value=1.0, peak_value=1.0, warmup_steps=0, decay_steps=T, "
                   "end_value=0.1) for T in (2, 4, 8, 16, 32)])",
                   o.sgdr_schedule([dict(init_value=1.0, peak_value=1.0, warmup_steps=0, decay_steps=t,
                                         end_value=0.1) for t in (2, 4, 8, 16, 32)]),
                   steps=62, match="relative"))
    add(optax_case("B.3 warmup_cosine_decay = warmup then torch cosine up to decay_steps", "warmup",
                   {"warmup-steps": 10, "then": "cosine", "t-max": 50, "eta-min": 0.001}, 0.1,
                   "warmup_cosine_decay_schedule(0.0, peak_value=0.1, warmup_steps=10, decay_steps=60, "
                   "end_value=0.001)",
                   o.warmup_cosine_decay_schedule(0.0, 0.1, 10, 60, 0.001), steps=61, match="relative"))
    return c


# ---------------------------------------------------------------------------------------------------------
# Trajectories of torch optimizers driven by torch schedulers.

def quadratic(p):
    return 0.5 * (p[0] ** 2 + 100.0 * p[1] ** 2)


def rosenbrock(p):
    return (1.0 - p[0]) ** 2 + 100.0 * (p[1] - p[0] ** 2) ** 2


PROBLEMS = [
    {"problem": "quadratic", "problem_formula": "f(x, y) = 0.5*(x^2 + 100*y^2)", "hessian_diagonal": [1.0, 100.0],
     "start": [1.0, 1.0], "f": quadratic},
    {"problem": "rosenbrock", "problem_formula": "f(x, y) = (1 - x)^2 + 100*(y - x^2)^2", "dimension": 2,
     "start": [-1.2, 1.0], "f": rosenbrock},
]

# Learning-rate scale per (problem, optimizer) chosen so every driven run stays finite and bounded.
LR_SCALE = {("quadratic", "sgd"): 0.01, ("quadratic", "adam"): 0.05,
            ("rosenbrock", "sgd"): 1e-4, ("rosenbrock", "adam"): 0.02}


def driven_schedules(lr):
    """(kind, parameters, scheduler factory) for one setting of every torch scheduler, scaled by lr."""
    return [
        ("constant-factor", {"factor": 0.5, "total-iters": 10}, lambda o: LRS.ConstantLR(o, 0.5, 10)),
        ("step", {"step-size": 20, "gamma": 0.5}, lambda o: LRS.StepLR(o, 20, 0.5)),
        ("multi-step", {"milestones": [30, 60, 60], "gamma": 0.5}, lambda o: LRS.MultiStepLR(o, [30, 60, 60], 0.5)),
        ("exponential", {"gamma": 0.98}, lambda o: LRS.ExponentialLR(o, 0.98)),
        ("cosine", {"t-max": 40, "eta-min": lr / 100}, lambda o: LRS.CosineAnnealingLR(o, 40, lr / 100)),
        ("cosine-warm-restarts", {"t-0": 10, "t-mult": 2, "eta-min": lr / 100},
         lambda o: LRS.CosineAnnealingWarmRestarts(o, 10, 2, lr / 100)),
        ("linear", {"start-factor": 0.1, "end-factor": 1.0, "total-iters": 20},
         lambda o: LRS.LinearLR(o, 0.1, 1.0, 20)),
        ("polynomial", {"total-iters": 100, "power": 2.0}, lambda o: LRS.PolynomialLR(o, 100, 2.0)),
        ("cyclic", {"base-lr": lr / 10, "max-lr": lr, "step-size-up": 10, "mode": "triangular2"},
         lambda o: LRS.CyclicLR(o, lr / 10, lr, step_size_up=10, mode="triangular2", cycle_momentum=False)),
        ("one-cycle", {"max-lr": lr, "total-steps": 100},
         lambda o: LRS.OneCycleLR(o, lr, total_steps=100, cycle_momentum=False)),
        ("noam", {"d-model": 16, "warmup-steps": 10}, lambda o: LRS.LambdaLR(o, noam(16, 10))),
        ("inverse-sqrt", {"warmup-steps": 10}, lambda o: LRS.LambdaLR(o, inverse_sqrt(10))),
        ("warmup", {"warmup-steps": 10, "warmup-start-factor": 0.1, "then": "cosine", "t-max": 90},
         lambda o: LRS.SequentialLR(o, [LRS.LinearLR(o, 0.1, 1.0, 10), LRS.CosineAnnealingLR(o, 90)], [10])),
    ]


def trajectory(problem, optimizer, lr, make_scheduler):
    x = torch.tensor(problem["start"], requires_grad=True)
    if optimizer == "sgd":
        opt = torch.optim.SGD([x], lr=lr, momentum=0.9)
    else:
        opt = torch.optim.Adam([x], lr=lr)
    sched = make_scheduler(opt)
    iterates, lrs = [x.detach().tolist()], []
    for _ in range(STEPS):
        lrs.append(float(opt.param_groups[0]["lr"]))
        opt.zero_grad()
        problem["f"](x).backward()
        opt.step()
        sched.step()
        iterates.append(x.detach().tolist())
    assert all(math.isfinite(v) and abs(v) < 1e3 for p in iterates for v in p), (problem["problem"], optimizer)
    return iterates, lrs


OPTIMIZERS = {
    "sgd": lambda lr: {"lr": lr, "momentum": 0.9, "dampening": 0.0, "nesterov": False, "weight_decay": 0.0},
    "adam": lambda lr: {"lr": lr, "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False},
}
TORCH_CALL = {"sgd": "torch.optim.SGD([x], lr=lr, momentum=0.9)", "adam": "torch.optim.Adam([x], lr=lr)"}


def trajectory_cases():
    cases = []
    for problem in PROBLEMS:
        for optimizer in ("sgd", "adam"):
            lr = LR_SCALE[(problem["problem"], optimizer)]
            for kind, parameters, make_scheduler in driven_schedules(lr):
                iterates, lrs = trajectory(problem, optimizer, lr, make_scheduler)
                case = {key: value for key, value in problem.items() if key != "f"}
                case.update({
                    "optimizer": optimizer, "optimizer_parameters": OPTIMIZERS[optimizer](lr),
                    "torch_optimizer": TORCH_CALL[optimizer],
                    "schedule": {"kind": kind, "parameters": parameters},
                    "base_lr": lr, "steps": STEPS, "lr": lrs, "iterates": iterates,
                })
                cases.append(case)
    return cases


def write(name, payload):
    path = os.path.join(FIXTURES, name)
    with open(path, "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(path, ROOT))


PROVENANCE = {"generator": "scripts/reference/schedule_fixtures.py",
              "versions": {"torch": "2.15.0", "optax": "0.2.8", "jax": "0.10.2"}, "dtype": "float64"}

if __name__ == "__main__":
    os.makedirs(FIXTURES, exist_ok=True)
    write("schedules_torch.json", {**PROVENANCE,
          "convention": "lr written to param_groups[0]['lr'] before update k = 0, 1, …; SGD(momentum=0.9); "
                        "opt.step() then sched.step(); cycle_momentum=False",
          "cases": torch_cases()})
    write("schedules_optax.json", {**PROVENANCE,
          "convention": "schedule(k) evaluated on Python ints k = 0, 1, … (float64 arithmetic, no int32 count)",
          "cases": optax_cases()})
    write("schedule_driven_trajectories.json", {**PROVENANCE,
          "convention": "iterates[k] is the point after k updates (iterates[0] = start); lr[k] is the lr torch "
                        "used for update k; the optimizer's lr is base_lr; scheduler stepped after opt.step(); "
                        "CyclicLR/OneCycleLR with cycle_momentum=False; 'warmup' is SequentialLR([LinearLR, "
                        "CosineAnnealingLR]); noam and inverse-sqrt are LambdaLR with the 1-based s = e + 1",
          "cases": trajectory_cases()})
