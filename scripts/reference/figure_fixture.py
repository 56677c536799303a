"""Writes the small result set the Figures snapshot tests read: Tests/FiguresTests/Fixtures/run/
(manifest.json, runs.jsonl, paths/, contours/), in the format of Sources/Results (RunRecord schema v1,
TrajectoryFile, ContourGridFile).

This is input data, not expected output. The runs are exact simulations in float64 of simple methods on
2-D problems with closed forms (no randomness), so a reviewer can check any number by hand:
  * quadratic[d=2,kappa=K,minimizer=zero,rotation=none,spectrum=linear] = ½(x² + K·y²), K = 10, 100, 1000,
    started at (1, 1) (rep 0) and (1, 0.5) (rep 1), with GD lr = 1/L, Nesterov with constant momentum
    (lr 1/L, β = (√κ−1)/(√κ+1), reference §A.18) and Newton (one step to x* = 0), and at K = 10 also GD
    with lr 0.18 (zig-zags: 1 − 0.18·10 = −0.8);
  * narrow-valley = ½(x² + 100y²) from (1, 1): a GD learning-rate sweep around 2/L = 0.02 and two
    scheduled GD runs (cosine and step decay);
  * double-well x² + y⁴/4 − y²/2 from (1, y₀), y₀ = 1e−8·(rep + 1), GD lr 0.1 and 0.05, milestone `escaped`
    at f ≤ −0.1 (reference §C.3);
  * logistic[n=512]: synthetic round-number SGD/Adam runs at batch sizes 16, 64, 256 and full batch, whose
    iterations to the last target are 200·(1 + 64/B) (SGD) and 150·(1 + 32/B) (Adam), with geometric traces.
Targets: relative gap 1e−1, 1e−3, 1e−6. Seconds are 1 µs per gradient evaluation. Python 3 standard
library only; running it again gives identical files.
"""
import json
import math
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "FiguresTests" / "Fixtures" / "run"
THRESHOLDS = [1e-1, 1e-3, 1e-6]
ZERO = "0000000000000000"


def fmt(v):
    return repr(float(v)) if v is not None else None


def checkpoint(k, grads, epochs=None):
    c = {"iteration": k, "gradientEvaluations": grads, "functionEvaluations": 0, "hessianVectorProducts": 0,
         "hessianEvaluations": 1 if grads == 0 and k > 0 else 0, "seconds": grads * 1e-6}
    if epochs is not None:
        c["epochs"] = epochs
    return c


def log_marks(last):
    marks = {0, last}
    k = 1.0
    while k < last:
        marks.add(int(k))
        k *= 1.25
    return sorted(m for m in marks if m <= last)


def make_record(problem, optimizer, rep, values, fstar, lrs=None, milestone=None, grads_per_step=1,
                batch=None, sample_count=None, diverged=False, newton=False, epochs_per_step=None):
    """values[k] = f after k iterations (values[0] = f0); the run ends at len(values) − 1."""
    f0 = values[0]
    gap0 = f0 - fstar
    last = len(values) - 1
    ladder = []
    for t in THRESHOLDS:
        hit = None
        for k, f in enumerate(values):
            if (f - fstar) / gap0 <= t:
                hit = checkpoint(k, 0 if newton else k * grads_per_step,
                                 None if epochs_per_step is None else k * epochs_per_step)
                break
        ladder.append({"threshold": t, **({"hit": hit} if hit else {})})
    marks = set(log_marks(last))
    for entry in ladder:
        if "hit" in entry:
            marks.add(entry["hit"]["iteration"])
    trace = []
    for k in sorted(marks):
        f = values[k]
        g = 0 if newton else k * grads_per_step
        point = {"iteration": k, "gradientEvaluations": g, "functionEvaluations": 0, "seconds": g * 1e-6,
                 "value": f, "gap": f - fstar, "gradientNorm": math.sqrt(max(f - fstar, 0.0)) * 2,
                 "fingerprint": ZERO}
        if epochs_per_step is not None:
            point["epochs"] = k * epochs_per_step
        if lrs is not None and k > 0:
            point["learningRate"] = lrs[k - 1]
        trace.append(point)
    milestones = []
    if milestone is not None:
        name, threshold = milestone
        hit = next((checkpoint(k, k) for k, f in enumerate(values) if f <= threshold), None)
        milestones.append({"name": name, "valueThreshold": threshold, **({"hit": hit} if hit else {})})
    status = "diverged" if diverged else ("converged" if "hit" in ladder[-1] else "budget")
    final_f = values[-1]
    final = {"progress": checkpoint(last, 0 if newton else last * grads_per_step,
                                    None if epochs_per_step is None else last * epochs_per_step),
             "value": final_f, "gap": final_f - fstar, "relativeGap": (final_f - fstar) / gap0,
             "gradientNorm": math.sqrt(max(final_f - fstar, 0.0)) * 2}
    pid = problem["id"]
    oid = optimizer["id"]
    record = {
        "schemaVersion": 1, "id": f"{pid}/{oid}/rep={rep}", "suite": "fixture",
        "problem": problem, "optimizer": optimizer, "repetition": rep,
        "problemSeed": ZERO, "runSeed": ZERO, "status": status,
        "targets": {"measure": "relative-gap", "ladder": ladder}, "milestones": milestones,
        "initialValue": f0, "optimalValue": fstar, "final": final,
        "wallTime": {"medianSeconds": last * grads_per_step * 1e-6, "repeats": [last * grads_per_step * 1e-6]},
        "trace": trace, "finalFingerprint": ZERO,
    }
    if diverged:
        record["message"] = "gap above 1e6 × the initial gap"
    return record


