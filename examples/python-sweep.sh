#!/usr/bin/env bash
# python-sweep.sh [LOG [N]]: N trials (default 12) of the Python trainer train.py, which takes its parameters as
# --NAME=VALUE options (carbs-suggest --format args) and prints its result as JSON on its last line
# (carbs-suggest --record ID --from -), then the front.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="${1:-sweep.jsonl}"
n="${2:-12}"

[[ -s "$log" ]] || carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int opt=choice:adam,sgd >"$log"

for ((i = 1; i <= n; i++)); do
    # --carbs-id=ID --lr=… --epochs=… --opt=…, shell-quoted: `eval "set -- …"` makes them the arguments exactly.
    words="$(carbs-suggest --log "$log" --format args)"
    eval "set -- $words"
    id="${1#--carbs-id=}"
    if out="$(python3 "$here/train.py" "$@")"; then
        carbs-suggest --log "$log" --record "$id" --from - <<<"$out"
    else
        carbs-suggest --log "$log" --record "$id" --failed
    fi
done

"$here/front.sh" "$log"
