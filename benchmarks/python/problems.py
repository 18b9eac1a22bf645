"""The carbs-bench problems (benchmarks/Sources/carbs-bench/Problems.swift) in Python, for the Optuna references.
Each problem: a space of (name, kind, low, high, log, integer) with kind "float", "int" or "choice" (low = the
values), and evaluate(params, rng) -> (observed score or None for a failed run, noise-free score or None, cost)."""
import math

PI = math.pi


def branin(x1, x2):
    b, c, t = 5.1 / (4 * PI * PI), 5 / PI, 1 / (8 * PI)
    u = x2 - b * x1 * x1 + c * x1 - 6
    return u * u + 10 * (1 - t) * math.cos(x1) + 10


A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
     [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
ALPHA = [1.0, 1.2, 3.0, 3.2]


def hartmann6(x):
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j] * 1e-4) ** 2 for j in range(6))) for i in range(4))


def ackley(x):
    n = len(x)
    sq = sum(v * v for v in x) / n
    cs = sum(math.cos(2 * PI * v) for v in x) / n
    return -20 * math.exp(-0.2 * math.sqrt(sq)) - math.exp(cs) + 20 + math.e


def scaling_loss(lr, width, steps, wd):
    lr_star = 3e-3 * math.sqrt(256 / width)
    l = math.log(lr / lr_star)
    lr_pen = 0.28 * l * l if l > 0 else 0.08 * l * l
    w = math.log(wd / (3e-7 / lr))
    base = 1.8 + 2.5 * (width / 64) ** -0.35 + 3.0 * (steps / 1000) ** -0.3
    return min(10, base + lr_pen + 0.02 * w * w)


VARIANTS = {"a": ([-1.2, 0.8, -2.5, 1.4, 0.3], 0.5, 1), "b": ([2.1, -1.3, 0.7, 2.6, -1.8], 0, 2),
            "c": ([0.6, 2.2, -0.9, -2.9, 1.7], 1, 0.5)}

BRANIN = [("x1", "float", -5, 10, False), ("x2", "float", 0, 15, False), ("epochs", "int", 1, 100, True)]
H6 = [(f"x{i}", "float", 0, 1, False) for i in range(6)]


def _branin(p, rng, sd=0.0):
    s = -(branin(p["x1"], p["x2"]) + 10 / p["epochs"])
    return s + (sd * rng.normal() if sd else 0), s, float(p["epochs"])


def _h6(p, rng, sd=0.0, fail=False):
    x = [p[f"x{i}"] for i in range(6)]
    cost = math.exp(2 * x[0]) + x[5]
    if fail and x[0] + x[5] > 1.5:
        return None, None, cost
    s = -hartmann6(x)
    return s + (sd * rng.normal() if sd else 0), s, cost


def _scaling(p, rng):
    s = -scaling_loss(p["lr"], p["width"], p["steps"], p["wd"])
    return s, s, p["width"] * p["steps"] / 64000


def _ackley(p, rng):
    shift, offset, factor = VARIANTS[p["variant"]]
    s = -(ackley([p[f"x{i}"] - shift[i] for i in range(5)]) + offset + 5 / p["steps"])
    return s, s, p["steps"] * factor


PROBLEMS = {
    "branin-cost": (BRANIN, lambda p, r: _branin(p, r)),
    "branin-noisy": (BRANIN, lambda p, r: _branin(p, r, 1.0)),
    "hartmann6-cost": (H6, lambda p, r: _h6(p, r)),
    "hartmann6-noisy": (H6, lambda p, r: _h6(p, r, 0.3)),
    "hartmann6-fail": (H6, lambda p, r: _h6(p, r, fail=True)),
    "scaling": ([("lr", "float", 1e-4, 1e-1, True), ("width", "int", 64, 4096, True),
                 ("steps", "int", 1000, 30000, True), ("wd", "float", 1e-6, 1e-1, True)], _scaling),
    "ackley5-cat": ([(f"x{i}", "float", -5, 5, False) for i in range(5)] + [("steps", "int", 1, 100, True),
                    ("variant", "choice", ["a", "b", "c"], None, False)], _ackley),
}
