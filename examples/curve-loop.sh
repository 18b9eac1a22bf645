#!/usr/bin/env bash
# curve-loop.sh [LOG [N]]: a sequential sweep of N trials (default 20) whose runs report a learning curve and are
# stopped when the sweep advises it (each trial is curve-trial.sh), then the front and what stopping saved.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="${1:-sweep.jsonl}"
n="${2:-20}"

[[ -s "$log" ]] || carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int >"$log"

for ((i = 1; i <= n; i++)); do
    "$here/curve-trial.sh" "$log"
done

"$here/front.sh" "$log"
carbs-pareto --summary --format text "$log"
