#!/usr/bin/env python3
"""The fixed hv_norm_fixed box of an LCBench task, by the rule of shared/baselines/README.md:
score_ref = 10th percentile of 2,000 uniform unit-cube points; score_best and cost_min/cost_max = the extremes of
a larger search (uniform points, the 256 box corners, then coordinate-wise local search from the best points).

usage: lcbench_reference.py TASK [--uniform N] [--seed S]   (prints one JSON line)
"""
import argparse, itertools, json
import numpy as np
from lcbench_common import Surrogate, from_unit, SPACE

ap = argparse.ArgumentParser()
ap.add_argument("task")
ap.add_argument("--uniform", type=int, default=20000)
ap.add_argument("--seed", type=int, default=20261203)
a = ap.parse_args()
f = Surrogate(a.task)
rng = np.random.default_rng(a.seed)
first = [f(from_unit(u)) for u in rng.random((2000, len(SPACE)))]
score_ref = float(np.percentile([s for s, _ in first], 10))
seen = list(first)
pts = [(s, c, None) for s, c in first]
for u in rng.random((a.uniform, len(SPACE))):
    s, c = f(from_unit(u)); seen.append((s, c)); pts.append((s, c, u))
for corner in itertools.product([0.0, 1.0], repeat=len(SPACE)):
    seen.append(f(from_unit(corner)))
# Local search: from the 20 best uniform points, shrinking coordinate steps.
best = sorted([p for p in pts if p[2] is not None], key=lambda p: -p[0])[:20]
for s0, _, u0 in best:
    u, s, step = np.array(u0), s0, 0.2
    while step > 0.005:
        moved = False
        for i in range(len(SPACE)):
            for d in (-step, step):
                v = u.copy(); v[i] = min(1.0, max(0.0, v[i] + d))
                sv, cv = f(from_unit(v)); seen.append((sv, cv))
                if sv > s:
                    u, s, moved = v, sv, True
        if not moved:
            step /= 2
print(json.dumps({"task": a.task, "score_ref": round(score_ref, 4), "score_best": round(max(s for s, _ in seen), 4),
                  "cost_min": round(min(c for _, c in seen), 5), "cost_max": round(max(c for _, c in seen), 2),
                  "evaluations": len(seen)}))
