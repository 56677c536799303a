#!/usr/bin/env python3
"""Reads a gdbench iterate sidecar (RUN/iterates/<run>.f64, written with record-iterates: true).

Layout (little-endian): b"GDBITER1", d (uint64), m (uint64), then m records of an uint64 iteration and
d binary64 coordinates. Usage as a script prints the iterations and the first coordinates:

    python3 scripts/read_iterates.py results/SUITE/TIME/iterates/FILE.f64

With numpy installed, `read_iterates(path)` returns (iterations, x) as arrays of shape (m,) and (m, d);
without numpy, plain lists (standard library only).
"""
import struct
import sys


def read_iterates(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if len(data) < 24 or data[:8] != b"GDBITER1":
        raise ValueError(f"{path}: not a gdbench iterate file")
    d, m = struct.unpack_from("<QQ", data, 8)
    if len(data) != 24 + m * (d + 1) * 8:
        raise ValueError(f"{path}: header (d={d}, m={m}) does not match the size {len(data)}")
    try:
        import numpy as np

        rows = np.frombuffer(data, dtype=[("iteration", "<u8"), ("x", "<f8", (d,))], offset=24)
        return rows["iteration"].copy(), rows["x"].copy()
    except ImportError:
        iterations, xs = [], []
        for k in range(m):
            offset = 24 + k * (d + 1) * 8
            iterations.append(struct.unpack_from("<Q", data, offset)[0])
            xs.append(list(struct.unpack_from(f"<{d}d", data, offset + 8)))
        return iterations, xs


if __name__ == "__main__":
    iterations, xs = read_iterates(sys.argv[1])
    for iteration, x in zip(iterations, xs):
        head = ", ".join(repr(float(v)) for v in list(x)[:4])
        print(f"{int(iteration)}: [{head}{', …' if len(x) > 4 else ''}]")
