#!/usr/bin/env python3
"""Reference timings for `gdbench bench` (own-problems rows): the sparse logistic gradient with
scipy.sparse on a LIBSVM file (read by sklearn.datasets.load_svmlight_file), the load of that file,
and pandas.read_csv of a CSV file. Prints one JSON object; a missing library leaves its entries out.

Usage: data_timing.py LIBSVM_FILE CSV_FILE LAMBDA REPEATS
"""
import json
import sys
import time

libsvm_path, csv_path, lam, repeats = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
out = {"versions": []}


def best(function, count):
    times = []
    for _ in range(count):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2]


try:
    import numpy as np
    import scipy
    from sklearn.datasets import load_svmlight_file

    out["versions"].append(f"scipy {scipy.__version__}, numpy {np.__version__}")
    out["libsvm_load_seconds"] = best(lambda: load_svmlight_file(libsvm_path), 1)
    X, y = load_svmlight_file(libsvm_path)
    X = X.tocsr()
    n = X.shape[0]
    w = np.linspace(-1e-3, 1e-3, X.shape[1])

    def gradient():
        margins = X @ w
        coefficients = -y / (1.0 + np.exp(y * margins)) / n
        return X.T @ coefficients + lam * w

    gradient()
    out["sparse_gradient_seconds"] = best(gradient, repeats)
except ImportError as error:
    out["scipy_missing"] = str(error)

try:
    import pandas as pd

    out["versions"].append(f"pandas {pd.__version__}")
    out["csv_load_seconds"] = best(lambda: pd.read_csv(csv_path), max(1, min(repeats, 3)))
except ImportError as error:
    out["pandas_missing"] = str(error)

print(json.dumps(out))
