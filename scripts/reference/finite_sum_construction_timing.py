"""Times the construction of synthetic logistic-regression and least-squares instances in numpy/scipy on
one thread, for the finite-sum rows of `gdbench bench`'s construction table, and prints one JSON object:

    {"seconds": {"logistic-<n>x<d>": s, "least-squares-<n>x<d>": s, ...}, "iterations": {...}, "versions": "..."}

Each key is built the way gdbench builds it (Sources/Objectives/FiniteSums), with LAPACK/BLAS kernels:

logistic-NxD (catalog defaults: feature-conditioning 100, label-noise 0.1, standardize, λ = 1e-3):
  w♮ and Z standard normal (numpy's generator: only the times are compared, not the draws), labels
  sign(Zw♮) flipped with probability 0.1, z-scored columns (mean, population std), column scales
  s_j = 100^(−j/(2(d−1))); x* by damped Newton from 0 — the Hessian XᵀDX/n + λI by BLAS dsyrk on the
  rows scaled by √D, Cholesky (LAPACK dpotrf/dpotrs), Armijo backtracking (halving, c = 1e−4), full steps
  once the squared Newton decrement is below 1e−10, stop at ‖∇f‖ ≤ 1e−12 or when a full step no longer
  lowers ‖∇f‖ — then f* = f(x*) and L = λ_max(XᵀX)/(4n) + λ (LAPACK dsyevr, largest eigenvalue only).
least-squares-NxD (feature-conditioning 100, noise 0.1, λ = 0): X = Z·diag(s), y = Xw♮ + 0.1ε; XᵀX by
  dsyrk, Cholesky of XᵀX/n + λI, x* = solve plus one refinement step, f*, and the extreme eigenvalues
  of XᵀX (dsyevr, eigenvalues only: one tridiagonalisation).

The figure of a key is the CPU time of this thread (time.thread_time: BLAS runs on it alone), the best
of three builds (one above n·d = 10⁷), as gdbench's column: CPU time, unlike wall time, does not grow
when other processes share the cores.
Run: python scripts/reference/finite_sum_construction_timing.py logistic-100000x500 least-squares-10000x10000
"""

import json
import os
import sys
import time

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.linalg as la  # noqa: E402
from scipy.linalg.blas import dsyrk  # noqa: E402


def column_scales(d, conditioning):
    return np.ones(1) if d == 1 else conditioning ** (-np.arange(d) / (2.0 * (d - 1)))


def largest_eigenvalue(upper):
    d = upper.shape[0]
    return la.eigh(upper, lower=False, eigvals_only=True, subset_by_index=[d - 1, d - 1], driver="evr")[0]


def logistic(n, d, rng, lam=1e-3, conditioning=100.0, label_noise=0.1):
    true_weights = rng.standard_normal(d)
    z = rng.standard_normal((n, d))
    labels = np.where(z @ true_weights >= 0, 1.0, -1.0)
    labels[rng.random(n) < label_noise] *= -1
    x = (z - z.mean(axis=0)) / z.std(axis=0) * column_scales(d, conditioning)

    def evaluate(w):
        margins = labels * (x @ w)
        value = np.mean(np.logaddexp(0.0, -margins)) + 0.5 * lam * (w @ w)
        gradient = -(x.T @ (labels * scipy.special.expit(-margins))) / n + lam * w
        return value, gradient

    w = np.zeros(d)
    value, gradient = evaluate(w)
    norm = np.linalg.norm(gradient)
    best, best_norm, iterations = w, norm, 0
    while norm > 1e-12 and iterations < 200:
        iterations += 1
        scores = x @ w
        curvature = scipy.special.expit(scores) * scipy.special.expit(-scores)
        hessian = dsyrk(1.0 / n, x * np.sqrt(curvature)[:, None], trans=1)  # upper triangle
        hessian[np.diag_indices(d)] += lam
        step = la.cho_solve(la.cho_factor(hessian, lower=False, overwrite_a=True, check_finite=False), -gradient)
        slope = gradient @ step
        t = 1.0
        for _ in range(60):
            trial = w + t * step
            trial_value, trial_gradient = evaluate(trial)
            if -slope < 1e-10 or trial_value <= value + 1e-4 * t * slope:
                break
            t *= 0.5
        trial_norm = np.linalg.norm(trial_gradient)
        if -slope < 1e-10 and trial_norm >= norm:
            break
        w, value, gradient, norm = trial, trial_value, trial_gradient, trial_norm
        if norm < best_norm:
            best, best_norm = w, norm
    f_star = evaluate(best)[0]
    smoothness = largest_eigenvalue(dsyrk(1.0, x, trans=1)) / (4 * n) + lam
    return f_star, smoothness, iterations


def least_squares(n, d, rng, lam=0.0, conditioning=100.0, noise=0.1):
    true_weights = rng.standard_normal(d)
    x = rng.standard_normal((n, d)) * column_scales(d, conditioning)
    y = x @ true_weights + noise * rng.standard_normal(n)
    gram = dsyrk(1.0, x, trans=1)
    system = gram / n
    system[np.diag_indices(d)] += lam
    factor = la.cho_factor(system, lower=False, check_finite=False)
    w = la.cho_solve(factor, x.T @ y / n)
    w -= la.cho_solve(factor, x.T @ (x @ w - y) / n + lam * w)
    residual = x @ w - y
    f_star = 0.5 * (residual @ residual) / n + 0.5 * lam * (w @ w)
    eigenvalues = la.eigh(gram, lower=False, eigvals_only=True, driver="evr")  # one tridiagonalisation
    return f_star, eigenvalues[-1] / n + lam, eigenvalues[0] / n + lam


def main(keys):
    rng = np.random.default_rng(0)
    seconds, iterations = {}, {}
    for key in keys:
        kind, size = key.rsplit("-", 1)
        n, d = (int(part) for part in size.split("x"))
        repeats = 3 if n * d <= 10**7 else 1
        best = float("inf")
        for _ in range(repeats):
            start = time.thread_time()
            result = logistic(n, d, rng) if kind == "logistic" else least_squares(n, d, rng)
            best = min(best, time.thread_time() - start)
        seconds[key] = best
        if kind == "logistic":
            iterations[key] = result[2]
    versions = f"numpy {np.__version__}, scipy {scipy.__version__}, one thread"
    print(json.dumps({"seconds": seconds, "iterations": iterations, "versions": versions}))


if __name__ == "__main__":
    main(sys.argv[1:] or ["logistic-100000x500"])
