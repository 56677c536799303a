"""Times the workloads of `gdbench bench` as jitted jax loops, and the logistic gradient's two
matrix-vector products in numpy's OpenBLAS, on this machine; prints one JSON object on stdout:

    {"jax": {key: ns per iteration}, "blas": {"logistic-two-matvecs": ns}, "versions": ..., "blas_note": ...}

Keys match `StepWorkload.referenceKey` (Sources/Harness/Benchmark/StepWorkload.swift). Every loop is
float64 (jax_enable_x64), single-threaded (XLA's Eigen pool and OpenBLAS limited to one thread,
like the Swift harness), compiled by one warm-up call, and timed with block_until_ready; the figure
is the median over REPEATS calls of wall time / iterations. The problems have the same shapes and
steps as the Swift workloads (2-D Rosenbrock from (-1.2, 1); d = 100 quadratics with a log
spectrum in [1, 1e6], rotated by a random orthogonal Q or axis-aligned; logistic regression with
n = 10^4, d = 100, lambda = 1e-3), not the same random draws: only the time per step is compared.
The every-optimizer (`sweep-<kind>`) and every-schedule (`sweep-schedule-<kind>`) rows time
jax_references.py's implementation of the same algorithm as the gdbench kind; before timing, every
one of them must reproduce the library fixtures that gdbench reproduces (jax_references.check), or
the script exits 1 and the bench shows no jax column.

Versions (as in docs/reference.md and README "Performance"): jax 0.10.2, optax 0.2.8, numpy 2.4.6.
Run: python scripts/reference/jax_timing.py
"""

import json
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                           " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()

import numpy as np  # noqa: E402

REPEATS = 5


def median_seconds(call, repeats=REPEATS):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def blas_times():
    rng = np.random.default_rng(1)
    n, d = 10_000, 100
    x = rng.standard_normal((n, d))
    w = rng.standard_normal(d)
    r = rng.standard_normal(n)
    inner = 200

    def two_matvecs():
        for _ in range(inner):
            z = x @ w
            x.T @ (r + 0.0 * z[0])

    two_matvecs()
    return {"logistic-two-matvecs": median_seconds(two_matvecs) / inner * 1e9}


