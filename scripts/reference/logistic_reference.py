"""Reference optima of L2-regularised logistic regression, solved by scikit-learn.

For each case below the script builds the data independently of the Swift code (breast cancer from
`sklearn.datasets.load_breast_cancer`, z-scored with numpy's mean and population std (ddof 0);
synthetic data with the Python re-implementation of gdbench's generator in gdbench_random.py, itself
checked against the C golden file rng_reference.txt), fits

    LogisticRegression(solver="newton-cholesky", C=1/(n·λ), fit_intercept=False, tol=1e-15, max_iter=1000)

which minimises C·Σ log(1+exp(−yᵢxᵢᵀw)) + ½‖w‖², i.e. n·C times gdbench's
f(w) = (1/n)Σ log(1+exp(−yᵢxᵢᵀw)) + (λ/2)‖w‖², and writes f* = f(w_sklearn) (numpy, logaddexp),
‖w*‖, w* and ‖∇f(w*)‖ to Tests/ObjectivesTests/Fixtures/logistic_reference.json. An intercept case
appends a column of ones as a regularised feature (fit_intercept=False), as gdbench does.

Pinned versions: scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1, float64
throughout. Running the script again gives an identical file.
"""
import json
import pathlib
import sys
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import gdbench_random  # noqa: E402

SYNTHETIC = dict(n=400, d=8, feature_conditioning=100.0, label_noise=0.1, seed=20261123)


def objective(x, y, lam, w):
    margins = y * (x @ w)
    return float(np.mean(np.logaddexp(0.0, -margins)) + 0.5 * lam * (w @ w))


def gradient(x, y, lam, w):
    margins = y * (x @ w)
    return -(x.T @ (y / (1.0 + np.exp(margins)))) / len(y) + lam * w


def solve(x, y, lam):
    n = x.shape[0]
    model = LogisticRegression(solver="newton-cholesky", C=1.0 / (n * lam), fit_intercept=False,
                               tol=1e-15, max_iter=1000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a convergence warning must stop the script
        model.fit(x, (y > 0).astype(np.int64))
    return model.coef_.ravel().astype(np.float64)


def case(name, x, y, lam, description):
    w = solve(x, y, lam)
    return {
        "name": name,
        "description": description,
        "lambda": lam,
        "rows": int(x.shape[0]),
        "columns": int(x.shape[1]),
        "f_star": objective(x, y, lam, w),
        "minimizer_norm": float(np.linalg.norm(w)),
        "gradient_norm": float(np.linalg.norm(gradient(x, y, lam, w))),
        "minimizer": [float(v) for v in w],
    }


def main():
    versions = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    if versions != {"sklearn": "1.9.1", "numpy": "2.4.6"}:
        raise SystemExit(f"pinned versions expected, found {versions}")
    gdbench_random.check_against_golden(HERE / "rng_reference.txt")

    bunch = load_breast_cancer()
    raw = np.asarray(bunch.data, dtype=np.float64)
    labels = 2.0 * bunch.target.astype(np.float64) - 1.0
    standardized = (raw - raw.mean(axis=0)) / raw.std(axis=0)  # population std (ddof 0)
    with_intercept = np.hstack([standardized, np.ones((raw.shape[0], 1))])

    x_list, y_list = gdbench_random.synthetic_classification(
        SYNTHETIC["n"], SYNTHETIC["d"], SYNTHETIC["feature_conditioning"], SYNTHETIC["label_noise"], SYNTHETIC["seed"])
    synthetic_x, synthetic_y = np.array(x_list), np.array(y_list)

    cases = [
        case("breast-cancer-standardized-1e-2", standardized, labels, 1e-2, "breast cancer, z-scored, no intercept"),
        case("breast-cancer-standardized-1e-4", standardized, labels, 1e-4, "breast cancer, z-scored, no intercept"),
        case("breast-cancer-standardized-intercept-1e-3", with_intercept, labels, 1e-3,
             "breast cancer, z-scored, regularised column of ones appended"),
        case("synthetic-1e-3", synthetic_x, synthetic_y, 1e-3,
             "SyntheticClassificationData(samples: 400, features: 8, featureConditioning: 100, labelNoise: 0.1, "
             "seed: 20261123), not standardized, no intercept"),
    ]
    document = {
        "generator": "scripts/reference/logistic_reference.py",
        "versions": versions,
        "synthetic": SYNTHETIC,
        "synthetic_first_row": [float(v) for v in synthetic_x[0]] + [float(synthetic_y[0])],
        "cases": cases,
    }
    out = ROOT / "Tests/ObjectivesTests/Fixtures/logistic_reference.json"
    out.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    for c in cases:
        print(c["name"], c["f_star"], c["minimizer_norm"], c["gradient_norm"])


if __name__ == "__main__":
    main()
