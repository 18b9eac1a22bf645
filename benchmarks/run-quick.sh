#!/usr/bin/env bash
# Day-to-day benchmark (a few minutes): 2 problems × all strategies × 3 seeds × 30 trials, and a small speed table.
# Results go to benchmarks/results/quick/ (git-ignored), with their own BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=benchmarks/results/quick
BIN=.build/release/carbs-bench
swift build -c release
mkdir -p "$OUT"
benchmarks/machine-info.sh > "$OUT/machine.txt"
"$BIN" quality --problems branin-cost,hartmann6-cost --strategies all --seeds 3 --trials 30 --out "$OUT" --tag "$(git rev-parse --short HEAD)"
"$BIN" speed --quick --out "$OUT/speed.jsonl" --logs benchmarks/results/raw/speed
cp benchmarks/results/commands.txt "$OUT/commands.txt"
"$BIN" report --results "$OUT" --out "$OUT/BENCHMARKS.md"
echo "quick benchmark: $OUT/BENCHMARKS.md"
