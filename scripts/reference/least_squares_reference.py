"""Reference solutions of regularised least squares, solved by numpy/LAPACK.

For each case the synthetic data are rebuilt with the Python re-implementation of gdbench's generator
(gdbench_random.py, checked against the C golden file rng_reference.txt), then

  x* = argmin (1/(2n))‖Xw − y‖² + (λ/2)‖w‖²  by numpy.linalg.lstsq (SVD, LAPACK gelsd) on the stacked
       system [X; √(nλ)·I] w ≈ [y; 0]  (no normal equations, unlike the Swift Cholesky solve),
  f* = f(x*),  L = λ_max(XᵀX)/n + λ,  μ = λ_min(XᵀX)/n + λ  with numpy.linalg.eigvalsh (LAPACK syevd),

and written to Tests/ObjectivesTests/Fixtures/least_squares_reference.json.

Pinned versions: numpy 2.4.6, float64. Running the script again gives an
identical file.
"""
import json
import pathlib
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import gdbench_random  # noqa: E402

CASES = [
    dict(name="well-conditioned-ridge", n=300, d=12, feature_conditioning=10.0, noise=0.1, lam=1e-3, seed=7),
    dict(name="ill-conditioned-unregularised", n=500, d=20, feature_conditioning=1e4, noise=0.5, lam=0.0, seed=20261123),
]


def main():
    if np.__version__ != "2.4.6":
        raise SystemExit(f"numpy 2.4.6 expected, found {np.__version__}")
    gdbench_random.check_against_golden(HERE / "rng_reference.txt")
    results = []
    for spec in CASES:
        x_list, y_list = gdbench_random.synthetic_regression(
            spec["n"], spec["d"], spec["feature_conditioning"], spec["noise"], spec["seed"])
        x, y = np.array(x_list), np.array(y_list)
        n, d = x.shape
        lam = spec["lam"]
        stacked_x = np.vstack([x, np.sqrt(n * lam) * np.eye(d)])
        stacked_y = np.concatenate([y, np.zeros(d)])
        w = np.linalg.lstsq(stacked_x, stacked_y, rcond=None)[0]
        residual = x @ w - y
        f_star = float(0.5 * (residual @ residual) / n + 0.5 * lam * (w @ w))
        eigenvalues = np.linalg.eigvalsh(x.T @ x)
        results.append({
            **spec,
            "f_star": f_star,
            "smoothness": float(eigenvalues[-1] / n + lam),
            "strong_convexity": float(eigenvalues[0] / n + lam),
            "minimizer": [float(v) for v in w],
            "first_row": [float(v) for v in x[0]] + [float(y[0])],
        })
        print(spec["name"], f_star, eigenvalues[-1] / n + lam, eigenvalues[0] / n + lam)
    document = {"generator": "scripts/reference/least_squares_reference.py", "versions": {"numpy": np.__version__},
                "cases": results}
    out = ROOT / "Tests/ObjectivesTests/Fixtures/least_squares_reference.json"
    out.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
