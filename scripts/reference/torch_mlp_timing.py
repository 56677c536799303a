"""PyTorch reference for `gdbench bench`'s neural-network row: the loss and gradient of a 64-128-128-10
tanh network (cross-entropy, mean over the batch) on one batch of 128 UCI digits (pixels / 16), in
float64 on the CPU with one thread. Prints one JSON object: {"torch_ns": median ns per call,
"versions": "..."}.

Usage: python scripts/reference/torch_mlp_timing.py [--calls 200] [--repeats 5]
"""
import argparse
import json
import pathlib
import time

import numpy as np
import torch

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    data = np.loadtxt(ROOT / "Sources/Objectives/Data/digits.csv", delimiter=",", skiprows=1)
    x = torch.tensor(data[:128, :64] / 16)
    y = torch.tensor(data[:128, 64], dtype=torch.long)
    torch.manual_seed(17)
    model = torch.nn.Sequential(
        torch.nn.Linear(64, 128), torch.nn.Tanh(), torch.nn.Linear(128, 128), torch.nn.Tanh(), torch.nn.Linear(128, 10))
    loss_fn = torch.nn.CrossEntropyLoss()
    times = []
    for _ in range(args.repeats + 1):  # the first repeat warms up
        start = time.perf_counter_ns()
        for _ in range(args.calls):
            model.zero_grad(set_to_none=False)
            loss = loss_fn(model(x), y)
            loss.backward()
        times.append((time.perf_counter_ns() - start) / args.calls)
    times = sorted(times[1:])
    print(json.dumps({"torch_ns": times[len(times) // 2],
                      "versions": f"torch {torch.__version__}, {torch.backends.cpu.get_cpu_capability()}, 1 thread, float64"}))


if __name__ == "__main__":
    main()
