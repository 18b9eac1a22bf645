#!/usr/bin/env bash
# parallel.sh [LOG [N [JOBS]]]: N trials (default 20), JOBS at a time (default 4), run by GNU parallel on LOG
# (default sweep.jsonl, created with the toy space when missing), then the front.
#
# Several hosts sharing a file system (LOG, this directory and the tools at the same paths everywhere):
#   SSHLOGIN=4/node1,4/node2 ./parallel.sh /shared/sweep.jsonl 100
# runs 4 trials at a time on each of node1 and node2 over ssh (add ":" for the local host too, e.g. 4/:,4/node1).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="${1:-sweep.jsonl}"
n="${2:-20}"
jobs="${3:-4}"

[[ -s "$log" ]] || carbs-space lr=log:1e-5:1e-1 epochs=log:1:100:int >"$log"
log="$(cd "$(dirname "$log")" && pwd)/$(basename "$log")"    # remote hosts need an absolute path

remote=()
if [[ -n "${SSHLOGIN:-}" ]]; then
    # PATH is sent along so that the remote shells find carbs-suggest; --workdir . keeps the current directory.
    remote=(--sshlogin "$SSHLOGIN" --env PATH --workdir .)
fi

# -N0: the inputs 1..N only count the trials; each job runs `trial.sh LOG` (suggest, train, record).
# --halt soon,fail=1: stop starting new trials after a failing one (a failed *training* is recorded, not an error).
seq "$n" | parallel -j "$jobs" -N0 --halt soon,fail=1 ${remote[@]+"${remote[@]}"} "$here/trial.sh" "$log"

"$here/front.sh" "$log"
