#!/usr/bin/env bash
# trial.sh LOG [CARBS-SUGGEST OPTION…]: one agent step of a sweep, the unit that every example runs.
#
#   1. carbs-suggest --log LOG      locks LOG, reads it, appends one pending record, prints it
#   2. $TRAIN < pending record      trains (default: toy-train next to this script), prints "score=… cost=…"
#   3. carbs-suggest --log LOG --record ID --value score=… --value cost=…   (or --failed if training failed)
#
# Both carbs-suggest calls hold an exclusive flock on LOG while they read and append, so any number of trial.sh
# can run at once, on one machine or on several machines sharing LOG's file system. Extra arguments go to the
# suggesting call (e.g. --pending-timeout 3600). TRAIN may be a command with arguments (split on spaces).
# Prints "ID score=… cost=…" (or "ID failed") on standard output.
set -euo pipefail

if (($# < 1)); then
    echo "usage: trial.sh LOG [CARBS-SUGGEST OPTION...]" >&2
    exit 64
fi
log="$1"
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ -n "${TRAIN:-}" ]]; then
    read -r -a train <<<"$TRAIN"
else
    train=("$here/toy-train")
fi

pending="$(carbs-suggest --log "$log" -n 1 "$@")"
# Records printed by carbs-suggest start with their id: {"id":"…",…
id="$(printf '%s\n' "$pending" | sed -n '1s/^{"id":"\([^"\\]*\)".*/\1/p')"
if [[ -z "$id" ]]; then
    echo "trial.sh: no id in the suggestion: $pending" >&2
    exit 65
fi

if result="$(printf '%s\n' "$pending" | "${train[@]}")"; then
    read -r -a fields <<<"$result"
    values=()
    for f in "${fields[@]}"; do values+=(--value "$f"); done
    carbs-suggest --log "$log" --record "$id" "${values[@]}"
    echo "$id $result"
else
    carbs-suggest --log "$log" --record "$id" --failed
    echo "$id failed"
fi
