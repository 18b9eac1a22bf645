#!/usr/bin/env bash
# multi-seed.sh [LOG [N [K]]]: N suggestions (default 6), each trained with K seeds (default 3) and recorded as K
# observations of one point, then the front (carbs-pareto and carbs-plot group runs with identical params: mean
# score, mean cost, count).
#
# How the K observations are written with the existing flags:
#   seed 1      carbs-suggest --log LOG --record ID --value score=… --value cost=… --value seed=1
#   seed s > 1  a copy of the pending record with the id "ID-s<s>" (same params, same time) is appended under the
#               log's lock (the one-line flock recipe below: it first ends a torn last line, as the tools do),
#               then carbs-suggest --log LOG --record ID-s<s> … --value seed=<s>
# So every result is still written by carbs-suggest (it checks the score and cost, copies the params), each
# observation has its own id, and an agent that dies mid-point leaves only pending copies that --pending-timeout
# treats like any stale pending run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="${1:-sweep.jsonl}"
n="${2:-6}"
k="${3:-3}"

[[ -s "$log" ]] || carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int >"$log"

# append_line LOG LINE: append one whole line under the same flock the tools take.
append_line() {
    # shellcheck disable=SC2016 # $1 and $2 belong to the inner bash
    flock "$1" bash -c '[[ ! -s "$1" || -z "$(tail -c 1 "$1")" ]] || echo >>"$1"; printf "%s\n" "$2" >>"$1"' _ "$1" "$2"
}

for ((i = 1; i <= n; i++)); do
    pending="$(carbs-suggest --log "$log")"
    id="$(printf '%s\n' "$pending" | sed -n '1s/^{"id":"\([^"\\]*\)".*/\1/p')"
    for ((s = 1; s <= k; s++)); do
        rid="$id"
        if ((s > 1)); then
            rid="$id-s$s"
            append_line "$log" "$(printf '%s\n' "$pending" | sed "1s/^{\"id\":\"$id\"/{\"id\":\"$rid\"/")"
        fi
        if result="$(printf '%s\n' "$pending" | "$here/toy-train" --seed "$s")"; then
            read -r score cost <<<"$result"
            carbs-suggest --log "$log" --record "$rid" --value "$score" --value "$cost" --value "seed=$s"
        else
            carbs-suggest --log "$log" --record "$rid" --failed --value "seed=$s"
        fi
    done
done

"$here/front.sh" "$log"
