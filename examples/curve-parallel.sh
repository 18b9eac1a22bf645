#!/usr/bin/env bash
# curve-parallel.sh [LOG [N [JOBS]]]: GNU parallel runs N trials (default 20), JOBS at a time (default 4), each a
# curve-trial.sh: runs report learning curves and stop when the sweep advises it. Then the front and what stopping
# saved.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="${1:-sweep.jsonl}"
n="${2:-20}"
jobs="${3:-4}"

[[ -s "$log" ]] || carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int >"$log"

seq "$n" | parallel -j "$jobs" -N0 --halt soon,fail=1 "$here/curve-trial.sh" "$log"

"$here/front.sh" "$log"
carbs-pareto --summary --format text "$log"
