#!/usr/bin/env bash
# curve-trial.sh LOG [CARBS-SUGGEST OPTION…]: one agent step of a sweep whose runs report a learning curve, and
# stop when the sweep advises it:
#
#   1. carbs-suggest --log LOG --format shell           a pending run: CARBS_ID=… lr=… epochs=…
#   2. toy-train --curve lr=… epochs=…                  one line per epoch: step=K score=… cost=… (cumulative)
#   3. after each line: carbs-suggest --log LOG --progress ID --from -    appends the checkpoint, prints
#      continue or stop; on stop the trainer is stopped (it gets SIGPIPE when it writes its next line)
#   4. carbs-suggest --log LOG --record ID --from -     the last line is the result (marked "stopped":true if
#      the run was stopped), or --failed when the trainer failed
#
# Any number of these can run at once on one log (GNU parallel: curve-parallel.sh). Extra arguments go to the
# suggesting call. TRAIN, if set, replaces "toy-train --curve" (a command that takes lr=… epochs=… and prints one
# KEY=VALUE line per step). Prints "ID step=… score=… cost=… [stopped]" (or "ID failed").
set -euo pipefail

if (($# < 1)); then
    echo "usage: curve-trial.sh LOG [CARBS-SUGGEST OPTION...]" >&2
    exit 64
fi
log="$1"
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ -n "${TRAIN:-}" ]]; then
    read -r -a train <<<"$TRAIN"
else
    train=("$here/toy-train" --curve)
fi

run="$(carbs-suggest --log "$log" --format shell "$@")"
eval "$run"                                                         # CARBS_ID, lr, epochs

# The trainer's lines on descriptor 3, then "exit=STATUS" once it has ended.
exec 3< <("${train[@]}" lr="$lr" epochs="$epochs"; echo "exit=$?")
last="" status="" advice=""
while IFS= read -r line <&3; do
    case "$line" in
        exit=*) status="${line#exit=}"; break ;;
    esac
    last="$line"
    advice="$(carbs-suggest --log "$log" --progress "$CARBS_ID" --from - <<<"$line")"
    [[ "$advice" == stop ]] && break
done
exec 3<&-                                                           # a stopped trainer dies of SIGPIPE

if [[ -n "$last" && ( "$advice" == stop || "$status" == 0 ) ]]; then
    carbs-suggest --log "$log" --record "$CARBS_ID" --from - <<<"$last"
    echo "$CARBS_ID $last${advice/#continue/}"
else
    carbs-suggest --log "$log" --record "$CARBS_ID" --failed
    echo "$CARBS_ID failed"
fi
