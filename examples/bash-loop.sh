#!/usr/bin/env bash
# bash-loop.sh [LOG [N]]: a sequential sweep, N trials (default 20) one after the other on LOG (default
# sweep.jsonl, created with the toy space when missing), then the front.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="${1:-sweep.jsonl}"
n="${2:-20}"

[[ -s "$log" ]] || carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int >"$log"

for ((i = 1; i <= n; i++)); do
    run="$(carbs-suggest --log "$log" --format shell)"           # lock, read, append the pending run
    eval "$run"                                                  # sets CARBS_ID, lr and epochs
    if result="$("$here/toy-train" lr="$lr" epochs="$epochs")"; then    # result: "score=… cost=…"
        carbs-suggest --log "$log" --record "$CARBS_ID" --from - <<<"$result"
    else
        carbs-suggest --log "$log" --record "$CARBS_ID" --failed
    fi
done

"$here/front.sh" "$log"
