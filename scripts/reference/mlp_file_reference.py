"""Reference for the `mlp` kind on a user's data file: writes a small CSV cut from Fisher's iris
measurements (R. A. Fisher, 1936, UCI Machine Learning Repository, as scikit-learn ships them in
sklearn.datasets.load_iris) and the loss and gradient PyTorch computes on it.

The CSV (Tests/ObjectivesTests/Fixtures/mlp_file_sample.csv): 10 rows of each species, shuffled with
numpy's default_rng(17), the label column `species` first with the codes 1 (setosa), 2 (versicolor)
and 3 (virginica), then the four measurements in cm.

The reference (Tests/ObjectivesTests/Fixtures/mlp_file_reference.json) is computed independently of
gdbench: classes are the sorted distinct labels (1, 2, 3 -> 0, 1, 2), every feature is z-scored with
numpy's mean and population std (ddof 0) over all 30 rows (test-fraction 0), and a 4-5-3 network
(tanh hidden layer, torch.nn.CrossEntropyLoss, mean over rows) is evaluated in float64 at the
parameters theta[i] = 0.5 sin(i + 1), laid out as gdbench lays them out: per layer W (inputs x outputs,
row-major; torch's weight is its transpose), then the bias. The loss and the gradient (autograd) are
written with repr floats, so a rerun gives an identical file.

Run: /work/venv/bin/python scripts/reference/mlp_file_reference.py (needs numpy, scikit-learn, torch).
"""
import csv
import json
import math
import pathlib

import numpy as np
import torch
from sklearn.datasets import load_iris

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "ObjectivesTests" / "Fixtures"
WIDTHS = [4, 5, 3]


def write_sample():
    iris = load_iris()
    rows = []
    for species in range(3):
        picked = np.flatnonzero(iris.target == species)[:10]
        rows += [[species + 1] + [float(v) for v in iris.data[i]] for i in picked]
    order = np.random.default_rng(17).permutation(len(rows))
    rows = [rows[i] for i in order]
    with (FIXTURES / "mlp_file_sample.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["species", "sepal_length", "sepal_width", "petal_length", "petal_width"])
        for row in rows:
            writer.writerow([row[0]] + [f"{v:g}" for v in row[1:]])
    return np.array([r[1:] for r in rows]), np.array([r[0] for r in rows])


def main():
    x, labels = write_sample()
    classes = {value: index for index, value in enumerate(sorted(set(labels.tolist())))}
    y = torch.tensor([classes[v] for v in labels.tolist()], dtype=torch.long)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    count = sum(WIDTHS[l] * WIDTHS[l + 1] + WIDTHS[l + 1] for l in range(len(WIDTHS) - 1))
    theta = torch.tensor([0.5 * math.sin(i + 1) for i in range(count)], dtype=torch.float64, requires_grad=True)
    h = torch.tensor(z, dtype=torch.float64)
    offset = 0
    for l in range(len(WIDTHS) - 1):
        fan_in, fan_out = WIDTHS[l], WIDTHS[l + 1]
        weight = theta[offset:offset + fan_in * fan_out].reshape(fan_in, fan_out)
        offset += fan_in * fan_out
        bias = theta[offset:offset + fan_out]
        offset += fan_out
        h = h @ weight + bias
        if l < len(WIDTHS) - 2:
            h = torch.tanh(h)
    loss = torch.nn.functional.cross_entropy(h, y)
    loss.backward()
    reference = {
        "description": "mlp 4-5-3 tanh, cross-entropy, on mlp_file_sample.csv (label species, z-scored, "
                       "test-fraction 0) at theta[i] = 0.5 sin(i + 1); torch " + torch.__version__ + ", float64",
        "widths": WIDTHS,
        "loss": float(loss.detach()),
        "gradient": [float(v) for v in theta.grad],
    }
    (FIXTURES / "mlp_file_reference.json").write_text(json.dumps(reference, indent=1, sort_keys=True) + "\n")
    print("wrote", FIXTURES / "mlp_file_sample.csv", "and mlp_file_reference.json")


if __name__ == "__main__":
    main()
