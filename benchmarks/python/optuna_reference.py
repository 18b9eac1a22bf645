#!/usr/bin/env python3
"""Python references: Optuna's samplers on carbs-bench's problems (problems.py) and on the LCBench tasks (the
same surrogate), as raw logs that benchmarks/python/summarize.py scores with the same hv_norm_fixed as
carbs-bench's.

usage: optuna_reference.py PROBLEM SAMPLER SEED [--trials 60] [--out benchmarks/results/python]
  PROBLEM: a carbs-bench problem (branin-cost, hartmann6-noisy, ...) or an LCBench task id (167149) or
           lcbench-TASK
  SAMPLER: gpmo (GPSampler, two objectives: score and -log10 cost), tpe (score only), mo (TPE on the two
           objectives), random
  writes OUT/raw/PROBLEM/optuna-SAMPLER/seed-SEED.jsonl: one {"trial","params","score","cost","suggest_s"}
  line per trial ("true_score" on noisy problems, "status":"failed" for a failed run), written when the run is
  complete (a killed run leaves nothing). Noise: numpy.random.default_rng([seed, trial]), as shared/baselines.
Pinned: optuna==5.0.0, torch==2.13.0 (CPU), numpy, onnxruntime (see requirements.txt beside this script).
"""
import argparse, json, math, os, time
import numpy as np
import optuna
from problems import PROBLEMS

ap = argparse.ArgumentParser()
ap.add_argument("problem"); ap.add_argument("sampler", choices=["gpmo", "tpe", "mo", "random"]); ap.add_argument("seed", type=int)
ap.add_argument("--trials", type=int, default=60)
ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "results", "python"))
a = ap.parse_args()
try:
    import torch
    torch.set_num_threads(1)
except ImportError:
    pass
optuna.logging.set_verbosity(optuna.logging.WARNING)
name = a.problem if a.problem in PROBLEMS or a.problem.startswith("lcbench-") else f"lcbench-{a.problem}"
if name in PROBLEMS:
    space, evaluate = PROBLEMS[name]
else:
    from lcbench_common import Surrogate, SPACE
    f = Surrogate(name[len("lcbench-"):])
    space = [(n, "int" if it else "float", lo, hi, lg) for n, lo, hi, lg, it in SPACE]
    def evaluate(p, rng):
        s, c = f(p)
        return s, s, c
if a.sampler == "gpmo":
    sampler, directions = optuna.samplers.GPSampler(seed=a.seed), ["maximize", "maximize"]
elif a.sampler == "mo":
    sampler, directions = optuna.samplers.TPESampler(seed=a.seed), ["maximize", "maximize"]
elif a.sampler == "tpe":
    sampler, directions = optuna.samplers.TPESampler(seed=a.seed), ["maximize"]
else:
    sampler, directions = optuna.samplers.RandomSampler(seed=a.seed), ["maximize"]
study = optuna.create_study(directions=directions, sampler=sampler)
rows = []
for k in range(a.trials):
    t0 = time.perf_counter()
    trial = study.ask()
    p = {}
    for n, kind, lo, hi, lg in space:
        if kind == "choice":
            p[n] = trial.suggest_categorical(n, lo)
        elif kind == "int":
            p[n] = trial.suggest_int(n, lo, hi, log=lg)
        else:
            p[n] = trial.suggest_float(n, lo, hi, log=lg)
    secs = time.perf_counter() - t0
    s, true, c = evaluate(p, np.random.default_rng([a.seed, k]))
    row = {"trial": k + 1, "params": p}
    if s is None:
        study.tell(trial, state=optuna.trial.TrialState.FAIL)
        row["status"] = "failed"
    else:
        study.tell(trial, [s, -math.log10(c)] if len(directions) == 2 else s)
        row["score"] = s
        if true != s:
            row["true_score"] = true
    row.update(cost=c, suggest_s=round(secs, 4))
    rows.append(row)
path = os.path.join(a.out, "raw", name, f"optuna-{a.sampler}", f"seed-{a.seed}.jsonl")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path + ".tmp", "w") as out:
    out.write("".join(json.dumps(r) + "\n" for r in rows))
os.replace(path + ".tmp", path)
