#!/usr/bin/env python3
"""HV@k tables from raw logs (carbs-bench's results/raw and optuna_reference.py's), with one hv_norm_fixed
written independently of the Swift one, so the two harnesses are scored by the same code.

usage: summarize.py PROBLEM=SCORE_REF:SCORE_BEST:COST_MIN:COST_MAX DIR[,DIR...] [--at 20,40,60]
  every DIR/raw/PROBLEM/STRATEGY/seed-*.jsonl is a run (lines with "params", in trial order; "true_score" is used
  when present, failed runs have "status":"failed"); prints a Markdown row per strategy: median [q25, q75].
"""
import glob, json, math, os, statistics, sys


def hv_norm(points, ref, best, cmin, cmax):
    """Normalized hypervolume of the (score, log10 cost) front from (score_ref, log10 cost_max)."""
    pts = sorted(((min(max(c, cmin), cmax), min(max(s, ref), best)) for s, c in points), key=lambda p: (p[0], -p[1]))
    front, top = [], -math.inf
    for c, s in pts:
        if s > top:
            front.append((c, s)); top = s
    area = 0.0
    for j, (c, s) in enumerate(front):
        nxt = math.log10(front[j + 1][0]) if j + 1 < len(front) else math.log10(cmax)
        area += (nxt - math.log10(c)) * (s - ref)
    return max(0.0, min(1.0, area / ((best - ref) * math.log10(cmax / cmin))))


def runs(dirs, problem):
    out = {}
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, "raw", problem, "*", "seed-*.jsonl"))):
            strategy = os.path.basename(os.path.dirname(path))
            trials = [json.loads(l) for l in open(path) if '"params"' in l]
            out.setdefault(strategy, []).append(trials)
    return out


def cell(xs):
    xs = sorted(xs)
    n = len(xs)
    q = lambda f: xs[min(n - 1, int(f * (n - 1) + 0.5))]
    return f"{statistics.median(xs):.3f} [{q(0.25):.3f}, {q(0.75):.3f}]"


def main():
    spec, dirs = sys.argv[1], sys.argv[2].split(",")
    at = [20, 40, 60]
    if "--at" in sys.argv:
        at = [int(x) for x in sys.argv[sys.argv.index("--at") + 1].split(",")]
    problem, box = spec.split("=")
    ref, best, cmin, cmax = map(float, box.split(":"))
    for strategy, rs in sorted(runs(dirs, problem).items()):
        cols = []
        for k in at:
            hv = [hv_norm([(t.get("true_score", t.get("score")), t["cost"]) for t in r[:k]
                           if t.get("status") != "failed" and t.get("score") is not None], ref, best, cmin, cmax)
                  for r in rs if len(r) >= k]
            cols.append(cell(hv) if hv else "–")
        print(f"| {problem} | {strategy} | {len(rs)} | " + " | ".join(cols) + " |")


main()
