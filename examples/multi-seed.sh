#!/usr/bin/env bash
# multi-seed.sh [LOG [N [K]]]: N suggestions (default 6), each trained with K seeds (default 3) and recorded as K
# observations of one point, then the front (carbs-pareto and carbs-plot group runs with identical params: mean
# score, mean cost, count).
#
# Seed 1 is recorded as the result of the pending run ID; every further seed s is recorded as a new run of the
# same params with `--record ID --as ID-s<s>`, so each observation has its own id and the tools group them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="${1:-sweep.jsonl}"
n="${2:-6}"
k="${3:-3}"

[[ -s "$log" ]] || carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int >"$log"

for ((i = 1; i <= n; i++)); do
    run="$(carbs-suggest --log "$log" --format shell)"           # sets CARBS_ID, lr and epochs
    eval "$run"
    for ((s = 1; s <= k; s++)); do
        as=()
        ((s == 1)) || as=(--as "$CARBS_ID-s$s")
        if result="$("$here/toy-train" --seed "$s" lr="$lr" epochs="$epochs")"; then
            carbs-suggest --log "$log" --record "$CARBS_ID" "${as[@]}" --from - --value "seed=$s" <<<"$result"
        else
            carbs-suggest --log "$log" --record "$CARBS_ID" "${as[@]}" --failed --value "seed=$s"
        fi
    done
done

"$here/front.sh" "$log"
