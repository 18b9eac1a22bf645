#!/usr/bin/env python3
"""HV@k tables from raw logs (carbs-bench's results/raw and optuna_reference.py's), with one hv_norm_fixed
written independently of the Swift one, so the two harnesses are scored by the same code.

usage: summarize.py PROBLEM=SCORE_REF:SCORE_BEST:COST_MIN:COST_MAX DIR[,DIR...] [--at 20,40,60]
       carbs-bench problems | summarize.py --boxes - DIR[,DIR...] [--at 40,60] [--strategies ehvi,optuna-gpmo]
  every DIR/raw/PROBLEM/STRATEGY/seed-*.jsonl is a run (lines with "params", in trial order; "true_score" is used
  when present, failed runs have "status":"failed"); prints a Markdown row per problem and strategy:
  median [q25, q75] of hv_norm_fixed over the seeds. With --boxes, every problem `carbs-bench problems` lists.
"""
import glob, json, os, statistics, sys

from hv import hv_norm


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


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def boxes_from(text):
    """(problem, ref, best, cmin, cmax) from `carbs-bench problems` lines (NAME<TAB>SPECS<TAB>score_ref R ...)."""
    out = []
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) < 3:
            continue
        w = f[2].split()
        lo, hi = w[5].split("..")
        out.append((f[0], float(w[1]), float(w[3]), float(lo), float(hi)))
    return out


def main():
    at = [int(x) for x in option("--at", "20,40,60").split(",")]
    if sys.argv[1] == "--boxes":
        dirs = sys.argv[3].split(",")
        wanted = option("--strategies", None)
        print("| problem | optimizer | seeds | " + " | ".join(f"HV@{k}" for k in at) + " |")
        print("|---|---|---|" + "---|" * len(at))
        for problem, *box in boxes_from(sys.stdin.read()):
            table(problem, box, dirs, at, wanted.split(",") if wanted else None)
        return
    problem, box = sys.argv[1].split("=")
    table(problem, list(map(float, box.split(":"))), sys.argv[2].split(","), at, None)


def table(problem, box, dirs, at, wanted):
    ref, best, cmin, cmax = box
    found = runs(dirs, problem)
    for strategy in (wanted or sorted(found)):
        rs = found.get(strategy)
        if not rs:
            continue
        cols = []
        for k in at:
            hv = [hv_norm([(t.get("true_score", t.get("score")), t["cost"]) for t in r[:k]
                           if t.get("status") != "failed" and t.get("score") is not None], ref, best, cmin, cmax)
                  for r in rs if len(r) >= k]
            cols.append(cell(hv) if hv else "–")
        print(f"| {problem} | {strategy} | {len(rs)} | " + " | ".join(cols) + " |")


main()