def problem_identity(kind, params, dimension=2, batch=None, sample_count=None):
    shown = dict(params)
    if batch is not None:
        shown_id = dict(params, **{"batch-size": str(batch)})
    else:
        shown_id = shown
    pid = kind + ("[" + ",".join(f"{k}={shown_id[k]}" for k in sorted(shown_id)) + "]" if shown_id else "")
    p = {"id": pid, "kind": kind, "parameters": shown, "gradientNoise": 0, "dimension": dimension}
    if batch is not None:
        p["batchSize"] = batch
    if sample_count is not None:
        p["sampleCount"] = sample_count
    return p


def optimizer_identity(oid, kind, params, schedule=None):
    o = {"id": oid, "kind": kind, "parameters": params}
    if schedule is not None:
        o["schedule"] = schedule
    return o


def quad(eig, x):
    return 0.5 * (eig[0] * x[0] ** 2 + eig[1] * x[1] ** 2)


def run_gd(eig, x0, lrs, stop, budget):
    x = list(x0)
    values = [quad(eig, x)]
    path = [tuple(x)]
    f0 = values[0]
    for k in range(budget):
        lr = lrs(k)
        x = [x[i] - lr * eig[i] * x[i] for i in range(2)]
        f = quad(eig, x)
        values.append(f)
        path.append(tuple(x))
        if f / f0 <= stop or f > 1e6 * f0 or not math.isfinite(f):
            break
    return values, path


def run_nesterov(eig, x0, kappa, stop, budget):
    lr = 1 / eig[1]
    beta = (math.sqrt(kappa) - 1) / (math.sqrt(kappa) + 1)
    x = list(x0)
    prev = list(x0)
    values = [quad(eig, x)]
    path = [tuple(x)]
    for _ in range(budget):
        y = [x[i] + beta * (x[i] - prev[i]) for i in range(2)]
        prev = x
        x = [y[i] - lr * eig[i] * y[i] for i in range(2)]
        values.append(quad(eig, x))
        path.append(tuple(x))
        if values[-1] / values[0] <= stop:
            break
    return values, path


records = []
paths = {}
starts = [(1.0, 1.0), (1.0, 0.5)]
for kappa in [10, 100, 1000]:
    params = {"d": "2", "kappa": str(kappa), "minimizer": "zero", "rotation": "none", "spectrum": "linear"}
    problem = problem_identity("quadratic", params)
    eig = (1.0, float(kappa))
    for rep, x0 in enumerate(starts):
        values, path = run_gd(eig, x0, lambda k: 1 / kappa, 1e-6, 100000)
        opt = optimizer_identity("sgd[lr=1/L]", "sgd", {"lr": fmt(1 / kappa)})
        records.append(make_record(problem, opt, rep, values, 0.0))
        if kappa == 10 and rep == 0:
            paths[records[-1]["id"]] = (path, values)
        values, path = run_nesterov(eig, x0, kappa, 1e-6, 100000)
        opt = optimizer_identity("nesterov-constant", "nesterov-constant", {})
        records.append(make_record(problem, opt, rep, values, 0.0))
        if kappa == 10 and rep == 0:
            paths[records[-1]["id"]] = (path, values)
        if kappa == 10:
            values, path = run_gd(eig, x0, lambda k: 0.18, 1e-6, 100000)
            opt = optimizer_identity("sgd[lr=0.18]", "sgd", {"lr": "0.18"})
            records.append(make_record(problem, opt, rep, values, 0.0))
            if rep == 0:
                paths[records[-1]["id"]] = (path, values)
        values = [quad(eig, x0), 0.0]
        opt = optimizer_identity("newton", "newton", {})
        records.append(make_record(problem, opt, rep, values, 0.0, newton=True))
        if kappa == 10 and rep == 0:
            paths[records[-1]["id"]] = ([x0, (0.0, 0.0)], values)

valley = problem_identity("narrow-valley", {})
for lr in [0.005, 0.01, 0.015, 0.019, 0.021, 0.03]:
    for rep in range(2):
        values, _ = run_gd((1.0, 100.0), (1.0, 1.0), lambda k: lr, 1e-6, 3000)
        diverged = values[-1] > 1e6 * values[0]
        opt = optimizer_identity(f"sgd[lr={lr}]", "sgd", {"lr": fmt(lr)})
        records.append(make_record(valley, opt, rep, values, 0.0, diverged=diverged))


