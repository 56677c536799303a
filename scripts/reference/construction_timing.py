"""Times the construction steps of `gdbench bench --construction` in numpy/scipy on this machine,
single-threaded (OpenBLAS/MKL limited to one thread, as the Swift kernels run on one), and prints one
JSON object on stdout:

    {"seconds": {"haar-<d>": s, "rotated-<d>": s, "gram-<n>x<d>": s, "extremes-<d>": s}, "versions": "..."}

haar-d: scipy.stats.ortho_group.rvs(d) (Householder QR of a Gaussian matrix in LAPACK and the sign
fix); rotated-d: (Q * lam) @ Q.T for a log spectrum; gram-nxd: X.T @ X for Gaussian X (n = 2d);
extremes-d: the eigenvalues of that Gram matrix, eigenvalues only (LAPACK dsyevr: one tridiagonalisation
by dsytrd, then the tridiagonal eigenvalues). The keys match `ConstructionBenchmark`
(Sources/Harness/Benchmark/ConstructionBenchmark.swift). Each figure is the CPU time of this thread
(time.thread_time; BLAS runs on it alone), the best of five calls (one above d = 2048), as gdbench's
column; only times are compared, not the random draws.
Run: python scripts/reference/construction_timing.py 1024 4096
"""

import json
import os
import sys
import time

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = "1"

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.linalg  # noqa: E402
from scipy.stats import ortho_group  # noqa: E402


def best_seconds(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.thread_time()
        function()
        times.append(time.thread_time() - start)
    return min(times)


def main(dimensions):
    rng = np.random.default_rng(0)
    seconds = {}
    for d in dimensions:
        repeats = 5 if d <= 2048 else 1
        seconds[f"haar-{d}"] = best_seconds(lambda: ortho_group.rvs(d, random_state=rng), repeats)
        q = ortho_group.rvs(d, random_state=rng)
        lam = np.logspace(0, 2, d)
        seconds[f"rotated-{d}"] = best_seconds(lambda: (q * lam) @ q.T, repeats)
        x = rng.standard_normal((2 * d, d))
        seconds[f"gram-{2 * d}x{d}"] = best_seconds(lambda: x.T @ x, repeats)
        gram = x.T @ x
        seconds[f"extremes-{d}"] = best_seconds(
            lambda: scipy.linalg.eigh(gram, eigvals_only=True, driver="evr", check_finite=False), repeats)
    print(json.dumps({"seconds": seconds, "versions": f"numpy {np.__version__}, scipy {scipy.__version__}, one thread"}))


if __name__ == "__main__":
    main([int(argument) for argument in sys.argv[1:]] or [1024])
