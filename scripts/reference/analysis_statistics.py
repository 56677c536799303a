"""Reference values for gdbench's Analysis statistics, from scipy/numpy.

Pinned: numpy 2.4.6, scipy 1.17.1 (see requirements.txt).
Run:  python scripts/reference/analysis_statistics.py
Writes Tests/AnalysisTests/Fixtures/statistics.json (running again gives an identical file).

* Student t quantiles: scipy.stats.t.ppf.
* Line fits: numpy.polyfit(x, y, 1) and scipy.stats.linregress (slope, intercept, stderr), with the 95%
  slope interval slope ± t.ppf(0.975, n − 2)·stderr — on log10 κ / log10 iterations data.
* Wilcoxon signed-rank: scipy.stats.wilcoxon(a, b, zero_method="wilcox", correction=True,
  alternative="two-sided", method=<exact|asymptotic>) — the method gdbench picks (exact for n ≤ 25 without
  ties, else asymptotic) is passed explicitly; W+ and W− and the rank-biserial r = (W+ − W−)/(W+ + W−) from
  scipy.stats.rankdata.
"""
import json
import pathlib

import numpy as np
import scipy
import scipy.stats as st

assert np.__version__ == "2.4.6", np.__version__
assert scipy.__version__ == "1.17.1", scipy.__version__

out = {}

out["t_quantiles"] = [
    {"p": p, "df": df, "quantile": float(st.t.ppf(p, df))}
    for df in [1, 2, 3, 4, 5, 7, 10, 20, 30, 100, 2.5]
    for p in [0.9, 0.975, 0.995, 0.025]
]

fits = []
for name, kappas, iterations in [
    # GD-like: iterations ≈ 0.7·κ·ln(1e6)/2 with noise.
    ("gd", [10, 100, 1000, 10000], [66, 688, 6905, 69075]),
    ("nesterov", [10, 100, 1000, 10000], [37, 132, 430, 1375]),
    ("noisy", [3, 30, 300, 3000, 30000], [12, 55, 150, 700, 1900]),
]:
    x = np.log10(np.array(kappas, dtype=np.float64))
    y = np.log10(np.array(iterations, dtype=np.float64))
    poly = np.polyfit(x, y, 1)
    reg = st.linregress(x, y)
    t = st.t.ppf(0.975, len(x) - 2)
    fits.append({
        "name": name, "kappa": kappas, "iterations": iterations,
        "polyfit_slope": float(poly[0]), "polyfit_intercept": float(poly[1]),
        "slope": float(reg.slope), "intercept": float(reg.intercept), "stderr": float(reg.stderr),
        "lower": float(reg.slope - t * reg.stderr), "upper": float(reg.slope + t * reg.stderr),
    })
out["line_fits"] = fits


def wilcoxon_case(name, a, b):
    a = np.array(a, dtype=np.float64)
    b = np.array(b, dtype=np.float64)
    d = a - b
    d = d[d != 0]
    ranks = st.rankdata(np.abs(d))
    ties = len(np.unique(np.abs(d))) < len(d)
    method = "exact" if (len(d) <= 25 and not ties) else "asymptotic"
    res = st.wilcoxon(a, b, zero_method="wilcox", correction=True, alternative="two-sided", method=method)
    w_plus = float(ranks[d > 0].sum())
    w_minus = float(ranks[d < 0].sum())
    return {
        "name": name, "a": a.tolist(), "b": b.tolist(), "n": int(len(d)), "method": "exact" if method == "exact" else "normal",
        "statistic": float(res.statistic), "pvalue": float(res.pvalue),
        "w_plus": w_plus, "w_minus": w_minus, "rank_biserial": (w_plus - w_minus) / (w_plus + w_minus),
    }


rng = np.random.default_rng(20261123)
large_a = np.round(rng.normal(100, 15, 40)).tolist()
large_b = (np.array(large_a) + np.round(rng.normal(4, 10, 40))).tolist()
out["wilcoxon"] = [
    wilcoxon_case("small exact", [120, 95, 130, 88, 140, 101, 97, 115], [110, 99, 111, 80, 131, 100, 90, 118]),
    wilcoxon_case("small with ties", [120, 95, 130, 88, 140, 101, 97, 115], [110, 99, 111, 80, 132, 100, 90, 118]),
    wilcoxon_case("exact all one side", [5, 6, 7, 8, 9, 10], [1, 2.5, 3.25, 4.125, 5.0625, 5.5]),
    wilcoxon_case("with zero and ties", [10, 12, 14, 16, 18, 20, 22, 24, 26, 28], [10, 10, 12, 14, 20, 18, 20, 20, 30, 25]),
    wilcoxon_case("exact n=20", list(range(100, 120)), [100.5 + 1.01 * k + (k % 3) * 0.37 - (k % 5) * 0.91 for k in range(20)]),
    wilcoxon_case("large normal", large_a, large_b),
]

path = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "AnalysisTests" / "Fixtures" / "statistics.json"
path.parent.mkdir(parents=True, exist_ok=True)
path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
print("wrote", path)