def cosine(k):
    return 0.019 * 0.5 * (1 + math.cos(math.pi * min(k, 400) / 400))


def step(k):
    return 0.019 * 0.5 ** (k // 100)


for name, schedule, fn in [("cosine[t-max=400]", {"kind": "cosine", "parameters": {"t-max": "400"}}, cosine),
                           ("step[gamma=0.5,step-size=100]", {"kind": "step", "parameters": {"gamma": "0.5", "step-size": "100"}}, step)]:
    values, _ = run_gd((1.0, 100.0), (1.0, 1.0), fn, 1e-6, 600)
    opt = optimizer_identity(f"sgd[lr=0.019,schedule={name}]", "sgd", {"lr": "0.019"}, schedule)
    records.append(make_record(valley, opt, 0, values, 0.0, lrs=[fn(k) for k in range(len(values) - 1)]))

well = problem_identity("double-well", {})
for lr in [0.1, 0.05]:
    for rep in range(5):
        x, y = 1.0, 1e-8 * (rep + 1)
        f = lambda x, y: x * x + y ** 4 / 4 - y * y / 2
        values = [f(x, y)]
        for k in range(2000):
            x, y = x - lr * 2 * x, y - lr * (y ** 3 - y)
            values.append(f(x, y))
            if (values[-1] + 0.25) / (values[0] + 0.25) <= 1e-6:
                break
        opt = optimizer_identity(f"sgd[lr={lr}]", "sgd", {"lr": fmt(lr)})
        records.append(make_record(well, opt, rep, values, -0.25, milestone=("escaped", -0.1)))

for batch in [16, 64, 256, None]:
    size = batch if batch is not None else 512
    problem = problem_identity("logistic", {"n": "512"}, dimension=10, batch=batch, sample_count=512)
    for oid, kind, lr, base, half in [("sgd[lr=0.5]", "sgd", "0.5", 200, 64), ("adam[lr=0.01]", "adam", "0.01", 150, 32)]:
        for rep in range(2):
            iterations = int(base * (1 + half / size)) + 10 * rep
            rate = (1e-6) ** (1 / iterations) * 0.99999
            values = [1.3 + 0.3] + [0.3 + 1.3 * rate ** k for k in range(1, iterations + 1)]
            records.append(make_record(problem, optimizer_identity(oid, kind, {"lr": lr}), rep, values, 0.3,
                                       epochs_per_step=size / 512))

records.sort(key=lambda r: r["id"])
ROOT.mkdir(parents=True, exist_ok=True)
with open(ROOT / "runs.jsonl", "w") as out:
    for r in records:
        out.write(json.dumps(r, sort_keys=True, separators=(",", ":")) + "\n")

manifest = {
    "schemaVersion": 1, "gdbenchVersion": "0.1.0", "gitCommit": "fixture", "swiftVersion": "Swift 6.3",
    "operatingSystem": "Linux", "cpu": "fixture CPU", "cpuCount": 2, "buildConfiguration": "release",
    "suite": "fixture", "suiteFile": "suites/fixture.yaml", "suiteDigest": "0" * 64, "seed": "0000000000000001",
    "commandLine": ["gdbench", "run", "suites/fixture.yaml"], "startTime": "2026-11-23T16:00:00.000Z",
    "endTime": "2026-11-23T16:00:01.000Z", "selectedRuns": len(records), "plannedRuns": len(records),
}
(ROOT / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def stem(identifier):
    out = []
    for byte in identifier.encode():
        c = chr(byte)
        if c.isascii() and (c.isalnum() or c in ".,_=[]-"):
            out.append(c)
        else:
            out.append("~%02X" % byte)
    return "".join(out)


(ROOT / "paths").mkdir(exist_ok=True)
for run_id, (path, values) in sorted(paths.items()):
    lines = ["# gdbench path v1", f"# run {run_id}", "# iteration x y f"]
    lines += [f"{k} {fmt(x)} {fmt(y)} {fmt(f)}" for k, ((x, y), f) in enumerate(zip(path, values))]
    (ROOT / "paths" / (stem(run_id) + ".dat")).write_text("\n".join(lines) + "\n")

(ROOT / "contours").mkdir(exist_ok=True)
pid = "quadratic[d=2,kappa=10,minimizer=zero,rotation=none,spectrum=linear]"
axis = [-1.25 + 2.5 * i / 40 for i in range(41)]
lines = ["# gdbench contour grid v1", f"# problem {pid}", "# minimum 0.0 0.0", "# x y f"]
for i, x in enumerate(axis):
    if i > 0:
        lines.append("")
    lines += [f"{fmt(x)} {fmt(y)} {fmt(quad((1.0, 10.0), (x, y)))}" for y in axis]
(ROOT / "contours" / (stem(pid) + ".dat")).write_text("\n".join(lines) + "\n")
print("wrote", len(records), "records to", ROOT)
