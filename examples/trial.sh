#!/usr/bin/env bash
# trial.sh LOG [CARBS-SUGGEST OPTION…]: one agent step of a sweep, the unit that every example runs.
#
#   1. carbs-suggest --log LOG --format args   locks LOG, reads it, appends one pending record, prints its
#                                              params as words: --carbs-id=ID --lr=… --epochs=…
#   2. $TRAIN --lr=… --epochs=…                trains (default: toy-train next to this script); its last line
#                                              of output is the result: "score=… cost=…" or a JSON object
#   3. carbs-suggest --log LOG --record ID --from -    (or --failed if training failed)
#
# Both carbs-suggest calls append to LOG under an exclusive flock (and read it without), so any number of trial.sh
# can run at once, on one machine or on several machines sharing LOG's file system. Extra arguments go to the
# suggesting call (e.g. --pending-timeout 3600). TRAIN may be a command with arguments (split on spaces); it gets
# the run's params as --NAME=VALUE arguments, W&B-agent style. Prints "ID RESULT" (or "ID failed") on standard
# output.
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

# The words come shell-quoted, so a value with spaces or quotes arrives as one argument, literally.
words="$(carbs-suggest --log "$log" -n 1 --format args "$@")"
eval "set -- $words"
id="${1#--carbs-id=}"
shift

if result="$("${train[@]}" "$@")"; then
    carbs-suggest --log "$log" --record "$id" --from - <<<"$result"
    echo "$id ${result##*$'\n'}"
else
    carbs-suggest --log "$log" --record "$id" --failed
    echo "$id failed"
fi
