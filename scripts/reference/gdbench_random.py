"""gdbench's random streams and synthetic data recipes, re-implemented in plain Python.

An independent implementation of Sources/Randomness (SplitMix64 seeding, xoshiro256**, unit doubles
from the top 53 bits, Marsaglia's polar Gaussians with the spare kept) and of the synthetic data of
Sources/Objectives/FiniteSums/SyntheticClassificationData.swift and SyntheticRegressionData.swift, so that the
reference scripts can rebuild the exact data a Swift seed produces and solve it with scikit-learn /
numpy. Uses only the Python standard library (math.log and float ** call the platform's libm, as
Swift does).
"""
import math

MASK = (1 << 64) - 1


def _rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        state = seed & MASK
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            words.append(z ^ (z >> 31))
        self.s = words
        self.spare = None

    def next(self):
        s0, s1, s2, s3 = self.s
        result = (_rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = _rotl(s3, 45)
        self.s = [s0, s1, s2, s3]
        return result

    def unit_double(self):
        return float(self.next() >> 11) * 2.0 ** -53

    def gaussian(self):
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        while True:
            u = 2 * self.unit_double() - 1
            v = 2 * self.unit_double() - 1
            s = u * u + v * v
            if 0 < s < 1:
                factor = math.sqrt(-2 * math.log(s) / s)
                self.spare = v * factor
                return u * factor


def column_scales(d, conditioning):
    """s_j = kappa^(-j / (2 (d - 1)))."""
    if d <= 1:
        return [1.0]
    return [conditioning ** (-j / (2 * (d - 1))) for j in range(d)]


def synthetic_classification(n, d, conditioning, label_noise, seed):
    """Rows (lists) x_i and labels y_i in {-1, +1}: SyntheticClassificationData.generate()."""
    rng = Xoshiro256StarStar(seed)
    true_weights = [rng.gaussian() for _ in range(d)]
    z = [[rng.gaussian() for _ in range(d)] for _ in range(n)]
    labels = []
    for row in z:
        margin = 0.0
        for j in range(d):
            margin += row[j] * true_weights[j]
        flip = rng.unit_double() < label_noise
        labels.append(1.0 if (margin >= 0) != flip else -1.0)
    scales = column_scales(d, conditioning)
    x = [[row[j] * scales[j] for j in range(d)] for row in z]
    return x, labels


def synthetic_regression(n, d, conditioning, noise, seed):
    """Rows x_i and responses y_i: SyntheticRegressionData.generate()."""
    rng = Xoshiro256StarStar(seed)
    scales = column_scales(d, conditioning)
    true_weights = [rng.gaussian() for _ in range(d)]
    x = [[rng.gaussian() for _ in range(d)] for _ in range(n)]
    x = [[row[j] * scales[j] for j in range(d)] for row in x]
    responses = []
    for row in x:
        signal = 0.0
        for j in range(d):
            signal += row[j] * true_weights[j]
        responses.append(signal + noise * rng.gaussian())
    return x, responses


def check_against_golden(path):
    """Asserts that this implementation reproduces the xoshiro256**, unit-double and Gaussian
    values of scripts/reference/rng_reference.txt (written by the independent C program)."""
    checked = 0
    for line in open(path, encoding="utf-8"):
        name, key, index, value = line.split()
        if name not in ("xoshiro256ss", "unit", "gaussian"):
            continue
        rng = Xoshiro256StarStar(int(key))
        draw = {"xoshiro256ss": rng.next, "unit": rng.unit_double, "gaussian": rng.gaussian}[name]
        for _ in range(int(index)):
            draw()
        produced = draw()
        expected = int(value) if name == "xoshiro256ss" else float(value)
        assert produced == expected, (name, key, index, produced, expected)
        checked += 1
    assert checked > 0
    return checked