def jax_times():
    import jax
    import jax.numpy as jnp
    import optax

    import jax_references

    jax.config.update("jax_enable_x64", True)

    def rosenbrock(x):
        return (1.0 - x[0]) ** 2 + 100.0 * (x[1] - x[0] ** 2) ** 2

    def timed_loop(step, state, iterations):
        """ns per iteration of `iterations` steps of `step` in a jitted fori_loop."""
        run = jax.jit(lambda s, n: jax.lax.fori_loop(0, n, lambda _, t: step(t), s))
        jax.block_until_ready(run(state, 10))
        seconds = median_seconds(lambda: jax.block_until_ready(run(state, iterations)))
        return seconds / iterations * 1e9

    def timed_while(step, state, iterations):
        """ns per iteration in a jitted while_loop with an explicit counter."""
        def body(carry):
            k, s = carry
            return k + 1, step(s)

        run = jax.jit(lambda s, n: jax.lax.while_loop(lambda c: c[0] < n, body, (0, s))[1])
        jax.block_until_ready(run(state, 10))
        seconds = median_seconds(lambda: jax.block_until_ready(run(state, iterations)))
        return seconds / iterations * 1e9

    def timed_indexed_loop(step, state, iterations):
        """As timed_loop, with step(k, state) given the 0-based index k."""
        run = jax.jit(lambda s, n: jax.lax.fori_loop(0, n, step, s))
        jax.block_until_ready(run(state, 10))
        seconds = median_seconds(lambda: jax.block_until_ready(run(state, iterations)))
        return seconds / iterations * 1e9

    def reference_step(loss, update):
        grad = jax.grad(loss)

        def step(state):
            x, reference_state = state
            return update(grad(x), reference_state, x)
        return step

    def optax_step(loss, optimizer):
        grad = jax.grad(loss)

        def step(state):
            x, opt_state = state
            updates, opt_state = optimizer.update(grad(x), opt_state, x)
            return optax.apply_updates(x, updates), opt_state
        return step

    results = {}
    x0 = jnp.array([-1.2, 1.0], dtype=jnp.float64)
    rosenbrock_grad = jax.grad(rosenbrock)
    results["rosenbrock-gd"] = timed_loop(lambda x: x - 1e-3 * rosenbrock_grad(x), x0, 2_000_000)
    momentum = optax.sgd(1e-4, momentum=0.9)
    results["rosenbrock-momentum"] = timed_loop(optax_step(rosenbrock, momentum), (x0, momentum.init(x0)), 2_000_000)
    adam = optax.adam(1e-3)
    results["rosenbrock-adam"] = timed_loop(optax_step(rosenbrock, adam), (x0, adam.init(x0)), 2_000_000)

    # The every-optimizer and every-schedule tables of `gdbench bench` (StepWorkload.everyOptimizer,
    # .everySchedule): each kind's jax reference (jax_references.py: the same algorithm, checked
    # against the fixtures gdbench reproduces) on 2-D Rosenbrock, 200 000 steps, the rows' rates.
    for kind, row in jax_references.OPTIMIZER_ROWS.items():
        init, update = jax_references.optimizer(kind, **row)
        step = reference_step(rosenbrock, update)
        results[f"sweep-{kind}"] = timed_loop(step, (x0, init(x0)), 200_000)
    for kind, row in jax_references.SCHEDULE_ROWS.items():
        learning_rate = jax_references.schedule(kind, 1e-3, **row)

        def scheduled(k, x, learning_rate=learning_rate):
            return x + -learning_rate(k.astype(jnp.float64)) * rosenbrock_grad(x)
        results[f"sweep-schedule-{kind}"] = timed_indexed_loop(scheduled, x0, 200_000)
    rng = np.random.default_rng(2)
    d = 100
    eigenvalues = np.logspace(0, 6, d)
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    a = jnp.asarray(q @ np.diag(eigenvalues) @ q.T)
    lam = jnp.asarray(eigenvalues)
    start = jnp.asarray(rng.standard_normal(d))
    lr = 1.0 / eigenvalues[-1]
    results["quadratic-rotated-gd"] = timed_while(lambda x: x - lr * (a @ x), start, 20_000)
    results["quadratic-axis-gd"] = timed_while(lambda x: x - lr * (lam * x), start, 200_000)
    adam_q = optax.adam(1e-2)
    rotated = lambda x: 0.5 * x @ (a @ x)  # noqa: E731
    results["quadratic-rotated-adam"] = timed_loop(optax_step(rotated, adam_q), (start, adam_q.init(start)), 20_000)

    n = 10_000
    features = jnp.asarray(rng.standard_normal((n, d)))
    labels = jnp.asarray(np.where(rng.standard_normal(n) > 0, 1.0, -1.0))

    def logistic(w):
        margins = labels * (features @ w)
        return jnp.mean(jnp.logaddexp(0.0, -margins)) + 0.5e-3 * (w @ w)

    logistic_grad = jax.grad(logistic)
    results["logistic-gd"] = timed_loop(lambda w: w - 0.1 * logistic_grad(w), jnp.zeros(d), 200)
    versions = f"jax {jax.__version__}, optax {optax.__version__}"
    return results, versions


def main():
    blas = blas_times()
    config = np.show_config(mode="dicts")
    blas_name = config.get("Build Dependencies", {}).get("blas", {}).get("name", "unknown")
    note = f"{np.__version__} ({blas_name}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']})"
    try:
        import jax_references
        failures = jax_references.check()
        if failures:
            print("jax_timing.py: a jax reference is not gdbench's algorithm:\n  " + "\n  ".join(failures),
                  file=sys.stderr)
            sys.exit(1)
        jax_results, versions = jax_times()
    except ImportError as error:
        print(f"jax_timing.py: {error}", file=sys.stderr)
        jax_results, versions = {}, "jax not installed"
    json.dump({"jax": jax_results, "blas": blas, "versions": versions, "blas_note": note}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
