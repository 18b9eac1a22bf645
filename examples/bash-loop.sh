#!/usr/bin/env bash
# bash-loop.sh [LOG [N]]: a sequential sweep, N trials (default 20) one after the other on LOG (default
# sweep.jsonl, created with the toy space when missing), then the front.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="${1:-sweep.jsonl}"
n="${2:-20}"

[[ -s "$log" ]] || carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int >"$log"

for ((i = 1; i <= n; i++)); do
    pending="$(carbs-suggest --log "$log")"                                   # lock, read, append, print
    id="$(printf '%s\n' "$pending" | sed -n '1s/^{"id":"\([^"\\]*\)".*/\1/p')"
    if result="$(printf '%s\n' "$pending" | "$here/toy-train")"; then        # result: "score=… cost=…"
        read -r score cost <<<"$result"
        carbs-suggest --log "$log" --record "$id" --value "$score" --value "$cost"
    else
        carbs-suggest --log "$log" --record "$id" --failed
    fi
done

"$here/front.sh" "$log"
