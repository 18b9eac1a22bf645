#!/usr/bin/env python3
"""wandb-train.py: the program of examples/wandb-sweep.yaml, a stand-in for an MLP training script.

    python3 wandb-train.py --lr=0.001 --weight_decay=0.0001 --batch_size=64 --epochs=10 --dropout=0.2 --optimizer=adam

Takes its hyperparameters as --NAME=VALUE options, the way W&B's agent passes them (and `carbs-suggest --format
args` prints them), and prints its result as one JSON object on its last line: {"val_acc": …, "cost": …}, the cost
being the simulated training time. Deterministic: the same options give the same result.
"""
import argparse
import json
import math
import sys


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--carbs-id", help="the run's id in the carbs sweep log (W&B passes none)")
    p.add_argument("--lr", type=float, required=True)
    p.add_argument("--weight_decay", type=float, required=True)
    p.add_argument("--batch_size", type=int, required=True)
    p.add_argument("--epochs", type=int, required=True)
    p.add_argument("--dropout", type=float, required=True)
    p.add_argument("--optimizer", choices=["adam", "sgd", "adamw"], required=True)
    a = p.parse_args()
    # A smooth made-up accuracy surface: best near lr 3e-3 (adam) / 3e-2 (sgd), weight decay 1e-4, dropout 0.2,
    # more epochs help with diminishing returns, big batches cost less per epoch and learn a little less.
    best_lr = 3e-2 if a.optimizer == "sgd" else 3e-3
    acc = 0.95
    acc -= 0.04 * (math.log10(a.lr) - math.log10(best_lr)) ** 2
    acc -= 0.01 * (math.log10(a.weight_decay) + 4) ** 2
    acc -= 0.3 * (a.dropout - 0.2) ** 2
    acc -= 0.15 / a.epochs + 0.01 * math.log2(a.batch_size / 16) / 5
    acc -= 0.01 if a.optimizer == "adamw" and a.weight_decay < 1e-5 else 0.0
    cost = a.epochs * (2.0 + 60.0 / a.batch_size)
    print(json.dumps({"val_acc": round(max(0.0, acc), 6), "cost": round(cost, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
