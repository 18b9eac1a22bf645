#!/usr/bin/env python3
"""equal-cost.py: the equal-cumulative-cost table of shared/baselines/README.md from carbs-bench's raw logs.

    benchmarks/equal-cost.py RESULTS_DIR PROBLEM STRATEGY U SCORE_REF SCORE_BEST COST_MIN COST_MAX

For a budget B = f·U, the front holds the trials whose cumulative cost (all trials up to and including that one,
failed ones included) stays within B; `hv_norm_fixed` of that front on the noise-free scores (`true_score` when the
log has one), over the first 60 trials. Prints the median over seeds at f = 0.05, 0.1, 0.25, 0.5, 1 as a table
row. A seed that spent less than U in 60 trials has its HV@60 at 1×U: on branin-cost and hartmann6-cost that
cell equals carbs-bench's median HV@60 (0.980, 0.778), a check of this script against the Swift metric.
"""
import glob, json, os, statistics, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "python"))
from hv import hv_norm  # noqa: E402

def main():
    d, problem, strategy = sys.argv[1:4]
    U, ref, best, cmin, cmax = map(float, sys.argv[4:9])
    fractions = [0.05, 0.1, 0.25, 0.5, 1.0]
    cells = {f: [] for f in fractions}
    for path in sorted(glob.glob(f"{d}/raw/{problem}/{strategy}/seed-*.jsonl")):
        trials = [json.loads(l) for l in open(path) if '"params"' in l]
        trials = trials[:60]
        spent, rows = 0.0, []
        for t in trials:
            spent += t.get("cost", 0.0)
            s = t.get("true_score", t.get("score"))
            rows.append((spent, None if t.get("status") == "failed" else s, t.get("cost", 1.0)))
        for f in fractions:
            cells[f].append(hv_norm([(s, c) for sp, s, c in rows if sp <= f * U and s is not None], ref, best, cmin, cmax))
    n = len(cells[1.0])
    print(f"| {problem} | {strategy} ({n} seeds) | " + " | ".join(f"{statistics.median(cells[f]):.3f}" for f in fractions) + " |")

main()
