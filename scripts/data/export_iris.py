#!/usr/bin/env python3
"""Writes suites/data/iris-versicolor-virginica.csv: Fisher's iris measurements (R. A. Fisher, 1936,
UCI Machine Learning Repository), the 100 versicolor and virginica rows, as scikit-learn ships them
(sklearn.datasets.load_iris). Label column `virginica`: 1 for virginica, 0 for versicolor.

Run: python3 scripts/data/export_iris.py (needs scikit-learn).
"""
import csv
import pathlib

from sklearn.datasets import load_iris

iris = load_iris()
out = pathlib.Path(__file__).resolve().parents[2] / "suites" / "data" / "iris-versicolor-virginica.csv"
with out.open("w", newline="") as handle:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(["sepal_length", "sepal_width", "petal_length", "petal_width", "virginica"])
    for features, target in zip(iris.data, iris.target):
        if target == 0:
            continue
        writer.writerow([f"{value:g}" for value in features] + [int(target == 2)])
print(f"wrote {out}")
