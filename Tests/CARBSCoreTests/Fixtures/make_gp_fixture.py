#!/usr/bin/env python3
"""Independent reference for GaussianProcess.predict / logMarginalLikelihood.

Writes gp_fixture.json next to this script. Not run by the tests; rerun by hand after changing the cases:

    python3 Tests/CARBSCoreTests/Fixtures/make_gp_fixture.py

Straightforward numpy/scipy implementation: Matérn-5/2 with ARD lengthscales written out from its formula,
optional linear term on centred inputs, Cholesky via scipy.linalg.cho_factor / cho_solve.
"""
import json
import os

import numpy as np
from scipy.linalg import cho_factor, cho_solve, solve_triangular


def matern52(a, b, lengthscales, signal):
    diff = (a[:, None, :] - b[None, :, :]) / lengthscales[None, None, :]
    r = np.sqrt(np.sum(diff ** 2, axis=2))
    s5r = np.sqrt(5.0) * r
    return signal * (1.0 + s5r + 5.0 / 3.0 * r ** 2) * np.exp(-s5r)


def kernel(a, b, h):
    k = matern52(a, b, np.asarray(h["lengthscales"]), h["signalVariance"])
    if h.get("linearVariance") is not None:
        k = k + h["linearVariance"] * (a - 0.5) @ (b - 0.5).T
    return k


def posterior(x, y, xs, h):
    n = len(y)
    K = kernel(x, x, h) + h["noiseVariance"] * np.eye(n)
    c = cho_factor(K, lower=True)
    r = y - h["mean"]
    alpha = cho_solve(c, r)
    Ks = kernel(x, xs, h)
    mean = h["mean"] + Ks.T @ alpha
    L = np.tril(c[0])
    V = solve_triangular(L, Ks, lower=True)
    kss = np.diag(kernel(xs, xs, h))
    var = kss - np.sum(V ** 2, axis=0)
    lml = -0.5 * r @ alpha - np.sum(np.log(np.diag(L))) - 0.5 * n * np.log(2 * np.pi)
    return mean, var, lml


def case(name, rng, n, d, m, h):
    x = rng.uniform(size=(n, d))
    y = np.sin(3 * x[:, 0]) + 0.5 * np.cos(5 * x[:, -1]) + 0.05 * rng.normal(size=n)
    xs = rng.uniform(size=(m, d))
    mean, var, lml = posterior(x, y, xs, h)
    return {"name": name, "x": x.tolist(), "y": y.tolist(), "xs": xs.tolist(), "hyperparameters": h,
            "mean": mean.tolist(), "variance": var.tolist(), "logMarginalLikelihood": float(lml)}


def main():
    rng = np.random.default_rng(20240611)
    cases = [
        case("matern", rng, 15, 3, 9,
             {"lengthscales": [0.3, 0.55, 0.8], "signalVariance": 1.3, "noiseVariance": 0.01, "mean": 0.2,
              "linearVariance": None}),
        case("matern+linear", rng, 20, 4, 11,
             {"lengthscales": [0.25, 0.4, 1.5, 0.7], "signalVariance": 0.8, "noiseVariance": 0.003,
              "mean": -0.4, "linearVariance": 0.6}),
    ]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gp_fixture.json")
    with open(out, "w") as f:
        json.dump({"generator": "make_gp_fixture.py", "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
