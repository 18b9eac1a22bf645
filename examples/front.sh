#!/usr/bin/env bash
# front.sh LOG: print the score-versus-cost front of a sweep log (the last step of every example).
set -euo pipefail
if (($# != 1)); then
    echo "usage: front.sh LOG" >&2
    exit 64
fi
log="$1"
carbs-plot scatter <"$log"
