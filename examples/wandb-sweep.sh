#!/usr/bin/env bash
# wandb-sweep.sh [LOG [N]]: a W&B sweep configuration (wandb-sweep.yaml) converted and swept with carbs:
# the space and the objective (val_acc, maximize) come from the YAML file, the program (wandb-train.py) takes its
# parameters as --NAME=VALUE options exactly as under W&B's agent, and prints its result as JSON. N trials
# (default 12), then the front. The same file still runs under W&B (`wandb sweep wandb-sweep.yaml`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="${1:-sweep.jsonl}"
n="${2:-12}"

[[ -s "$log" ]] || carbs-space --file "$here/wandb-sweep.yaml" >"$log"

for ((i = 1; i <= n; i++)); do
    words="$(carbs-suggest --log "$log" --format args)"    # --carbs-id=ID --lr=… --batch_size=… …
    eval "set -- $words"
    id="${1#--carbs-id=}"
    shift
    if out="$(python3 "$here/wandb-train.py" "$@")"; then
        carbs-suggest --log "$log" --record "$id" --from - <<<"$out"
    else
        carbs-suggest --log "$log" --record "$id" --failed
    fi
done

"$here/front.sh" "$log"
