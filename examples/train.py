#!/usr/bin/env python3
"""train.py: a Python stand-in for a training program, driven by `carbs-suggest --format args`.

    python3 train.py $(carbs-suggest --log sweep.jsonl --format args)
    python3 train.py --carbs-id=ID --lr=0.001 --epochs=10 --opt=adam

Takes the run's parameters as --NAME=VALUE options (W&B-agent style; --carbs-id is the run's id), "trains" one
epoch at a time, printing progress, and prints its result as one JSON object on its last line, ready for
`carbs-suggest --log sweep.jsonl --record ID --from -`. The score is toy-train's, plus a small penalty for sgd:
score = -(log10(lr) + 3)^2 * 64 / epochs - 1 / epochs, cost = epochs. A learning rate above 0.05 diverges: a message
on standard error and exit 1, which the sweep records as a failed run.
"""
import argparse
import json
import math
import sys


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--carbs-id", help="the run's id in the sweep log")
    p.add_argument("--lr", type=float, required=True)
    p.add_argument("--epochs", type=int, required=True)
    p.add_argument("--opt", choices=["adam", "sgd"], default="adam")
    a = p.parse_args()
    if a.lr <= 0 or a.epochs < 1:
        p.error("need lr > 0 and epochs >= 1")
    for epoch in range(1, a.epochs + 1):
        print(f"epoch {epoch}/{a.epochs} loss={1 / epoch:.4f}", flush=True)
    if a.lr > 0.05:
        print(f"train.py: diverged (lr {a.lr} > 0.05)", file=sys.stderr)
        return 1
    d = math.log10(a.lr) + 3
    score = -(d * d * 64 / a.epochs) - 1 / a.epochs - (0.5 if a.opt == "sgd" else 0.0)
    print(json.dumps({"score": score, "cost": a.epochs, "run": a.carbs_id}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
