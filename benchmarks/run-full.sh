#!/usr/bin/env bash
# Release benchmark: all problems × all strategies × 20 seeds × 100 trials, the full speed grid, then BENCHMARKS.md.
# Takes about an hour on 2 shared cores. Resumable: finished (problem, strategy, seed) cells in
# benchmarks/results/quality.jsonl are skipped, so after an interruption just run it again. Run it in the background:
#   nohup benchmarks/run-full.sh > benchmarks/results/full.log 2>&1 &
# To measure a new commit, move benchmarks/results/quality.jsonl aside first: the run resumes from whatever summaries
# are there (each records the commit measured in "tag", and BENCHMARKS.md lists the tags).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=benchmarks/results
BIN=.build/release/carbs-bench
swift build -c release
mkdir -p "$OUT"
nice -n 10 "$BIN" quality --problems all --strategies all --seeds 20 --trials 100 --out "$OUT" --tag "$(git rev-parse --short HEAD)"
benchmarks/machine-info.sh > "$OUT/machine.txt"
"$BIN" speed --out "$OUT/speed.jsonl" --logs "$OUT/raw/speed"
"$BIN" report --results "$OUT" --out BENCHMARKS.md
echo "full benchmark: BENCHMARKS.md"
